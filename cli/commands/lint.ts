/** `faultline lint`: the static findings of §9. Findings are not failures: the exit status is 0. */
import { lintModel } from '../../shared/analysis/findings.ts';
import { HELP_OPTION, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import { loadModel } from '../model.ts';
import { emit } from '../output.ts';
import { findingsText } from '../render/findingsText.ts';

const FORMATS = ['text', 'json'] as const;

const help = `Usage: faultline lint FILE [--format text|json] [--out PATH]

Static findings, no break needed: long-lived and leaked secrets, reuse, environments, agents acting without
approval, unverified dependencies, unconstrained trust, expiring certificates, silent outages, owners,
admin grants, privilege drift. Each maps to OWASP NHI Top 10 (2025), OWASP LLM/agentic ids and NIST CSF 2.0.
Date rules compare with the model's asOf date and are skipped without one.

Options:
  --format text|json    text (default), or json: the list of findings, most severe first
  --out PATH            write to PATH instead of standard output
  -h, --help            this help
`;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'findings mapped to OWASP NHI Top 10 and NIST CSF 2.0',
  help,
  async run(args, io) {
    const { values, positionals } = parse('lint', args, { ...HELP_OPTION, format: { type: 'string' }, out: { type: 'string' } });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('lint', positionals);
    const format = pickFormat(values.format, FORMATS, 'text');
    const findings = lintModel(await loadModel(io, file));
    await emit(io, format === 'json' ? JSON.stringify(findings, null, 2) : findingsText(file, findings), values.out);
    return EXIT.ok;
  },
};
