/**
 * The work behind "Export report…": simulate the chosen scenarios, rank their choke points, build the report,
 * render the PDF and save it, reporting progress between the steps (each step yields to the browser, so the
 * dialog repaints). Simulating and ranking run as jobs in the analysis worker (reportJobs.ts), unless the
 * preview already has their results. A newer export, or Cancel, ends the running job and makes the export
 * stop at its next step.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Chokepoint } from '../../../shared/analysis/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import type { Paper, ReportDocument, ReportOptions, SectionKey } from '../../../shared/report/index.ts';
import { buildReport } from '../../../shared/report/index.ts';
import { canvasSvg, svgToPng } from './canvasExport.ts';
import type { Content, FormatSpec, OtherFormat, Radius } from './formats.ts';
import { EXPORT_FORMATS } from './formats.ts';
import type { ReportJobs } from './reportJobs.ts';
import { reportJobs } from './reportJobs.ts';
import { fileStem, saveExport, savePdf } from './save.ts';

export interface ExportSettings {
  scenarioIds: readonly string[];
  sections: readonly SectionKey[];
  title: string;
  author: string;
  organisation: string;
  paper: Paper;
}

type ExportPhase = 'idle' | 'simulating' | 'ranking' | 'building' | 'rendering' | 'saving' | 'done' | 'error';

interface ExportProgress {
  phase: ExportPhase;
  /** Steps done of `total`, for the progress bar. */
  step: number;
  total: number;
  message: string;
  /** After a PDF: its pages and size. */
  pages?: number;
  bytes?: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

/** Today in the user's time zone, as an ISO date: the report's date. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What buildReport takes from the dialog's settings (the export and its preview alike), dated today. */
export function reportOptions(
  { sections, title, author, organisation, paper }: Omit<ExportSettings, 'scenarioIds'>,
  chokepoints: ReportOptions['chokepoints'],
): ReportOptions {
  return { sections, title, author, organisation, paper, date: today(), chokepoints };
}

/** Resolves in a later task: the browser repaints and handles input in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the dialog already worked out for its preview, so the export does not do it again. */
interface KnownResults {
  results?: ReadonlyMap<string, SimulationResult | Error>;
  chokepoints?: Readonly<Record<string, readonly Chokepoint[]>>;
}

interface MadeReport {
  doc: ReportDocument;
  results: SimulationResult[];
}

interface MakeReportOptions {
  /** Where the engine runs: the analysis worker in the app, in-process in tests. */
  jobs: ReportJobs;
  /** Asked after each step; true stops the export with ExportCancelled. */
  stopped?: () => boolean;
  known?: KnownResults;
}

/**
 * Builds the report step by step. `report(step, total, message)` is called before each step; `stopped()` is
 * asked after each one. The engine's work goes to `jobs`; used by the hook and by its tests.
 */
export async function makeReport(
  model: Model,
  settings: ExportSettings,
  report: (phase: ExportPhase, step: number, total: number, message: string) => void,
  { jobs, stopped = () => false, known = {} }: MakeReportOptions,
): Promise<MadeReport> {
  const scenarios = model.scenarios.filter((s) => settings.scenarioIds.includes(s.id));
  const rank = settings.sections.includes('summary') || settings.sections.includes('recommendations');
  const total = scenarios.length * (rank ? 2 : 1) + 2;
  let step = 0;
  const check = async () => {
    await nextTask();
    if (stopped()) throw new ExportCancelled();
  };
  // A job that answers null was cancelled or replaced by a newer export.
  const answered = <T>(value: T | null): T => {
    if (value === null || stopped()) throw new ExportCancelled();
    return value;
  };
  const results: SimulationResult[] = [];
  for (const s of scenarios) {
    report('simulating', step++, total, `Simulating “${s.name || s.id}”`);
    await check();
    const done = known.results?.get(s.id);
    results.push(done && !(done instanceof Error) ? done : answered(await jobs.simulate(model, s)));
  }
  const chokepoints: Record<string, Chokepoint[]> = {};
  if (rank) {
    for (const s of scenarios) {
      report('ranking', step++, total, `Trying fixes for “${s.name || s.id}”`);
      await check();
      const given = known.chokepoints?.[s.id];
      chokepoints[s.id] = given ? [...given] : answered(await jobs.rank(model, s));
    }
  }
  report('building', step++, total, 'Writing paths, findings and diagrams');
  await check();
  const doc = buildReport(model, scenarios, results, reportOptions(settings, chokepoints));
  return { doc, results };
}

