/**
 * The engine's speed against its targets: simulate on 1k, 10k and 100k nodes beside plain BFS over the same
 * graph, chokepoint ranking on 1k, Monte Carlo 1,000 runs on 1k.
 *
 * "warm" runs simulate again on the same model object (the compiled graph is cached per model, as in the
 * app between edits) and is compared with BFS over a prebuilt adjacency: the targets apply to these. "cold"
 * gives simulate a new model object each time (compile + run, as after an edit) and compares it with BFS
 * that builds its adjacency too; shown for information.
 */
import { rankChokepoints } from '../../shared/analysis/chokepoints.ts';
import { monteCarlo } from '../../shared/analysis/montecarlo.ts';
import { modelSchema } from '../../shared/domain/schema.ts';
import { simulate } from '../../shared/engine/simulate.ts';
import { generateModel } from '../generate.ts';
import { bfs, buildAdjacency } from '../lib/bfs.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, measure, ms, once, times, within } from '../lib/measure.ts';

const SIZES = [1_000, 10_000, 100_000];
const SEED = 42;
const TARGETS = {
  simulate100kMs: 1000,
  simulateOverBfs: 8,
  rank1kMs: 2000,
  monteCarlo1kMs: 2000,
};

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export const engineSuite: Suite = {
  name: 'engine',
  description: 'simulate vs BFS at 1k/10k/100k nodes, chokepoints and Monte Carlo at 1k',
  run(print) {
    let small: ReturnType<typeof generateModel> | null = null;
    for (const size of SIZES) {
      const gen = once(() => generateModel({ nodes: size, seed: SEED }));
      const model = gen.value;
      if (size === SIZES[0]) small = model;
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
      print(figure(`BFS, adjacency prebuilt (min ${ms(walk.min)})`, ms(walk.median)));
      print(
        figure('simulate / BFS', times(warm.median / walk.median), within(warm.median / walk.median, TARGETS.simulateOverBfs, '×', false)),
      );
      print(figure(`simulate, cold: compile + run (min ${ms(cold.min)})`, ms(cold.median)));
      print(figure('BFS, building its adjacency', ms(full.median)));
      print(figure('cold simulate / cold BFS', times(cold.median / full.median)));
      print('');
    }
    if (!small) return;
    const model = small;
    const scenario = model.scenarios[0];
    print(`${k(model.nodes.length)} nodes: analyses`);
    const rank = measure(() => rankChokepoints(model, scenario), { warmup: 1, runs: 3 });
    const tried = rankChokepoints(model, scenario, { all: true }).length;
    const shown = rankChokepoints(model, scenario).length;
    print(figure(`chokepoint ranking (${tried} candidates, ${shown} change the score)`, ms(rank.median), within(rank.median, TARGETS.rank1kMs, 'ms', true)));
    const mc = measure(() => monteCarlo(model, scenario, { runs: 1000, seed: 1 }), { warmup: 1, runs: 3 });
    print(figure('Monte Carlo, 1,000 runs', ms(mc.median), within(mc.median, TARGETS.monteCarlo1kMs, 'ms', true)));
  },
};
