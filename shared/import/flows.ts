/**
 * Data flows (Threat Dragon, OTM) as `calls`. A data flow says where data goes, not who can act on whom, so we
 * read it as: the end that is not a store (or the actor) calls the other end; a flow into a store is a call
 * with `write` access, a flow out of one a call with `read` access, and a flow between two workloads a call
 * with no access (only availability propagates). Repeated or two-way flows between the same pair merge, with
 * the wider access. A flow between two stores carries no trust, and one to or from a person has no edge kind
 * (a person holds credentials or runs as an identity; it does not call): both are left out, and counted.
 */
import type { NodeKind } from '../domain/index.ts';
import type { GraphBuilder } from './graph.ts';
import type { SourceRef } from './types.ts';

type Access = 'none' | 'read' | 'write';
const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };
const wider = (a: Access, b: Access): Access => (RANK[a] >= RANK[b] ? a : b);

const isStore = (k: NodeKind) => k === 'datastore' || k === 'secret' || k === 'location';

/** Adds one flow `from` → `to`; returns the node that makes the call (where a note about the flow belongs). */
export function addFlow(
  b: GraphBuilder,
  from: { id: string; kind: NodeKind },
  to: { id: string; kind: NodeKind },
  name: string,
  ref: SourceRef,
): string | null {
  let caller = from;
  let callee = to;
  let access: Access = 'none';
  if (isStore(from.kind) && isStore(to.kind)) {
    b.warn(ref, `flow “${name}” runs between two stores; left out`);
    return null;
  }
  if (from.kind === 'person' || to.kind === 'person') return null;
  if (isStore(to.kind)) access = 'write';
  else if (isStore(from.kind)) {
    caller = to;
    callee = from;
    access = 'read';
  }
  b.edge('calls', caller.id, callee.id, {
    props: { access, required: false, flows: [name] },
    merge: (a, c) => ({
      ...a,
      access: wider(a.access as Access, c.access as Access),
      flows: [...new Set([...(a.flows as string[]), ...(c.flows as string[])])],
    }),
  });
  return caller.id;
}
