/**
 * Collects what an importer finds: nodes with stable ids (the same secret named in two files is one node),
 * edges (one per source, kind and target, their props merged), boundaries, notes, warnings and findings.
 * `build()` fills every node's and edge's defaults through the model's own schemas, so the graph is valid.
 */
import type { Boundary, EdgeKind, Environment, ModelEdge, ModelNode, NodeKind } from '../domain/index.ts';
import { edgeSchema, nodeSchema } from '../domain/index.ts';
import type { ImportFinding, ImportWarning, ImportedGraph, PendingNote, SourceRef } from './types.ts';
import type { Rect } from '../visual/index.ts';

type Props = Record<string, unknown>;

interface DraftNode {
  id: string;
  kind: NodeKind;
  label: string;
  props: Props;
  boundary?: string;
  position?: { x: number; y: number };
}

interface DraftEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  props: Props;
}

/** Lower-case words joined by dashes: a readable id part. Keeps letters and digits of any script. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return s || 'x';
}

interface EdgeOptions {
  props?: Props;
  /** An id to keep (a round trip); by default one from source, kind and target. */
  id?: string;
  /** How to combine props when the same edge is added again (default: the first one's stay). */
  merge?: (before: Props, added: Props) => Props;
}

export class GraphBuilder {
  private readonly nodes = new Map<string, DraftNode>();
  private readonly edges = new Map<string, DraftEdge>();
  private readonly boundaries = new Map<string, Boundary>();
  private readonly notes: PendingNote[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly findings: ImportFinding[] = [];

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /**
   * Adds a node, or returns the one already there with that id (its label and props stay; `props` given now
   * fill only what it lacks). `source` becomes `props.source` the first time, unless props bring one.
   */
  node(id: string, kind: NodeKind, label: string, source: SourceRef, props: Props = {}, boundary?: string): string {
    const found = this.nodes.get(id);
    if (found) {
      for (const [k, v] of Object.entries(props)) if (!(k in found.props)) found.props[k] = v;
      return id;
    }
    // A props.source already there (a model exported and imported back) is where the node first came from.
    const from = props.source ?? { file: source.file, line: source.line };
    this.nodes.set(id, { id, kind, label, props: { ...props, source: from }, ...(boundary ? { boundary } : {}) });
    return id;
  }

  /** Ids of the nodes so far that pass `test` (kind and props as given). */
  find(test: (kind: NodeKind, props: Readonly<Props>, label: string) => boolean): string[] {
    return [...this.nodes.values()].filter((n) => test(n.kind, n.props, n.label)).map((n) => n.id);
  }

  /** A node's props as they are now (empty for an unknown id). */
  props(id: string): Readonly<Props> {
    return this.nodes.get(id)?.props ?? {};
  }

  /** Changes a node's props after the fact (e.g. an environment learned later). */
  setProps(id: string, props: Props): void {
    const n = this.nodes.get(id);
    if (n) Object.assign(n.props, props);
  }

  edge(kind: EdgeKind, source: string, target: string, options: EdgeOptions = {}): string {
    const id = options.id ?? `${source}>${kind}>${target}`;
    const props = options.props ?? {};
    const found = this.edges.get(id);
    if (found) {
      if (options.merge) found.props = options.merge(found.props, props);
      return id;
    }
    this.edges.set(id, { id, kind, source, target, props: { ...props } });
    return id;
  }

  boundary(id: string, label: string, environment: Environment = 'prod'): string {
    if (!this.boundaries.has(id)) {
      this.boundaries.set(id, { id, label, environment, position: { x: 0, y: 0 }, size: { width: 400, height: 300 } });
    }
    return id;
  }

  note(id: string, text: string, near: string | null, color?: string, position?: { x: number; y: number }): void {
    if (this.notes.some((n) => n.id === id)) return;
    this.notes.push({ id, text, near, ...(color ? { color } : {}), ...(position ? { position } : {}) });
  }

  /** Places a node where the source drew it (diagram formats); the app keeps such a drawing as it is. */
  place(id: string, position: { x: number; y: number }): void {
    const n = this.nodes.get(id);
    if (n) n.position = { x: Math.round(position.x), y: Math.round(position.y) };
  }

  setBoundary(id: string, boundary: string): void {
    const n = this.nodes.get(id);
    if (n) n.boundary = boundary;
  }

  /** Sets a boundary's frame from the source's drawing. */
  frame(id: string, rect: Rect): void {
    const b = this.boundaries.get(id);
    if (b) this.boundaries.set(id, { ...b, position: { x: Math.round(rect.x), y: Math.round(rect.y) }, size: { width: Math.max(40, Math.round(rect.width)), height: Math.max(40, Math.round(rect.height)) } });
  }

  /** Appends a line to a node's `notes` prop, so what a note says is also in the inspector. */
  appendNodeNotes(id: string, text: string): void {
    const n = this.nodes.get(id);
    if (!n) return;
    const before = typeof n.props.notes === 'string' && n.props.notes ? `${n.props.notes}\n` : '';
    n.props.notes = `${before}${text}`;
  }

  warn(ref: SourceRef, message: string): void {
    this.warnings.push({ file: ref.file, line: ref.line, message });
  }

  finding(f: ImportFinding): void {
    if (!this.findings.some((x) => x.rule === f.rule && x.node === f.node && x.file === f.file && x.line === f.line)) this.findings.push(f);
  }

  build(): ImportedGraph {
    const nodes = [...this.nodes.values()].map((n) => nodeSchema.parse(n) as ModelNode);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = [...this.edges.values()]
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => edgeSchema.parse(e) as ModelEdge);
    const used = new Set(nodes.map((n) => n.boundary).filter((b): b is string => !!b));
    const boundaries = [...this.boundaries.values()].filter((b) => used.has(b.id));
    const notes = this.notes.filter((n) => n.near === null || ids.has(n.near));
    return { nodes, edges, boundaries, notes };
  }
}
