/**
 * What every importer takes and gives: files in (name and text; the CLI and the renderer read them), a graph
 * out with warnings and findings, or one error naming the file and line when a file cannot be read at all.
 */
import type { Boundary, ModelEdge, ModelNode } from '../domain/index.ts';

export const IMPORT_KINDS = ['github-actions', 'kubernetes', 'compose', 'threat-dragon', 'otm'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface SourceFile {
  /** The path as the user sees it, relative where possible (`.github/workflows/deploy.yml`). */
  name: string;
  text: string;
}

/** Where an imported thing came from: kept on every imported node as `props.source`. */
export interface SourceRef {
  file: string;
  /** 1-based; null when the format gives no line (a JSON value without a position). */
  line: number | null;
}

/** A construct the importer did not understand or had to guess about; the import goes on. */
export interface ImportWarning extends SourceRef {
  message: string;
}

/** Something risky the importer saw in the files (a trigger, a secret in a log). Also written as a model note. */
export interface ImportFinding extends SourceRef {
  rule: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  title: string;
  message: string;
  /** The node the finding is about. */
  node: string;
}

/** A file that cannot be read (malformed YAML or JSON, not the expected format): nothing is imported. */
export interface ImportError extends SourceRef {
  message: string;
}

/** A sticky note (domain 1.1 §10): imported threats and findings become notes. */
export type { Note } from '../domain/index.ts';

/** A note not yet placed: beside the node it is about, or where the source drew it. */
export interface PendingNote {
  id: string;
  text: string;
  near: string | null;
  /** Where the source file put it, in the imported nodes' coordinates. */
  position?: { x: number; y: number };
  color?: string;
}

export interface ImportedGraph {
  nodes: ModelNode[];
  edges: ModelEdge[];
  boundaries: Boundary[];
  notes: PendingNote[];
}

/** What a source file says of the model as a whole (an OTM project): used for a new model made from the import. */
export interface ImportedProject {
  name?: string;
  description?: string;
  /** The model's as-of date (§10), as the file writes it; the loader checks it. */
  asOf?: string;
}

export interface ImportOutcome {
  kind: ImportKind;
  graph: ImportedGraph;
  warnings: ImportWarning[];
  findings: ImportFinding[];
  /** How many files went in. */
  files: number;
  project?: ImportedProject;
}

/** `deploy.yml line 12` or just `deploy.yml`. */
export function where(ref: SourceRef): string {
  return ref.line === null ? ref.file : `${ref.file} line ${ref.line}`;
}
