/**
 * `faultline check`: every saved scenario against its exposure limit, for CI gates. A scenario fails when its
 * exposure is over its own `params.maxExposure` or over `--max-exposure`; with both, the lower one is its limit.
 */
import { simulate } from '../../shared/engine/simulate.ts';
import { HELP_OPTION, exposureLimit, parse, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import { loadModel, refuseBadScenario } from '../model.ts';
import { emit, percent } from '../output.ts';
import { namesOf } from '../render/names.ts';

const help = `Usage: faultline check FILE [--max-exposure X] [--out PATH]

Runs every saved scenario and prints one line each: PASS or FAIL, the scenario, its exposure and its limit.
A scenario fails when its exposure is over its own params.maxExposure or over X (the lower one counts).
A scenario with neither limit passes. Exit status 1 when any scenario fails: use it as a CI gate.

Options:
  --max-exposure X      a limit for every scenario: a share (0.3) or a percentage (30%)
  --out PATH            write the report to PATH instead of standard output
  -h, --help            this help
`;

export interface CheckLine {
  id: string;
  name: string;
  exposure: number;
  limit: number | null;
  pass: boolean;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'run every saved scenario against its exposure limit (a CI gate)',
  help,
  async run(args, io) {
    const { values, positionals } = parse('check', args, {
      ...HELP_OPTION,
      'max-exposure': { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('check', positionals);
    const given = values['max-exposure'] === undefined ? null : exposureLimit(values['max-exposure']);
    const model = await loadModel(io, file);
    if (model.scenarios.length === 0) {
      await emit(io, `${file}: no saved scenarios to check`, values.out);
      return EXIT.ok;
    }
    const names = namesOf(model);
    const results: CheckLine[] = model.scenarios.map((scenario, i) => {
      refuseBadScenario(model, file, scenario, { saved: i });
      const { exposure } = simulate(model, scenario).summary;
      const limits = [scenario.params.maxExposure, given].filter((l): l is number => typeof l === 'number');
      const limit = limits.length ? Math.min(...limits) : null;
      return { id: scenario.id, name: names.scenario(scenario), exposure, limit, pass: limit === null || exposure <= limit };
    });
    const width = Math.max(...results.map((r) => r.name.length));
    const lines = results.map(
      (r) =>
        `${r.pass ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  exposure ${percent(r.exposure).padStart(6)}  ${r.limit === null ? 'no limit' : `limit ${percent(r.limit)}`}`,
    );
    const failed = results.filter((r) => !r.pass).length;
    lines.push(
      '',
      failed === 0
        ? `${file}: all ${results.length} scenario${results.length === 1 ? '' : 's'} within their limits`
        : `${file}: ${failed} of ${results.length} scenario${results.length === 1 ? '' : 's'} over their limits`,
    );
    await emit(io, lines.join('\n'), values.out);
    return failed === 0 ? EXIT.ok : EXIT.checkFailed;
  },
};
