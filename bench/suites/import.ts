/**
 * Importing a large `.github/workflows` folder: the twelve real workflows of test/fixtures/import copied
 * under new names until the folder holds 5 MB, then imported as the app and the CLI do (files in, graph out).
 * Target from issue #18: under 2 s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../shared/import/index.ts';
import { importFiles, modelFromImport } from '../../shared/import/index.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, measure, ms, within } from '../lib/measure.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/import/github-actions');
const TARGET_BYTES = 5 * 1024 * 1024;

/** The fixtures repeated under distinct names until they add up to `bytes`. */
export function workflowFolder(bytes: number): SourceFile[] {
  const originals = readdirSync(FIXTURES)
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') }));
  const files: SourceFile[] = [];
  let size = 0;
  for (let copy = 1; size < bytes; copy++) {
    for (const f of originals) {
      files.push({ name: `.github/workflows/copy-${String(copy).padStart(4, '0')}-${f.name}`, text: f.text });
      size += Buffer.byteLength(f.text);
      if (size >= bytes) break;
    }
  }
  return files;
}

export const importSuite: Suite = {
  name: 'import',
  description: 'GitHub Actions import of a 5 MB workflow folder (target < 2 s)',
  run(print) {
    const files = workflowFolder(TARGET_BYTES);
    const mb = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / (1024 * 1024);
    const first = importFiles('github-actions', files);
    if (!first.ok) throw new Error(first.error.message);
    const { graph } = first.value;
    const label = `${mb.toFixed(1)} MB, ${files.length} files → ${graph.nodes.length.toLocaleString('en')} nodes`;
    const t = measure(() => importFiles('github-actions', files), { warmup: 1, runs: 5 });
    print(figure(`import ${label}`, ms(t.median), within(t.median, 2000, 'ms', true)));
    const placed = measure(() => modelFromImport(first.value, 'bench'), { warmup: 1, runs: 3 });
    print(figure('  then placed as a model (CLI output)', ms(placed.median)));
  },
};
