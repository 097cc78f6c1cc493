/**
 * The export dialog's live preview: the report model, rendered as its standalone HTML, rebuilt as the options
 * change. The slow part (simulating each scenario and trying its fixes) runs once per model, a scenario per
 * task so the dialog stays responsive; building the report from those results is fast and follows every
 * keystroke, a moment later.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Chokepoint } from '../../../shared/analysis/index.ts';
import { rankChokepoints } from '../../../shared/analysis/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { buildReport, renderHtml } from '../../../shared/report/index.ts';
import type { ExportSettings } from './useReportExport.ts';
import { nextTask, reportOptions } from './useReportExport.ts';

interface PreparedScenarios {
  /** Each saved scenario's result, or the reason it cannot run. */
  results: ReadonlyMap<string, SimulationResult | Error>;
  chokepoints: Readonly<Record<string, readonly Chokepoint[]>>;
}

const NONE: Record<string, Chokepoint[]> = {};

/** Simulates every saved scenario at once (fast), then ranks fixes one scenario per task (slower). */
export function usePreparedScenarios(model: Model): { prepared: PreparedScenarios; ranked: boolean } {
  const results = useMemo(() => {
    const out = new Map<string, SimulationResult | Error>();
    for (const s of model.scenarios) {
      try {
        out.set(s.id, simulate(model, s));
      } catch (e) {
        out.set(s.id, e instanceof Error ? e : new Error(String(e)));
      }
    }
    return out;
  }, [model]);
  const [ranking, setRanking] = useState<{ model: Model; chokepoints: Record<string, Chokepoint[]> } | null>(null);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      const chokepoints: Record<string, Chokepoint[]> = {};
      for (const s of model.scenarios) {
        await nextTask();
        if (stopped) return;
        if (results.get(s.id) instanceof Error) continue;
        try {
          chokepoints[s.id] = rankChokepoints(model, s);
        } catch {
          // The report then lists no fix for this scenario; its simulation above already ran.
        }
      }
      if (!stopped) setRanking({ model, chokepoints });
    })();
    return () => {
      stopped = true;
    };
  }, [model, results]);

  const ranked = ranking?.model === model;
  const chokepoints = ranked ? ranking.chokepoints : NONE;
  const prepared = useMemo(() => ({ results, chokepoints }), [results, chokepoints]);
  return { prepared, ranked };
}

type PreviewState = { kind: 'waiting' } | { kind: 'ready'; html: string } | { kind: 'error'; message: string };

/** The report's HTML for the current settings; `waiting` until the fixes are ranked. */
export function useReportPreview(model: Model, settings: ExportSettings, prepared: PreparedScenarios, ranked: boolean): PreviewState {
  // Typing in the title or author rebuilds after React has drawn the keystroke.
  const deferred = useDeferredValue(settings);
  const { scenarioIds, sections, title, author, organisation, paper } = deferred;
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
