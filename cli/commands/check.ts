/**
 * `faultline check`: every saved scenario against its exposure limit, for CI gates. A scenario fails when its
 * exposure is over its own `params.maxExposure` or over `--max-exposure`; with both, the lower one is its limit.
 */
import { simulate } from '../../shared/engine/index.ts';
import { formatPercent } from '../../shared/format.ts';
import { HELP_OPTION, exposureLimit, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import { loadModel, refuseBadScenario } from '../model.ts';
import { md } from '../../shared/report/index.ts';
import { emit } from '../output.ts';
import { namesOf } from '../render/names.ts';

const FORMATS = ['text', 'md', 'json'] as const;

const help = `Usage: faultline check FILE [--max-exposure X] [--format text|md|json] [--out PATH]

Runs every saved scenario and prints one line each: PASS or FAIL, the scenario, its exposure and its limit.
A scenario fails when its exposure is over its own params.maxExposure or over X (the lower one counts).
A scenario with neither limit passes. Exit status 1 when any scenario fails: use it as a CI gate.

Options:
  --max-exposure X      a limit for every scenario: a share (0.3) or a percentage (30%)
  --format text|md|json text (default); md: a table for a pull request; json: for CI, with the same
                        exit status ({"file", "pass", "total", "failed", "scenarios": [...]})
  --out PATH            write the report to PATH instead of standard output
  -h, --help            this help
`;

/** The JSON of `check --format json`: what a CI job reads. */
interface CheckReport {
  file: string;
  pass: boolean;
  total: number;
  failed: number;
  scenarios: CheckLine[];
}

interface CheckLine {
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
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('check', positionals);
    const format = pickFormat(values.format, FORMATS, 'text');
    const given = values['max-exposure'] === undefined ? null : exposureLimit(values['max-exposure']);
    const model = await loadModel(io, file);
    if (model.scenarios.length === 0 && format !== 'json') {
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
    const failed = results.filter((r) => !r.pass).length;
    const verdict =
      failed === 0
        ? `${file}: all ${results.length} scenario${results.length === 1 ? '' : 's'} within their limits`
        : `${file}: ${failed} of ${results.length} scenario${results.length === 1 ? '' : 's'} over their limits`;
    const limitText = (r: CheckLine) => (r.limit === null ? 'no limit' : `limit ${formatPercent(r.limit)}`);
    let text: string;
    if (format === 'json') {
      const report: CheckReport = { file, pass: failed === 0, total: results.length, failed, scenarios: results };
      text = JSON.stringify(report, null, 2);
    } else if (format === 'md') {
      text = [
        '| Result | Scenario | Exposure | Limit |',
        '|---|---|---:|---:|',
        ...results.map((r) => `| ${r.pass ? 'PASS' : '**FAIL**'} | ${md(r.name)} | ${formatPercent(r.exposure)} | ${r.limit === null ? 'no limit' : formatPercent(r.limit)} |`),
        '',
        verdict,
      ].join('\n');
    } else {
      const width = Math.max(...results.map((r) => r.name.length));
      text = [
        ...results.map((r) => `${r.pass ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  exposure ${formatPercent(r.exposure).padStart(6)}  ${limitText(r)}`),
        '',
        verdict,
      ].join('\n');
    }
    await emit(io, text, values.out);
    return failed === 0 ? EXIT.ok : EXIT.checkFailed;
  },
};
