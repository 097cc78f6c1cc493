/**
 * Keeps the decision tools in step with the document and the shown scenario, and runs their analyses as
 * jobs (jobs/runner.ts, one worker per kind so a comparison never cancels a ranking):
 *
 * - fixes: ranked whenever the Fixes tab is open and the shown result changed (a model edit re-ranks
 *   after a short pause); the rows stay on screen, marked as running, until the new ranking replaces them;
 * - comparison: recomputed while open, when the model changes;
 * - likelihood: run when asked, with the runs and seed given; a different scenario or model clears it.
 *
 * It reads the document and scenario stores and the layout (is the dock open?), and writes only the
 * decide store: nothing enters history.
 */
import type { Model } from '../../../shared/domain/index.ts';
import type { ScenarioStore } from '../scenarios/store.ts';
import type { LayoutStore } from '../shell/layout.ts';
import type { ModelStore } from '../store/modelStore.ts';
import type { Job, JobRunner } from './jobs/runner.ts';
import type { JobSpec } from './jobs/protocol.ts';
import type { DecideStore, JobState } from './store.ts';
import { IDLE_JOB, badgesOf, marksOf, sharesOf } from './store.ts';

/** A pause after an edit before ranking again (ms): typing in a field ranks once, not per key. */
const RERANK_MS = 300;

export interface DecideControls {
  rank(): void;
  cancelRank(): void;
  runLikelihood(runs: number, seed: number): void;
  cancelLikelihood(): void;
  compare(before: string, after: string): void;
  cancelCompare(): void;
}

