/**
 * OWASP Threat Dragon v2 models. Processes become services, stores datastores, actors persons (each a guess,
 * said once per kind in a warning); a store marked "stores credentials" also contains a secret. Flows become
 * calls (flows.ts). Trust boundary boxes become boundaries holding the elements drawn inside them; boundary
 * lines enclose nothing and are left out. Threats with their mitigations become one note beside their
 * element (and a line in its notes prop); text blocks become notes where they were drawn. Positions are kept.
 */
import type { NodeKind } from '../domain/index.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { addFlow } from './flows.ts';
import { GraphBuilder, slug } from './graph.ts';
import type { Json, JsonObject, ParsedFile } from './parse.ts';
import { asArray, asObject, asString, isObject, parseText } from './parse.ts';
import type { ImportError, ImportOutcome, SourceFile } from './types.ts';
import type { Rect } from '../visual/index.ts';

/** Threat Dragon boxes are drawn a little smaller than ours: spread the drawing so ours do not overlap. */
const SPREAD = 1.4;

const KINDS: Record<string, { kind: NodeKind; guess: string }> = {
  'tm.Process': { kind: 'service', guess: 'processes became services: make one an agent, a tool or a pipeline where it is one' },
  'tm.Store': { kind: 'datastore', guess: 'stores became datastores: make one a location where it is a log, a ticket or a wiki' },
  'tm.Actor': { kind: 'person', guess: 'actors became persons: make one a service where it is an external system' },
};

interface Cell {
  c: JsonObject;
  data: JsonObject;
  type: string;
}

const label = (data: JsonObject, c: JsonObject) =>
  (asString(data.name) ?? asString(asObject(asObject(c.attrs).text).text) ?? 'unnamed').replace(/\s*\n\s*/g, ' ').trim();

/** One note per element: its threats, each with status, severity, type and mitigation. */
function threatNote(threats: Json[]): { text: string; open: boolean } | null {
  const list = threats.filter(isObject);
  if (!list.length) return null;
  const lines = list.map((t) => {
    const head = `• [${asString(t.status) ?? '?'} · ${asString(t.severity) ?? '?'}] ${asString(t.title) ?? 'Threat'} (${asString(t.type) ?? asString(t.modelType) ?? ''})`;
    const desc = asString(t.description);
    const mit = asString(t.mitigation);
    return [head, desc ? `  ${desc}` : '', mit ? `  Mitigation: ${mit}` : ''].filter(Boolean).join('\n');
  });
  return { text: `Threats (Threat Dragon):\n${lines.join('\n')}`, open: list.some((t) => asString(t.status) !== 'Mitigated' && asString(t.status) !== 'NotApplicable') };
}

