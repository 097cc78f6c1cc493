/**
 * Runs in Chromium: the real library code on the browser's real IndexedDB. Publishes its figures on
 * `window.__benchResult` for bench/suites/library.ts to read.
 */
import { parseModelFile, serializeModel } from '../../shared/file/index.ts';
import type { Model } from '../../shared/domain/index.ts';
import { openFaultlineDb } from '../../renderer/src/library/db.ts';
import { createLibrary } from '../../renderer/src/library/library.ts';
import { generateModel } from '../generate.ts';

declare global {
  interface Window {
    __benchResult?: Record<string, number | string>;
  }
}

const RUNS = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const model: Model = { ...generateModel({ nodes: 5000, seed: 7 }), id: 'bench-5k' };
  const db = openFaultlineDb(`bench-${Date.now()}`);
  const library = createLibrary({ db });
  await library.save(model); // first write creates the record; warm-up

  const saves: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A small edit, as autosave sees it: a new model object with one node moved.
    const edited = { ...model, nodes: model.nodes.map((n, j) => (j === i ? { ...n, position: { x: i, y: i } } : n)) };
    saves.push(await timeIt(() => library.save(edited)));
  }

  const opens: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    opens.push(
      await timeIt(async () => {
        const loaded = await library.load(model.id);
        if (!loaded?.ok) throw new Error('load failed');
      }),
    );
  }

  // Opening a file: the text goes through the load path, then the model is on screen; its first write
  // into the library follows in the background (autosave), timed separately.
  const text = serializeModel(model);
  const fileOpens: number[] = [];
  const imports: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const parsed = parseModelFile(text);
    fileOpens.push(performance.now() - t0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const opened = { ...parsed.value, id: `file-${i}` };
    imports.push(await timeIt(() => library.importModel(opened)));
  }
  db.close();
  window.__benchResult = {
    nodes: model.nodes.length,
    edges: model.edges.length,
    fileBytes: text.length,
    saveMs: median(saves),
    openLibraryMs: median(opens),
    openFileMs: median(fileOpens),
    importMs: median(imports),
  };
}

main().catch((e: unknown) => {
  window.__benchResult = { error: e instanceof Error ? e.message : String(e) };
});
