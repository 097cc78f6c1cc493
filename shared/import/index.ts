/**
 * The importers, one table: what each reads, which files it takes from a folder, and the function. The CLI's
 * `faultline import KIND` and the app's File ▸ Import… both go through `importFiles`.
 */
import type { Model } from '../domain/index.ts';
import { modelSchema } from '../domain/index.ts';
import type { Result } from '../result.ts';
import { err } from '../result.ts';
import { importCompose } from './compose.ts';
import { importGithubActions } from './github/index.ts';
import { importKubernetes } from './kubernetes/index.ts';
import { importOtmFiles } from './otm.ts';
import { placeGraph, placeNotes } from './place.ts';
import { importThreatDragon } from './threatDragon.ts';
import type { ImportError, ImportKind, ImportOutcome, SourceFile } from './types.ts';

interface Importer {
  label: string;
  /** One line for the dialog and `--help`: what is read. */
  reads: string;
  /** File name endings taken from a folder (lower case). */
  extensions: readonly string[];
  run(files: readonly SourceFile[]): Result<ImportOutcome, ImportError>;
}

export const IMPORTERS: Record<ImportKind, Importer> = {
  'github-actions': {
    label: 'GitHub Actions',
    reads: 'workflow files, or a .github/workflows folder',
    extensions: ['.yml', '.yaml'],
    run: importGithubActions,
  },
  kubernetes: {
    label: 'Kubernetes',
    reads: 'manifests (multi-document YAML), or a folder of them',
    extensions: ['.yml', '.yaml'],
    run: importKubernetes,
  },
  compose: {
    label: 'docker-compose',
    reads: 'compose files (compose.yaml, docker-compose.yml)',
    extensions: ['.yml', '.yaml'],
    run: importCompose,
  },
  'threat-dragon': {
    label: 'Threat Dragon',
    reads: 'OWASP Threat Dragon v2 models (.json)',
    extensions: ['.json'],
    run: importThreatDragon,
  },
  otm: {
    label: 'Open Threat Model',
    reads: 'OTM 0.1/0.2 files (.otm, .json, .yaml), as IriusRisk writes them',
    extensions: ['.otm', '.json', '.yml', '.yaml'],
    run: importOtmFiles,
  },
};

/** True when a file found in a folder is one this importer reads. */
export const takesFile = (kind: ImportKind, name: string): boolean =>
  IMPORTERS[kind].extensions.some((ext) => name.toLowerCase().endsWith(ext));

/**
 * Runs an importer over files. No files, or files with nothing the importer reads (a composite action, a
 * kustomization, only CRDs), is an error naming why, not an empty model: a script must see it fail.
 */
export function importFiles(kind: ImportKind, files: readonly SourceFile[]): Result<ImportOutcome, ImportError> {
  const reads = `${IMPORTERS[kind].label} reads ${IMPORTERS[kind].reads}`;
  if (files.length === 0) return err({ file: '', line: null, message: `no files to import (${reads})` });
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const outcome = IMPORTERS[kind].run(sorted);
  if (!outcome.ok || outcome.value.graph.nodes.length > 0 || outcome.value.graph.notes.length > 0) return outcome;
  const why = outcome.value.warnings[0];
  const what = files.length === 1 ? 'it' : `these ${files.length} files`;
  return err({ file: why?.file ?? sorted[0].name, line: why?.line ?? null, message: `nothing to import in ${what}${why ? `: ${why.message}` : ''}. ${reads}` });
}

/**
 * A whole new model from an import (the CLI's output), every node placed; it goes through the schema. The files'
 * own description and as-of date (an OTM project's) come along.
 */
export function modelFromImport(outcome: ImportOutcome, name: string, id = 'imported'): Model {
  const { nodes, boundaries } = placeGraph(outcome.graph);
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  const notes = placeNotes(outcome.graph.notes, (nid) => at.get(nid));
  const { project } = outcome;
  return modelSchema.parse({
    id,
    name,
    ...(project?.asOf ? { asOf: project.asOf } : {}),
    description: project?.description ?? `Imported from ${outcome.files} ${IMPORTERS[outcome.kind].label} file${outcome.files === 1 ? '' : 's'}.`,
    nodes,
    edges: outcome.graph.edges,
    boundaries,
    scenarios: [],
    notes,
  });
}

export { planImport } from './merge.ts';
export type { ImportPlan } from './merge.ts';
export { parseImage } from './image.ts';
export type { ImageRef } from './image.ts';
export { OTM_ATTR } from './otm.ts';
export { hasUsableDrawing, placeGraph, placeNotes } from './place.ts';
export type * from './types.ts';
export { IMPORT_KINDS, where } from './types.ts';
