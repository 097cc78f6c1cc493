/** The linter's speed on large models: it runs on every edit in the app, so it should stay well under a frame budget at 1k. */
import { lintModel } from '../../shared/analysis/index.ts';
import { generateModel } from '../generate.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, measure, ms } from '../lib/measure.ts';

export const findingsSuite: Suite = {
  name: 'findings',
  description: 'lintModel at 1k, 10k and 100k nodes',
  run(print) {
    for (const size of [1_000, 10_000, 100_000]) {
      const model = generateModel({ nodes: size, seed: 42 });
      const count = lintModel(model).length;
      const t = measure(() => lintModel(model), size >= 100_000 ? { warmup: 1, runs: 3 } : {});
      print(figure(`lint ${size.toLocaleString('en')} nodes (${count.toLocaleString('en')} findings)`, ms(t.median)));
    }
  },
};
