/** `faultline rank`: the chokepoints of §9 for one scenario. */
import { rankChokepoints } from '../../shared/analysis/chokepoints.ts';
import { HELP_OPTION, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import { chooseScenario, loadModel } from '../model.ts';
import { emit } from '../output.ts';
import { chokepointsMarkdown } from '../render/chokepointsMarkdown.ts';

const FORMATS = ['md', 'json'] as const;

const help = `Usage: faultline rank FILE (--scenario ID | --break MODE:NODE ...) [--format md|json] [--out PATH]

Chokepoints: for every edge that carried an impact, the scenario simulated again with that edge removed
or its control applied (approval, verified, constrained, bound, one access level lower), ranked by how
much the score falls. A negative reduction means the fix delays detection and the attacker reaches more.

Options:
  --scenario ID         a scenario saved in the model
  --break MODE:NODE     a break at time 0 instead; repeat for several
  --format md|json      md (default): a table; json: the list of chokepoints, best first
  --out PATH            write to PATH instead of standard output
  -h, --help            this help
`;

export const rankCommand: Command = {
  name: 'rank',
  summary: 'chokepoints: which single fix cuts the blast radius most',
  help,
  async run(args, io) {
    const { values, positionals } = parse('rank', args, {
      ...HELP_OPTION,
      scenario: { type: 'string' },
      break: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('rank', positionals);
    const format = pickFormat(values.format, FORMATS, 'md');
    const model = await loadModel(io, file);
    const scenario = chooseScenario(model, file, 'rank', values);
    const points = rankChokepoints(model, scenario);
    const text = format === 'json' ? JSON.stringify(points, null, 2) : chokepointsMarkdown(model, scenario, points);
    await emit(io, text, values.out);
    return EXIT.ok;
  },
};
