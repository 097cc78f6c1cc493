/**
 * `faultline export FILE --format otm|opengraph [--out PATH]`: the model in a neighbouring tool's format, an
 * Open Threat Model document (IriusRisk and other OTM tools) or BloodHound OpenGraph JSON (BloodHound CE).
 */
import { openGraphText, otmText } from '../../shared/export/index.ts';
import { HELP_OPTION, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import { loadModel } from '../model.ts';
import { emit } from '../output.ts';

const FORMATS = ['otm', 'opengraph'] as const;

const help = `Usage: faultline export FILE --format otm|opengraph [--out PATH]

The model for another tool:
  otm         Open Threat Model 0.2 (JSON): boundaries as trust zones, nodes as components, edges as
              dataflows; Faultline's kinds and props ride along in attributes, so it imports back whole
  opengraph   BloodHound OpenGraph JSON for BloodHound CE's upload: FL_ node and edge kinds, lower-case
              properties, ids unique per model

Options:
  --format otm|opengraph   the format (required)
  --out PATH               write to PATH instead of standard output
  -h, --help               this help
`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'the model as Open Threat Model or BloodHound OpenGraph JSON',
  help,
  async run(args, io) {
    const { values, positionals } = parse('export', args, { ...HELP_OPTION, format: { type: 'string' }, out: { type: 'string' } });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('export', positionals);
    if (values.format === undefined) throw new CliError('export: --format otm or --format opengraph is required');
    const format = pickFormat(values.format, FORMATS, 'otm');
    const model = await loadModel(io, file);
    await emit(io, format === 'otm' ? otmText(model) : openGraphText(model), values.out);
    return EXIT.ok;
  },
};
