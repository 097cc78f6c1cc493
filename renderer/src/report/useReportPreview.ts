/**
 * The export dialog's live preview: the report model, rendered as its standalone HTML, rebuilt as the options
 * change. The slow part (simulating each scenario and trying its fixes) runs once per model, as jobs in the
 * analysis worker (reportJobs.ts), so the dialog stays responsive; building the report from those results is
 * fast and follows every keystroke, a moment later.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Chokepoint } from '../../../shared/analysis/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { buildReport, renderHtml } from '../../../shared/report/index.ts';
import type { ReportJobs } from './reportJobs.ts';
import { reportJobs } from './reportJobs.ts';
import type { ExportSettings } from './useReportExport.ts';
import { reportOptions } from './useReportExport.ts';

interface PreparedScenarios {
  /** Each saved scenario's result, or the reason it cannot run. */
  results: ReadonlyMap<string, SimulationResult | Error>;
  chokepoints: Readonly<Record<string, readonly Chokepoint[]>>;
}

const NO_RESULTS: ReadonlyMap<string, SimulationResult | Error> = new Map();
const NONE: Record<string, Chokepoint[]> = {};

/**
 * Simulates every saved scenario (fast), then ranks the fixes of each one that runs (slower), one job at a
 * time in the worker. A new model cancels the work for the old one. Stopped when the job answers null.
 */
async function prepare(
  jobs: ReportJobs,
  model: Model,
  stopped: () => boolean,
  simulated: (results: Map<string, SimulationResult | Error>) => void,
): Promise<Record<string, Chokepoint[]> | null> {
  const results = new Map<string, SimulationResult | Error>();
  for (const s of model.scenarios) {
    try {
      const r = await jobs.simulate(model, s);
      if (r === null || stopped()) return null;
      results.set(s.id, r);
    } catch (e) {
      if (stopped()) return null;
      results.set(s.id, e instanceof Error ? e : new Error(String(e)));
    }
  }
  simulated(results);
  const chokepoints: Record<string, Chokepoint[]> = {};
  for (const s of model.scenarios) {
    if (results.get(s.id) instanceof Error) continue;
    try {
      const ranked = await jobs.rank(model, s);
      if (ranked === null || stopped()) return null;
      chokepoints[s.id] = ranked;
    } catch {
      // The report then lists no fix for this scenario; its simulation above already ran.
      if (stopped()) return null;
    }
  }
  return chokepoints;
}

interface Prepared {
  prepared: PreparedScenarios;
  /** Every scenario's simulation has answered (the results are this model's). */
  simulated: boolean;
  /** The fixes are ranked too: the preview can be drawn. */
  ranked: boolean;
}

export function usePreparedScenarios(model: Model): Prepared {
  const [jobs] = useState(reportJobs);
  useEffect(() => () => jobs.dispose(), [jobs]);
  const [simulation, setSimulation] = useState<{ model: Model; results: ReadonlyMap<string, SimulationResult | Error> } | null>(null);
  const [ranking, setRanking] = useState<{ model: Model; chokepoints: Record<string, Chokepoint[]> } | null>(null);

  useEffect(() => {
    let stopped = false;
    void prepare(jobs, model, () => stopped, (results) => setSimulation({ model, results })).then((chokepoints) => {
      if (chokepoints && !stopped) setRanking({ model, chokepoints });
    });
    return () => {
      stopped = true;
      jobs.cancel();
    };
  }, [jobs, model]);

  const simulated = simulation?.model === model;
  const ranked = simulated && ranking?.model === model;
  const results = simulated ? simulation.results : NO_RESULTS;
  const chokepoints = ranked ? ranking.chokepoints : NONE;
  const prepared = useMemo(() => ({ results, chokepoints }), [results, chokepoints]);
  return { prepared, simulated, ranked };
}

/**
 * Typing in the title or author rebuilds the preview once the typing pauses. A timer, not useDeferredValue:
 * a deferred render gives way to every urgent update (worker replies, progress), so under load the preview
 * could be drawn with settings older than the typing; a timer cannot be starved that way.
 */
const SETTLE_MS = 150;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type PreviewState = { kind: 'waiting' } | { kind: 'ready'; html: string } | { kind: 'error'; message: string };

/** The report's HTML for the current settings; `waiting` until the fixes are ranked. */
export function useReportPreview(model: Model, settings: ExportSettings, prepared: PreparedScenarios, ranked: boolean): PreviewState {
  const { scenarioIds, sections, title, author, organisation, paper } = useSettled(settings, SETTLE_MS);
  return useMemo((): PreviewState => {
    if (!ranked) return { kind: 'waiting' };
    if (sections.length === 0) return { kind: 'error', message: 'Choose at least one section to see the report.' };
    try {
      const scenarios = model.scenarios.filter((s) => scenarioIds.includes(s.id) && !(prepared.results.get(s.id) instanceof Error));
      const results = scenarios.map((s) => prepared.results.get(s.id) as SimulationResult);
      const options = reportOptions({ sections, title, author, organisation, paper }, prepared.chokepoints);
      const doc = buildReport(model, scenarios, results, options);
      return { kind: 'ready', html: renderHtml(doc) };
    } catch (e) {
      return { kind: 'error', message: `The preview could not be made: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [model, prepared, ranked, scenarioIds, sections, title, author, organisation, paper]);
}