const countPages = (pdf: Uint8Array) => (new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\b(?!s)/g) ?? []).length;

export function useReportExport(model: Model) {
  const [progress, setProgress] = useState<ExportProgress>({ phase: 'idle', step: 0, total: 1, message: '' });
  const run = useRef(0);
  // One runner for the dialog's exports: a newer export's first job ends the one still running.
  const [jobs] = useState(reportJobs);
  useEffect(() => () => jobs.dispose(), [jobs]);

  const start = () => {
    const id = ++run.current;
    return { stopped: () => run.current !== id };
  };
  const fail = (e: unknown) => {
    if (e instanceof ExportCancelled) setProgress({ phase: 'idle', step: 0, total: 1, message: 'Export cancelled.' });
    else setProgress((p) => ({ ...p, phase: 'error', message: `The report could not be made: ${(e as Error).message ?? String(e)}` }));
  };

  const exportPdf = useCallback(
    async (settings: ExportSettings, known: KnownResults = {}) => {
      const { stopped } = start();
      try {
        const { doc } = await makeReport(model, settings, (phase, step, total, message) => setProgress({ phase, step, total, message }), { jobs, stopped, known });
        setProgress((p) => ({ ...p, phase: 'rendering', step: p.total - 1, message: 'Laying out the pages' }));
        await nextTask();
        // pdfkit and the fonts load only when a PDF is made.
        const [{ renderReportPdf }, { loadBrowserReportFonts }] = await Promise.all([import('../../../shared/report/pdf/index.ts'), import('./fonts.browser.ts')]);
        const bytes = await renderReportPdf(doc, { fonts: await loadBrowserReportFonts() });
        if (stopped()) throw new ExportCancelled();
        const pages = countPages(bytes);
        setProgress((p) => ({ ...p, phase: 'saving', step: p.total, message: `Saving ${pages} pages`, pages, bytes: bytes.byteLength }));
        const outcome = await savePdf(bytes, fileStem(settings.title || model.name));
        setProgress((p) => ({
          ...p,
          phase: 'done',
          message: outcome.saved ? `Saved ${outcome.name}: ${pages} pages, ${Math.max(1, Math.round(bytes.byteLength / 1024))} KB.` : 'Not saved.',
        }));
      } catch (e) {
        fail(e);
      }
    },
    [model, jobs],
  );

  const exportFormat = useCallback(
    async (
      format: OtherFormat,
      settings: ExportSettings,
      radius: Radius = null,
      known: KnownResults = {},
    ) => {
      const { stopped } = start();
      try {
        const spec: FormatSpec = EXPORT_FORMATS[format];
        let content: Content;
        switch (spec.from) {
          case 'model':
            // The model itself for another tool: no scenarios run, no report built.
            content = spec.render(model);
            break;
          case 'diagram':
            setProgress({ phase: 'building', step: 0, total: 1, message: 'Drawing the diagram' });
            content = await spec.render(canvasSvg(model, radius), svgToPng);
            break;
          case 'report':
            content = spec.render(
              await makeReport(model, settings, (phase, step, total, message) => setProgress({ phase, step, total, message }), { jobs, stopped, known }),
            );
            break;
          default:
            return spec satisfies never;
        }
        const stem = fileStem(settings.title || model.name);
        const outcome = await saveExport(spec.kind, content, `${stem}${spec.suffix(radius)}`);
        setProgress({ phase: 'done', step: 1, total: 1, message: outcome.saved ? `Saved ${outcome.name}.` : 'Not saved.' });
      } catch (e) {
        fail(e);
      }
    },
    [model, jobs],
  );

  const cancel = useCallback(() => {
    run.current++;
    jobs.cancel();
    setProgress({ phase: 'idle', step: 0, total: 1, message: 'Export cancelled.' });
  }, [jobs]);

  return { progress, exportPdf, exportFormat, cancel };
}
