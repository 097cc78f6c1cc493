/** GitHub Actions: workflow files in, a graph of pipelines, tokens, secrets, actions and cloud identities out. */
import type { Result } from '../../result.ts';
import { ok } from '../../result.ts';
import { GraphBuilder, slug } from '../graph.ts';
import { parseText } from '../parse.ts';
import type { ParsedFile } from '../parse.ts';
import type { ImportError, ImportOutcome, SourceFile } from '../types.ts';
import { importWorkflow, workflowKey } from './workflow.ts';

/** Ids per file: the file name, or the whole path where two files share a name. */
function keysOf(files: readonly SourceFile[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(workflowKey(f.name), (count.get(workflowKey(f.name)) ?? 0) + 1);
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const f of files) {
    let key = count.get(workflowKey(f.name)) === 1 ? workflowKey(f.name) : slug(f.name.replace(/\.ya?ml$/i, ''));
    for (let i = 2; used.has(key); i++) key = `${key}-${i}`;
    used.add(key);
    keys.set(f.name, key);
  }
  return keys;
}

export function importGithubActions(files: readonly SourceFile[]): Result<ImportOutcome, ImportError> {
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const p = parseText(file);
    if (!p.ok) return p;
    parsed.push(p.value);
  }
  const keys = keysOf(files);
  const byBase = new Map(files.map((f) => [workflowKey(f.name), keys.get(f.name)!]));
  const localWorkflow = (path: string) => byBase.get(workflowKey(path)) ?? null;
  const b = new GraphBuilder();
  for (const p of parsed) importWorkflow(b, p, keys.get(p.file.name)!, localWorkflow);
  return ok({ kind: 'github-actions', graph: b.build(), warnings: b.warnings, findings: b.findings, files: files.length });
}
