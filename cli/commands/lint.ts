/**
 * `faultline lint`: the static findings of §9. Findings are not failures: the exit status is 0. A saved
 * scenario the load path refuses does not hide the model's findings: they are printed, the scenario is named
 * on standard error, and the exit status is 2 (the file is bad input all the same).
 */
import { lintModel } from '../../shared/analysis/index.ts';
import { HELP_OPTION, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import { loadModelLeavingOutBadScenarios } from '../model.ts';
import { emit } from '../output.ts';
import { findingsMarkdown, findingsText } from '../render/findingsText.ts';

const FORMATS = ['text', 'md', 'json'] as const;

const help = `Usage: faultline lint FILE [--format text|md|json] [--out PATH]

Static findings, no break needed: long-lived and leaked secrets, reuse, environments, agents acting without
approval, unverified dependencies, unconstrained trust, expiring certificates, silent outages, owners,
admin grants, privilege drift. Each maps to OWASP NHI Top 10 (2025), OWASP LLM/agentic ids and NIST CSF 2.0.
Date rules compare with the model's asOf date and are skipped without one. A saved scenario that is
not valid is named on standard error and left out; the model's findings are still printed (exit 2).

Options:
  --format text|md|json text (default); md: a list for a wiki or pull request; json: the list of
                        findings, most severe first
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
    const { model, leftOut } = await loadModelLeavingOutBadScenarios(io, file);
    const findings = lintModel(model);
    const text = format === 'json' ? JSON.stringify(findings, null, 2) : format === 'md' ? findingsMarkdown(file, findings) : findingsText(file, findings);
    await emit(io, text, values.out);
    for (const s of leftOut) {
      io.stderr(`faultline: ${file}: scenario ${s.id === null ? `model.scenarios[${s.index}]` : `"${s.id}"`} left out: ${s.error.message}\n`);
    }
    return leftOut.length ? EXIT.badInput : EXIT.ok;
  },
};
