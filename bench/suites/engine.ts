/**
 * The engine's speed against its targets: simulate on 1k, 10k and 100k nodes beside plain BFS over the same
 * graph, chokepoint ranking on 1k (beside the full re-simulation of every candidate) and on 10k in a worker
 * thread with progress, Monte Carlo 1,000 runs on 1k, and `faultline simulate` end to end on 100k beside a
 * process that reads, loads and writes the same way around plain BFS (bench/lib/bfsCli.ts).
 *
 * What is timed, per size, in interleaved rounds (each round runs every figure of its set once, so that all see
 * the same load; 15 rounds at 100k, 25 below, after 2 untimed), min and median of wall time and of this
 * process's CPU time (steadier on a shared machine). Three sets, one after the other, each figure beside its
 * baseline: warm simulate and plain BFS; simulate and reading the result, and plain BFS again; the two that
 * build a graph anew. The garbage a figure leaves every round (100k result objects, a whole compiled graph or
 * adjacency) is collected by V8's helper threads while the next figures run, and that CPU time is this
 * process's: in one set it was charged to warm simulate (at 100k its CPU time was above its wall time).
 * Figures:
 * - "simulate (warm, compiled)": simulate again on the same model object; the compiled graph is cached per
 *   model, as in the app between edits. The result builds its trace and impact objects when first read
 *   (engine/result.ts), so this is the run, the summary and the per-node arrays the result keeps.
 * - "simulate + reading the result": the same, then reading `impacts` and `trace` (every object built).
 * - "plain BFS": over a prebuilt adjacency (bench/lib/bfs.ts). The 8× target is warm simulate over this,
 *   on CPU time min.
 * - "compile + simulate": a new model object each time (compile + run, as after an edit), beside BFS that
 *   builds its adjacency too; shown for information.
 * The CLI end to end runs `faultline simulate` and a process shaped the same around BFS, alternating.
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
import type { Interleaved } from '../lib/measure.ts';
import { figure, interleave, measure, minMed, ms, once, summarise, times, within } from '../lib/measure.ts';
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

/** rounds of the CLI and its baseline: each loads a 160 MB file */
const CLI_ROUNDS = 3;

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
      print(`${k(size)} nodes, ${model.edges.length.toLocaleString('en')} edges, breaks ${scenario.breaks.map((b) => `${b.mode}:${b.node}`).join(' ')}`);
      print(figure('generate (filled objects)', ms(gen.ms)));

      // Interleaved rounds (every figure under the same load), min and median; CPU time beside wall time
      // because on a shared machine wall time mostly measures the other processes.
      const runs = { warmup: 2, runs: size >= 100_000 ? 15 : 25 };
      const result = simulate(model, scenario);
      const adj = buildAdjacency(model);
      const reached = bfs(adj, starts);
      const t = {
        ...interleave({ warm: () => simulate(model, scenario), bfs: () => bfs(adj, starts) }, runs),
        ...interleave(
          {
            read: () => {
              const r = simulate(model, scenario);
              return r.impacts.length + r.trace.length;
            },
            bfsRead: () => bfs(adj, starts),
          },
          runs,
        ),
        ...interleave({ cold: () => simulate({ ...model }, scenario), bfsCold: () => bfs(buildAdjacency(model), starts) }, runs),
      };
      // After the rounds, and only its time kept: the parsed copy is a second model as big, which kept alive
      // (or left as garbage) through the rounds, every collection in them marks (or sweeps) too.
      print(figure('the same model through the zod schema', ms(once(() => modelSchema.parse(model)).ms)));
      const ratio = (a: Interleaved, b: Interleaved, key: 'wall' | 'cpu', at: 'min' | 'median') => a[key][at] / b[key][at];
      print(figure(`impacts / nodes BFS reaches`, `${result.impacts.length} / ${reached}`));
      print(`  ${t.warm.wall.runs} interleaved rounds; min / median, wall time, then CPU time`);
      const line = (label: string, x: Interleaved, target?: { text: string; ok: boolean }) =>
        print(figure(label, `${minMed(x.wall)}`, target) + `   cpu ${minMed(x.cpu)}`);
      line('simulate, warm (compiled model cached)', t.warm, size === 100_000 ? within(t.warm.wall.median, TARGETS.simulate100kMs, 'ms', true) : undefined);
      line('simulate, warm, then reading impacts, trace', t.read);
      line('plain BFS, adjacency prebuilt', t.bfs);
      const ratios = (a: Interleaved, b: Interleaved) =>
        `${times(ratio(a, b, 'wall', 'min'))} / ${times(ratio(a, b, 'wall', 'median'))}   cpu ${times(ratio(a, b, 'cpu', 'min'))} / ${times(ratio(a, b, 'cpu', 'median'))}`;
      const target = within(ratio(t.warm, t.bfs, 'cpu', 'min'), TARGETS.simulateOverBfs, '×', false);
      print(`${figure('simulate (warm, compiled) / BFS', '', target)}
      ${ratios(t.warm, t.bfs)}`);
      print(`${figure('simulate + reading the result / BFS', '')}
      ${ratios(t.read, t.bfsRead)}`);
      line('compile + simulate (a new model object)', t.cold);
      line('BFS, building its adjacency', t.bfsCold);
      print(`${figure('compile + simulate / BFS with its adjacency', '')}\n      ${ratios(t.cold, t.bfsCold)}`);
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
    // the baseline: the same process around plain BFS (bench/lib/bfsCli.ts); the two alternate, 3 rounds
    const bfsCli = join(import.meta.dirname, '../lib/bfsCli.ts');
    const spawn = (args: string[]) => {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: 'utf8' });
      return { ms: performance.now() - t0, run };
    };
    const cliMs: number[] = [];
    const bfsMs: number[] = [];
    for (let round = 0; round < CLI_ROUNDS; round++) {
      const a = spawn([cli, 'simulate', file, '--scenario', 'bench', '--out', out]);
      if (a.run.status !== 0) {
        print(`  the CLI failed (${a.run.status}): ${a.run.stderr.split('\n')[0]}`);
        return;
      }
      const b = spawn([bfsCli, file, 'bench', join(dir, 'bfs.json')]);
      if (b.run.status !== 0) {
        print(`  the BFS baseline failed (${b.run.status}): ${b.run.stderr.split('\n')[0]}`);
        return;
      }
      cliMs.push(a.ms);
      bfsMs.push(b.ms);
    }
    const cliT = summarise(cliMs);
    const bfsT = summarise(bfsMs);
    print(`  ${CLI_ROUNDS} alternating rounds, wall time min / median`);
    print(figure(`end to end (result ${(statSync(out).size / 1e6).toFixed(0)} MB)`, minMed(cliT)));
    print(figure('the same process around plain BFS: read, load, BFS, write', minMed(bfsT)));
    print(figure('CLI simulate / CLI-shaped BFS', `${times(cliT.min / bfsT.min)} / ${times(cliT.median / bfsT.median)}`));
    const text = once(() => JSON.stringify(simulate(model, model.scenarios[0]), null, 2));
    print(figure('in process: simulate and the result as JSON text', ms(text.ms)));
    const sim = once(() => simulate(model, model.scenarios[0]));
    print(figure('in process: simulate alone', ms(sim.ms)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
