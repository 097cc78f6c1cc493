/**
 * Choke-point ranking in a worker thread, as the app runs it off its main thread: generates the bench model
 * (the same seed as the engine suite), ranks its scenario and posts progress as it goes, then the time.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { rankChokepoints } from '../../shared/analysis/index.ts';
import { generateModel } from '../generate.ts';

export type RankMessage =
  | { type: 'progress'; done: number; total: number; ms: number }
  | { type: 'done'; ms: number; rows: number; candidates: number };

const { nodes, seed } = workerData as { nodes: number; seed: number };
const model = generateModel({ nodes, seed });
const post = (m: RankMessage) => parentPort!.postMessage(m);
const t0 = performance.now();
let candidates = 0;
const rows = rankChokepoints(model, model.scenarios[0], {
  onProgress: (done, total) => {
    candidates = total;
    post({ type: 'progress', done, total, ms: performance.now() - t0 });
  },
});
post({ type: 'done', ms: performance.now() - t0, rows: rows.length, candidates });
