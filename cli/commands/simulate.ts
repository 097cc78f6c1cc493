/** `faultline simulate`: the §8 result of a saved scenario or of ad-hoc breaks and responses, as JSON, text, Markdown or a report. */
import { monteCarlo } from '../../shared/analysis/index.ts';
import { BREAK_MODES } from '../../shared/domain/index.ts';
import { simulate } from '../../shared/engine/index.ts';
import { SCENARIO_OPTIONS, parse, pickFormat, singleFile, wholeNumber } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import { chooseScenario, loadModel } from '../model.ts';
import { emit } from '../output.ts';
import { monteCarloMarkdown, simulationMarkdown, simulationText } from '../render/simulationMarkdown.ts';
import { buildReport } from '../../shared/report/index.ts';
import { writeReport } from './report.ts';

const FORMATS = ['text', 'md', 'json', 'html', 'pdf'] as const;
const DEFAULT_RUNS = 1000;
const DEFAULT_SEED = 1;

const help = `Usage: faultline simulate FILE (--scenario ID | --break MODE:NODE ...) [--respond ACTION:NODE@HOURS ...] [options]

Simulates a saved scenario, or breaks given here, and prints the blast radius.

Options:
  --scenario ID         a scenario saved in the model
  --break MODE:NODE     a break at time 0; repeat for several. MODE is one of
                        ${BREAK_MODES.join(', ')}
  --respond ACTION:NODE@HOURS
                        a response at an hour after the break; repeat for several, added to the
                        scenario's own. rotate (a secret): copies stolen before then stop working;
                        revoke (a secret or identity): down, and carries nothing, from then on
  --format text|md|json|html|pdf
                        json (default): the engine's result, exactly; text, md: a readable summary
                        with each impact's path; html, pdf: the report of this scenario (pdf needs --out)
  --out PATH            write to PATH instead of standard output
  --probabilistic       Monte Carlo over edge likelihoods: per node, the share of runs
                        reaching each effect
  --runs N              Monte Carlo runs (default ${DEFAULT_RUNS}); needs --probabilistic
  --seed S              Monte Carlo seed (default ${DEFAULT_SEED}); the same seed repeats a run
  -h, --help            this help

Examples:
  faultline simulate model.faultline.json --scenario leaked-ci-token
  faultline simulate model.faultline.json --break leak:ci-token --format md --out radius.md
  faultline simulate model.faultline.json --scenario leaked-ci-token --respond rotate:ci-token@4 --format text
  faultline simulate model.faultline.json --break compromise:agent --probabilistic --runs 5000 --seed 7
`;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'the blast radius of a scenario or of breaks and responses, as JSON, text or Markdown',
  help,
  async run(args, io) {
    const { values, positionals } = parse('simulate', args, {
      ...SCENARIO_OPTIONS,
      probabilistic: { type: 'boolean' },
      runs: { type: 'string' },
      seed: { type: 'string' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('simulate', positionals);
    const format = pickFormat(values.format, FORMATS, 'json');
    if (!values.probabilistic && (values.runs !== undefined || values.seed !== undefined)) {
      throw new CliError(`simulate: --runs and --seed need --probabilistic`);
    }
    const runs = values.runs === undefined ? DEFAULT_RUNS : wholeNumber('--runs', values.runs, 1, 1_000_000);
    const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber('--seed', values.seed, 0, 2 ** 32 - 1);
    const model = await loadModel(io, file);
    const scenario = chooseScenario(model, file, 'simulate', values);

    if (values.probabilistic) {
      if (format === 'html' || format === 'pdf') throw new CliError(`simulate: --probabilistic prints text, md or json, not ${format}`);
      const shares = monteCarlo(model, scenario, { runs, seed });
      const text = format === 'json' ? JSON.stringify(shares, null, 2) : monteCarloMarkdown(model, scenario, shares, format);
      await emit(io, text, values.out);
      return EXIT.ok;
    }
    const result = simulate(model, scenario);
    if (format === 'html' || format === 'pdf') {
      const doc = buildReport(model, [scenario], [result], {
        sections: ['scenarios', 'recommendations', 'appendix'],
        date: new Date().toISOString().slice(0, 10),
      });
      await writeReport(io, doc, format, values.out, 'simulate');
      return EXIT.ok;
    }
    const text =
      format === 'json'
        ? JSON.stringify(result, null, 2)
        : format === 'md'
          ? simulationMarkdown(model, scenario, result)
          : simulationText(model, scenario, result);
    await emit(io, text, values.out);
    return EXIT.ok;
  },
};
