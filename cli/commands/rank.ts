/** `faultline rank`: the chokepoints of §9 for one scenario. */
import { rankChokepoints } from '../../shared/analysis/index.ts';
import { SCENARIO_OPTIONS, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import { chooseScenario, loadModel } from '../model.ts';
import { emit } from '../output.ts';
import { chokepointsMarkdown, chokepointsText } from '../render/chokepointsMarkdown.ts';

const FORMATS = ['text', 'md', 'json'] as const;

const help = `Usage: faultline rank FILE (--scenario ID | --break MODE:NODE ...) [--respond ACTION:NODE@HOURS ...] [--format text|md|json] [--out PATH]

Chokepoints: for every edge that carried an impact, the scenario simulated again with that edge removed
or its control applied (approval, verified, constrained, bound, one access level lower); and the fixes
teams make after an incident: a short-lived credential (ttlHours 1), monitoring a node the attacker
reached (detectHours 1), responding within 24 h of detection. Ranked by how much the score falls; fixes
that change nothing are not listed. A negative reduction means the fix makes things worse (it delays
detection, for instance) and says why.

Options:
  --scenario ID         a scenario saved in the model
  --break MODE:NODE     a break at time 0 instead; repeat for several
  --respond ACTION:NODE@HOURS
                        a response (rotate or revoke) at an hour; repeat for several
  --format text|md|json md (default): a table; text: the same for a terminal; json: the list, best first
  --out PATH            write to PATH instead of standard output
  -h, --help            this help
`;

export const rankCommand: Command = {
  name: 'rank',
  summary: 'chokepoints: which single fix cuts the blast radius most',
  help,
  async run(args, io) {
    const { values, positionals } = parse('rank', args, SCENARIO_OPTIONS);
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('rank', positionals);
    const format = pickFormat(values.format, FORMATS, 'md');
    const model = await loadModel(io, file);
    const scenario = chooseScenario(model, file, 'rank', values);
    const points = rankChokepoints(model, scenario);
    const text =
      format === 'json'
        ? JSON.stringify(points, null, 2)
        : format === 'md'
          ? chokepointsMarkdown(model, scenario, points)
          : chokepointsText(model, scenario, points);
    await emit(io, text, values.out);
    return EXIT.ok;
  },
};
