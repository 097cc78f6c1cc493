/**
 * The engine's speed against its targets: simulate on 1k, 10k and 100k nodes beside plain BFS over the same
 * graph, chokepoint ranking on 1k (beside the full re-simulation of every candidate) and on 10k in a worker
 * thread with progress, Monte Carlo 1,000 runs on 1k, and `faultline simulate` end to end on 100k beside a
 * process that reads, loads and writes the same way around plain BFS (bench/lib/bfsCli.ts).
 *
 * "warm" runs simulate again on the same model object (the compiled graph is cached per model, as in the
 * app between edits) and is compared with BFS over a prebuilt adjacency: the targets apply to these. The
 * result builds its trace and impact objects when they are first read (engine/result.ts): "reading them"
 * shows that cost too. "cold" gives simulate a new model object each time (compile + run, as after an
 * edit) and compares it with BFS that builds its adjacency too; shown for information.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { monteCarlo, rankChokepoints } from '../../shared/analysis/index.ts';
import { modelSchema } from '../../shared/domain/index.ts';
import { serializeModel } from '../../shared/file/index.ts';
import { simulate } from '../../shared/engine/index.ts';
import { generateModel } from '../generate.ts';
import { bfs, buildAdjacency } from '../lib/bfs.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, measure, ms, once, times, within } from '../lib/measure.ts';
import type { RankMessage } from '../lib/rankWorker.ts';

const SIZES = [1_000, 10_000, 100_000];
const SEED = 42;
const TARGETS = {
  simulate100kMs: 1000,
  simulateOverBfs: 8,
  rank1kMs: 2000,
  rank10kMs: 10_000,
  monteCarlo1kMs: 2000,
};

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export const engineSuite: Suite = {
  name: 'engine',
  description: 'simulate vs BFS at 1k/10k/100k nodes, chokepoints at 1k and 10k, Monte Carlo at 1k, the CLI at 100k',
  async run(print) {
    let small: ReturnType<typeof generateModel> | null = null;
    let big: ReturnType<typeof generateModel> | null = null;
    for (const size of SIZES) {
      const gen = once(() => generateModel({ nodes: size, seed: SEED }));
      const model = gen.value;
      if (size === SIZES[0]) small = model;
      if (size === SIZES[SIZES.length - 1]) big = model;
      const scenario = model.scenarios[0];
      const starts = scenario.breaks.map((b) => b.node);
      const parse = once(() => modelSchema.parse(model));
      print(`${k(size)} nodes, ${model.edges.length.toLocaleString('en')} edges, breaks ${scenario.breaks.map((b) => `${b.mode}:${b.node}`).join(' ')}`);
      print(figure('generate (filled objects)', ms(gen.ms)));
      print(figure('the same through the zod schema', ms(parse.ms)));

      const heavy = size >= 100_000;
      const runs = { warmup: heavy ? 1 : 2, runs: heavy ? 3 : 5 };
      const result = simulate(model, scenario);
      const warm = measure(() => simulate(model, scenario), runs);
      const read = measure(() => {
        const r = simulate(model, scenario);
        return r.impacts.length + r.trace.length;
      }, runs);
      const cold = measure(() => simulate({ ...model }, scenario), runs);
      const adj = buildAdjacency(model);
      const reached = bfs(adj, starts);
      const walk = measure(() => bfs(adj, starts), { warmup: 3, runs: 9 });
      const full = measure(() => bfs(buildAdjacency(model), starts), runs);

      print(figure(`impacts / nodes BFS reaches`, `${result.impacts.length} / ${reached}`));
      print(
        figure(
          `simulate, warm (median of ${warm.runs}; min ${ms(warm.min)})`,
          ms(warm.median),
          size === 100_000 ? within(warm.median, TARGETS.simulate100kMs, 'ms', true) : undefined,
        ),
      );
      print(figure('simulate, warm, reading impacts and trace', ms(read.median)));
      print(figure(`BFS, adjacency prebuilt (min ${ms(walk.min)})`, ms(walk.median)));
      print(
        figure('simulate / BFS', times(warm.median / walk.median), within(warm.median / walk.median, TARGETS.simulateOverBfs, '×', false)),
      );
      print(figure(`simulate, cold: compile + run (min ${ms(cold.min)})`, ms(cold.median)));
      print(figure('BFS, building its adjacency', ms(full.median)));
      print(figure('cold simulate / cold BFS', times(cold.median / full.median)));
      print('');
    }
    if (!small || !big) return;
    const model = small;
    const scenario = model.scenarios[0];
    print(`${k(model.nodes.length)} nodes: analyses`);
    const rank = measure(() => rankChokepoints(model, scenario), { warmup: 1, runs: 3 });
    const full = once(() => rankChokepoints(model, scenario, { all: true, exhaustive: true }));
    const all = rankChokepoints(model, scenario, { all: true });
    const tried = all.length;
    const shown = rankChokepoints(model, scenario).length;
    print(figure(`chokepoint ranking (${tried} candidates, ${shown} change the score)`, ms(rank.median), within(rank.median, TARGETS.rank1kMs, 'ms', true)));
    print(figure('the same, every candidate simulated in full', ms(full.ms)));
    print(figure('the same rows, row for row (all candidates)', isDeepStrictEqual(all, full.value) ? 'yes' : 'NO'));
    const mc = measure(() => monteCarlo(model, scenario, { runs: 1000, seed: 1 }), { warmup: 1, runs: 3 });
    print(figure('Monte Carlo, 1,000 runs', ms(mc.median), within(mc.median, TARGETS.monteCarlo1kMs, 'ms', true)));
    print('');
    print('10k nodes: chokepoint ranking in a worker thread');
    const ranked = await rankInWorker(10_000);
    print(figure(`progress messages (${ranked.candidates} candidates, ${ranked.rows} rows)`, String(ranked.progress)));
    print(figure('first progress after', ms(ranked.first)));
    print(figure('chokepoint ranking, in the worker', ms(ranked.ms), within(ranked.ms, TARGETS.rank10kMs, 'ms', true)));
    print('');
    cliEndToEnd(big, print);
  },
};

/** Ranks the 10k bench model in a worker thread, counting its progress messages. */
function rankInWorker(nodes: number): Promise<{ ms: number; rows: number; candidates: number; progress: number; first: number }> {
  const entry = new URL('../lib/rankWorker.ts', import.meta.url).href;
  const worker = new Worker(new URL('../lib/tsWorker.mjs', import.meta.url), { workerData: { entry, nodes, seed: SEED } });
  let progress = 0;
  let first = NaN;
  return new Promise((resolve, reject) => {
    worker.on('message', (m: RankMessage) => {
      if (m.type === 'progress') {
        progress++;
        if (Number.isNaN(first)) first = m.ms;
      } else {
        resolve({ ms: m.ms, rows: m.rows, candidates: m.candidates, progress, first });
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  });
}

/** `faultline simulate` on the 100k model saved to a file, and in process: load, simulate, the result as JSON. */
function cliEndToEnd(model: ReturnType<typeof generateModel>, print: (line: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  try {
    const file = join(dir, 'big.faultline.json');
    const out = join(dir, 'result.json');
    writeFileSync(file, serializeModel(model));
    print(`${k(model.nodes.length)} nodes: \`faultline simulate FILE --scenario bench --out result.json\` (file ${(statSync(file).size / 1e6).toFixed(0)} MB)`);
    const cli = join(import.meta.dirname, '../../cli/faultline.ts');
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [...process.execArgv, cli, 'simulate', file, '--scenario', 'bench', '--out', out], { encoding: 'utf8' });
    const total = performance.now() - t0;
    if (run.status !== 0) {
      print(`  the CLI failed (${run.status}): ${run.stderr.split('\n')[0]}`);
      return;
    }
    print(figure(`end to end (result ${(statSync(out).size / 1e6).toFixed(0)} MB)`, ms(total)));
    // the baseline: the same process around plain BFS (bench/lib/bfsCli.ts), in the same run
    const bfsCli = join(import.meta.dirname, '../lib/bfsCli.ts');
    const b0 = performance.now();
    const plain = spawnSync(process.execPath, [...process.execArgv, bfsCli, file, 'bench', join(dir, 'bfs.json')], { encoding: 'utf8' });
    const baseline = performance.now() - b0;
    if (plain.status === 0) {
      print(figure('the same process around plain BFS: read, load, BFS, write', ms(baseline)));
      print(figure('CLI simulate / CLI-shaped BFS', times(total / baseline)));
    } else print(`  the BFS baseline failed (${plain.status}): ${plain.stderr.split('\n')[0]}`);
    const text = once(() => JSON.stringify(simulate(model, model.scenarios[0]), null, 2));
    print(figure('in process: simulate and the result as JSON text', ms(text.ms)));
    const sim = once(() => simulate(model, model.scenarios[0]));
    print(figure('in process: simulate alone', ms(sim.ms)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