function importDiagram(b: GraphBuilder, parsed: ParsedFile, diagram: JsonObject, guessed: Set<string>, counts: { personFlows: number; lines: number }): void {
  const cells: Cell[] = asArray(diagram.cells)
    .filter(isObject)
    .map((c) => ({ c, data: asObject(c.data), type: asString(asObject(c.data).type) ?? '' }));
  const ids = new Map<string, { id: string; kind: NodeKind }>();
  const boxes: (Rect & { id: string })[] = [];

  for (const { c, data, type } of cells) {
    const ref = parsed.ref(c);
    const cellId = asString(c.id) ?? '';
    const pos = asObject(c.position);
    const size = asObject(c.size);
    const x = Number(pos.x ?? 0) * SPREAD;
    const y = Number(pos.y ?? 0) * SPREAD;
    if (type === 'tm.BoundaryBox' || asString(c.shape) === 'trust-boundary-box') {
      const id = b.boundary(`td-b-${cellId.slice(0, 8)}`, label(data, c) || 'Trust boundary');
      const rect = { x, y, width: Number(size.width ?? 200) * SPREAD, height: Number(size.height ?? 150) * SPREAD };
      b.frame(id, rect);
      boxes.push({ id, ...rect });
      continue;
    }
    if (type === 'tm.Text') {
      b.note(`note-td-${cellId.slice(0, 8)}`, label(data, c), null, '#e0f2fe', { x, y });
      continue;
    }
    const mapped = KINDS[type];
    if (!mapped) {
      if (type === 'tm.Boundary') counts.lines++;
      else if (type !== 'tm.Flow') b.warn(ref, `cell of type "${type || asString(c.shape) || '?'}" left out`);
      continue;
    }
    guessed.add(type);
    const name = label(data, c);
    const id = b.node(`td-${slug(name)}-${cellId.slice(0, 8)}`, mapped.kind, name, ref, {
      ...(asString(data.description) ? { notes: asString(data.description) } : {}),
      ...(data.outOfScope === true ? { outOfScope: true, reasonOutOfScope: asString(data.reasonOutOfScope) ?? '' } : {}),
      threatDragonType: type,
    });
    b.place(id, { x, y });
    ids.set(cellId, { id, kind: mapped.kind });
    if (type === 'tm.Store' && data.storesCredentials === true) {
      const secret = b.node(`${id}-credentials`, 'secret', `Credentials in ${name}`, ref, { secretType: 'password' });
      b.place(secret, { x: x + 40, y: y + 110 });
      b.edge('contains', id, secret);
    }
    const note = threatNote(asArray(data.threats));
    if (note) {
      b.note(`note-td-${cellId.slice(0, 8)}`, note.text, id, note.open ? '#fde68a' : '#bbf7d0');
      b.appendNodeNotes(id, note.text);
    }
  }

  // Membership by where the element's box sits: a boundary box holds what is drawn inside it.
  for (const [, node] of ids) {
    const cell = cells.find((x) => ids.get(asString(x.c.id) ?? '')?.id === node.id);
    const pos = asObject(cell?.c.position);
    const size = asObject(cell?.c.size);
    const cx = (Number(pos.x ?? 0) + Number(size.width ?? 0) / 2) * SPREAD;
    const cy = (Number(pos.y ?? 0) + Number(size.height ?? 0) / 2) * SPREAD;
    const box = boxes.find((bx) => cx >= bx.x && cx <= bx.x + bx.width && cy >= bx.y && cy <= bx.y + bx.height);
    if (box) b.setBoundary(node.id, box.id);
  }

  for (const { c, data, type } of cells) {
    if (type !== 'tm.Flow') continue;
    const ref = parsed.ref(c);
    const name = label(data, c);
    const from = ids.get(asString(asObject(c.source).cell) ?? '');
    const to = ids.get(asString(asObject(c.target).cell) ?? '');
    if (!from || !to) {
      b.warn(ref, `flow “${name}” is not connected at both ends; left out`);
      continue;
    }
    const caller = addFlow(b, from, to, name, ref);
    if (caller === null && (from.kind === 'person' || to.kind === 'person')) counts.personFlows++;
    const note = threatNote(asArray(data.threats));
    if (note) {
      const near = caller ?? from.id;
      b.note(`note-td-${(asString(c.id) ?? '').slice(0, 8)}`, `Flow “${name}”: ${note.text}`, near, note.open ? '#fde68a' : '#bbf7d0');
      b.appendNodeNotes(near, `Flow “${name}”: ${note.text}`);
    }
  }
}

export function importThreatDragon(files: readonly SourceFile[]): Result<ImportOutcome, ImportError> {
  const b = new GraphBuilder();
  const guessed = new Set<string>();
  const counts = { personFlows: 0, lines: 0 };
  for (const file of files) {
    const p = parseText(file, { json: true });
    if (!p.ok) return p;
    const doc = asObject(p.value.docs[0]);
    const detail = asObject(doc.detail);
    const diagrams = asArray(detail.diagrams).filter(isObject);
    if (!isObject(doc.summary) || !Array.isArray(detail.diagrams)) {
      return err({ file: file.name, line: 1, message: 'not a Threat Dragon model (no summary and detail.diagrams)' });
    }
    if (diagrams.some((d) => isObject(d.diagramJson))) {
      return err({ file: file.name, line: 1, message: 'a Threat Dragon version 1 model: open it in Threat Dragon 2 and save it, then import it' });
    }
    for (const d of diagrams) importDiagram(b, p.value, d, guessed, counts);
  }
  for (const type of guessed) b.warn({ file: files[0]?.name ?? '', line: null }, `kinds are a guess: ${KINDS[type]!.guess}`);
  if (counts.lines) b.warn({ file: files[0]?.name ?? '', line: null }, `${counts.lines} trust boundaries drawn as lines enclose nothing: left out (draw them as boxes, or add boundaries here)`);
  if (counts.personFlows) b.warn({ file: files[0]?.name ?? '', line: null }, `${counts.personFlows} flows to or from actors left out: a person holds credentials or runs as an identity, it does not call`);
  return ok({ kind: 'threat-dragon', graph: b.build(), warnings: b.warnings, findings: b.findings, files: files.length });
}