export function connectDecide(
  models: ModelStore,
  scenarios: ScenarioStore,
  layout: LayoutStore,
  decide: DecideStore,
  runners: { rank: JobRunner; montecarlo: JobRunner; compare: JobRunner },
): { controls: DecideControls; disconnect: () => void } {
  const jobs: Partial<Record<JobSpec['kind'], Job<JobSpec['kind']>>> = {};
  let ranked: unknown = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastJson: { model: Model; text: string } | null = null;
  const json = (model: Model) => {
    if (lastJson?.model !== model) lastJson = { model, text: JSON.stringify(model) };
    return lastJson.text;
  };

  const progress = (key: 'fixesJob' | 'likelihoodJob' | 'compareJob') => (done: number, total: number) => {
    const job = decide.getState()[key];
    if (job.status === 'running') decide.setState({ [key]: { ...job, done, total } });
  };
  const running: JobState = { status: 'running', done: 0, total: 0, error: null };
  const failed = (e: unknown): JobState => ({ ...IDLE_JOB, status: 'error', error: (e as Error).message ?? String(e) });

  const rank = () => {
    clearTimer();
    const shown = scenarios.getState().shown;
    if (!shown) return;
    ranked = shown;
    const id = shown.scenario.id;
    const job = runners.rank.start(json(shown.model), { kind: 'rank', scenario: shown.scenario }, progress('fixesJob'));
    jobs.rank = job;
    decide.setState({ fixesJob: running, ...(decide.getState().fixesFor === id ? {} : { fixes: null, fixBadges: badgesOf([]), hover: null }) });
    job.done.then(
      (fixes) => {
        if (jobs.rank !== job || !fixes) return;
        decide.setState({ fixes, fixesFor: id, fixBadges: badgesOf(fixes), fixesJob: { ...IDLE_JOB, status: 'done' }, hover: null });
      },
      (e: unknown) => jobs.rank === job && decide.setState({ fixesJob: failed(e) }),
    );
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Ranks when the Fixes tab shows a result that was not ranked yet. */
  const maybeRank = () => {
    const s = scenarios.getState();
    const d = decide.getState();
    if (!s.shown) {
      if (d.fixes || d.fixesJob.status !== 'idle') {
        jobs.rank?.cancel();
        decide.setState({ fixes: null, fixesFor: null, fixBadges: badgesOf([]), fixesJob: IDLE_JOB, hover: null });
      }
      ranked = null;
      return;
    }
    if (s.tab !== 'fixes' || !layout.getState().dock.open || ranked === s.shown) return;
    if (d.fixesJob.status === 'cancelled' && d.fixesFor === s.shown.scenario.id) return;
    // The same scenario re-simulated after an edit: wait for the edits to pause. Another one: at once.
    clearTimer();
    if (d.fixesFor === s.shown.scenario.id) timer = setTimeout(rank, RERANK_MS);
    else rank();
  };

  const runCompare = () => {
    const d = decide.getState();
    const { model } = models.getState();
    const before = model.scenarios.find((x) => x.id === d.compareBefore);
    const after = model.scenarios.find((x) => x.id === d.compareAfter);
    if (!d.compareOpen || !before || !after) return;
    const job = runners.compare.start(json(model), { kind: 'compare', before, after }, progress('compareJob'));
    jobs.compare = job;
    decide.setState({ compareJob: running });
    job.done.then(
      (compare) => {
        if (jobs.compare !== job || !compare) return;
        decide.setState({ compare, diffMarks: marksOf(compare), compareJob: { ...IDLE_JOB, status: 'done' } });
      },
      (e: unknown) => jobs.compare === job && decide.setState({ compareJob: failed(e) }),
    );
  };

  const clearLikelihood = () => {
    jobs.montecarlo?.cancel();
    decide.setState({ likelihood: null, shares: new Map(), likelihoodJob: IDLE_JOB });
  };

  const controls: DecideControls = {
    rank,
    cancelRank: () => {
      clearTimer();
      jobs.rank?.cancel();
      if (decide.getState().fixesJob.status === 'running') {
        decide.setState({ fixesJob: { ...IDLE_JOB, status: 'cancelled' }, fixesFor: scenarios.getState().shown?.scenario.id ?? null });
      }
    },
    runLikelihood: (runs, seed) => {
      const shown = scenarios.getState().shown;
      if (!shown) return;
      const spec = { kind: 'montecarlo' as const, scenario: shown.scenario, runs, seed };
      const job = runners.montecarlo.start(json(shown.model), spec, progress('likelihoodJob'));
      jobs.montecarlo = job;
      decide.setState({ likelihoodOpen: true, runs, seed, likelihoodJob: { ...running, total: runs }, likelihood: null, shares: new Map() });
      job.done.then(
        (r) => {
          if (jobs.montecarlo !== job || !r) return;
          decide.setState({ likelihood: { ...r, scenario: shown.scenario.id }, shares: sharesOf(r), likelihoodJob: { ...IDLE_JOB, status: 'done', done: runs, total: runs } });
        },
        (e: unknown) => jobs.montecarlo === job && decide.setState({ likelihoodJob: failed(e) }),
      );
    },
    cancelLikelihood: () => {
      jobs.montecarlo?.cancel();
      const job = decide.getState().likelihoodJob;
      if (job.status === 'running') decide.setState({ likelihoodJob: { ...job, status: 'cancelled' }, shares: new Map(), likelihood: null });
    },
    compare: (before, after) => {
      decide.setState({ compareOpen: true, compareBefore: before, compareAfter: after, compare: null, diffMarks: new Map() });
      runCompare();
    },
    cancelCompare: () => {
      jobs.compare?.cancel();
      decide.setState({ compareOpen: false, compare: null, diffMarks: new Map(), compareJob: IDLE_JOB });
    },
  };

  const offScenarios = scenarios.subscribe((s, prev) => {
    if (s.shown !== prev.shown || s.tab !== prev.tab) maybeRank();
    const lk = decide.getState().likelihood;
    const job = decide.getState().likelihoodJob;
    // A likelihood view belongs to one scenario on one model: another one clears it.
    if ((lk || job.status === 'running') && s.shown !== prev.shown && (s.shown?.scenario !== prev.shown?.scenario || s.shown?.model !== prev.shown?.model)) {
      clearLikelihood();
    }
  });
  const offLayout = layout.subscribe((s, prev) => {
    if (s.dock.open !== prev.dock.open) maybeRank();
  });
  const offModels = models.subscribe((s, prev) => {
    if (s.model === prev.model) return;
    const d = decide.getState();
    if (d.compareOpen) {
      const ids = new Set(s.model.scenarios.map((x) => x.id));
      if (!ids.has(d.compareBefore ?? '') || !ids.has(d.compareAfter ?? '')) controls.cancelCompare();
      else runCompare();
    }
  });
  maybeRank();

  return {
    controls,
    disconnect: () => {
      clearTimer();
      offScenarios();
      offLayout();
      offModels();
      for (const r of Object.values(runners)) r.dispose();
    },
  };
}
