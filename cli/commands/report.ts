/**
 * `faultline report`: the full report of a model (all saved scenarios, or those picked) as PDF, HTML or Markdown.
 * Also the writer `simulate --format html|pdf` uses for one scenario.
 */
import type { Model } from '../../shared/domain/index.ts';
import type { ScenarioInput } from '../../shared/engine/index.ts';
import { simulate } from '../../shared/engine/index.ts';
import type { Paper, ReportDocument, ReportOptions, SectionKey } from '../../shared/report/index.ts';
import { buildReport, PAPERS, renderHtml, renderMarkdown, SECTION_KEYS } from '../../shared/report/index.ts';
import { HELP_OPTION, parse, pickFormat, singleFile } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { describeFsError } from '../io.ts';
import { loadModel, refuseBadScenario } from '../model.ts';
import { emit } from '../output.ts';

/** The shared vocabulary (args.ts): a report's text is its Markdown; json is the report document itself. */
const REPORT_FORMATS = ['text', 'md', 'json', 'html', 'pdf'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

const help = `Usage: faultline report FILE [--scenario ID ...] --out PATH [options]

Writes the full report of a model: cover, executive summary, the model with its diagram and inventories,
each scenario (its timeline, blast radius and every impact with its path), findings mapped to OWASP NHI
Top 10 and NIST CSF 2.0, recommendations ranked by how much they cut, and an appendix on how to read it.

Options:
  --scenario ID         a saved scenario to include; repeat for several (default: every saved scenario)
  --out PATH            where to write; needed for a PDF
  --format text|md|json|html|pdf
                        default: from the extension of --out (.pdf, .html, .md, .json, .txt), else
                        pdf; text and md: the report as Markdown; json: the report's data
  --paper A4|Letter     paper size (default A4)
  --title TEXT          cover title (default: the model's name)
  --author TEXT         author on the cover
  --organisation TEXT   organisation on the cover
  --date YYYY-MM-DD     report date on the cover (default: today)
  --sections LIST       only these, comma-separated: ${SECTION_KEYS.join(',')}
  -h, --help            this help

Examples:
  faultline report model.faultline.json --out report.pdf
  faultline report model.faultline.json --scenario leaked-ci-token --paper Letter --author "Ada" --out r.pdf
  faultline report model.faultline.json --format md > REPORT.md
`;

async function writeBytes(io: Io, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await io.writeBytes(path, bytes);
  } catch (e) {
    throw new CliError(`${path}: cannot write (${describeFsError(e)})`);
  }
}

/** The format: as given, or from the extension of --out, or PDF. */
function reportFormat(given: string | undefined, out: string | undefined, fallback: ReportFormat = 'pdf'): ReportFormat {
  if (given !== undefined) return pickFormat(given, REPORT_FORMATS, fallback);
  const ext = /\.([a-z]+)$/i.exec(out ?? '')?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'json') return 'json';
  if (ext === 'txt') return 'text';
  return fallback;
}

/** Writes the report in the format asked for: PDF to --out (required), HTML and Markdown to --out or stdout. */
export async function writeReport(io: Io, doc: ReportDocument, format: ReportFormat, out: string | undefined, command: string): Promise<void> {
  if (format === 'md' || format === 'text') return emit(io, renderMarkdown(doc), out);
  if (format === 'json') return emit(io, JSON.stringify(doc, null, 2), out);
  if (format === 'html') return emit(io, renderHtml(doc), out);
  if (out === undefined) throw new CliError(`${command}: a PDF needs --out PATH (it is not text for the terminal)`);
  // The PDF renderer (pdfkit, fonts) loads only when a PDF is asked for.
  const [{ renderReportPdf }, { loadNodeReportFonts }] = await Promise.all([import('../../shared/report/pdf/index.ts'), import('../reportFonts.ts')]);
  await writeBytes(io, out, await renderReportPdf(doc, { fonts: await loadNodeReportFonts() }));
}

function pickPaper(value: string | undefined): Paper {
  if (value === undefined) return 'A4';
  const found = PAPERS.find((p) => p.toLowerCase() === value.toLowerCase());
  if (!found) throw new CliError(`--paper "${value}": expected ${PAPERS.join(' or ')}`);
  return found;
}

function pickSections(value: string | undefined): SectionKey[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.find((n) => !(SECTION_KEYS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) {
    throw new CliError(`--sections "${value}": expected a comma-separated list of ${SECTION_KEYS.join(', ')}`);
  }
  return names as SectionKey[];
}

function pickDate(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new CliError(`--date "${value}": expected YYYY-MM-DD`);
  return value;
}

function pickScenarios(model: Model, file: string, ids: readonly string[] | undefined): ScenarioInput[] {
  if (!ids?.length) return model.scenarios;
  return ids.map((id) => {
    const found = model.scenarios.find((s) => s.id === id);
    if (!found) {
      const known = model.scenarios.map((s) => s.id);
      throw new CliError(`${file}: no scenario "${id}" (${known.length ? `saved scenarios: ${known.join(', ')}` : 'the model has no saved scenarios'})`);
    }
    return found;
  });
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'the full report as a PDF (or HTML, Markdown): summary, diagrams, scenarios, findings, fixes',
  help,
  async run(args, io) {
    const { values, positionals } = parse('report', args, {
      ...HELP_OPTION,
      scenario: { type: 'string', multiple: true },
      out: { type: 'string' },
      format: { type: 'string' },
      paper: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      organisation: { type: 'string' },
      date: { type: 'string' },
      sections: { type: 'string' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const file = singleFile('report', positionals);
    const format = reportFormat(values.format, values.out);
    const options: ReportOptions = {
      paper: pickPaper(values.paper),
      sections: pickSections(values.sections),
      date: pickDate(values.date),
      title: values.title,
      author: values.author,
      organisation: values.organisation,
    };
    if (format === 'pdf' && values.out === undefined) {
      throw new CliError('report: a PDF needs --out PATH (or --format html|md for standard output)');
    }
    const model = await loadModel(io, file);
    const scenarios = pickScenarios(model, file, values.scenario);
    for (const s of scenarios) refuseBadScenario(model, file, s);
    const results = scenarios.map((s) => simulate(model, s));
    await writeReport(io, buildReport(model, scenarios, results, options), format, values.out, 'report');
    return EXIT.ok;
  },
};
