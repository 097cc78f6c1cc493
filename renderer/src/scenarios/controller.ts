/**
 * Keeps the overlay live: every model change, and every change of the shown scenario, sends one request to
 * the runner (the worker). At most one request is in flight; while it runs, newer requests replace each
 * other and only the latest is sent next. Every request has an id, and an answer to anything but the
 * latest request is dropped, so a slow old run never overwrites a newer one. A run that takes more than
 * `slowMs` raises the progress flag.
 *
 * It only reads the document store (model and selection) and writes the overlay store: running a
 * scenario never touches the model or its history.
 */
import type { Finding } from '../../../shared/analysis/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { explainPath } from '../../../shared/engine/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { layoutOnly } from '../editor/patch.ts';
import { createPatchTrail } from '../editor/patchTrail.ts';
import type { ModelStore } from '../store/modelStore.ts';
import type { Runner } from './runner.ts';
import type { RunRequest, RunResponse } from './protocol.ts';
import type { ImpactRow } from './overlay.ts';
import { deriveOverlay, findingsByNode, impactRows, NO_PATH, pathHighlight } from './overlay.ts';
import { scenarioById } from './scenarioOps.ts';
import { hopIndexAt, playbackOf, resultAt } from '../present/playback.ts';
import type { Cut } from '../present/playback.ts';
import type { ScenarioStore, ScenarioUiState, Shown } from './store.ts';

const NO_ROWS: readonly ImpactRow[] = [];

interface ControllerOptions {
  /** After this long a run shows the progress indicator (ms). */
  slowMs?: number;
}

export function connectScenarios(models: ModelStore, ui: ScenarioStore, runner: Runner, options: ControllerOptions = {}): () => void {
  const slowMs = options.slowMs ?? 200;
  let seq = 0;
  let latest = 0;
  let inFlight = false;
  let pending: RunRequest | null = null;
  let slowTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  // The model changes since the last request sent: the worker gets them as one patch (editor/patchTrail.ts).
  const trail = createPatchTrail(models.getState().model);
  let followTimer: ReturnType<typeof setTimeout> | null = null;

  const clearSlow = () => {
    if (slowTimer !== null) clearTimeout(slowTimer);
    slowTimer = null;
  };

  const setIdle = () => {
    clearSlow();
    const run = ui.getState().run;
    if (run.status !== 'idle' || run.slow) ui.setState({ run: { ...run, status: 'idle', slow: false } });
  };

  /** What the shown overlay was derived from: the same inputs give the same overlay object. */
  let derivedFrom: unknown[] = [];
  const show = (shown: Shown | null, patch: Partial<ScenarioUiState> = {}) => {
    const s = ui.getState();
    const model = shown?.model ?? models.getState().model;
    const playhead = s.playhead;
    const key = [shown?.result ?? null, shown?.scenario.patches ?? null, shown?.scenario.removed ?? null, model.edges, playhead];
    const same = key.length === derivedFrom.length && key.every((x, i) => x === derivedFrom[i]);
    derivedFrom = key;
    const overlay = same ? s.overlay : deriveOverlay(overlayInput(model, shown, playhead), s.overlay);
    ui.setState({ ...patch, shown, overlay, rows: rowsFor(shown) });
    updateExplain();
  };

  /** The overlay's input: the radius at the playhead, with the hop being played drawn arriving. */
  const overlayInput = (model: Model, shown: Shown | null, playhead: Cut | null) => {
    if (!shown || playhead === null) return { model, result: shown?.result ?? null, scenario: shown?.scenario ?? null };
    const playback = playbackOf(shown.result);
    // A hop arrives; a time picked on the scrubber just is (nothing animates while dragging).
    const hop = Number.isFinite(playhead.depth) ? playback.hops[hopIndexAt(playback, playhead)] : undefined;
    const moment = { now: playhead.at, dead: playback.dead };
    return { model, result: resultAt(shown.result, playhead), scenario: shown.scenario, fresh: hop?.entries, moment };
  };

  /** Table rows change with the result or with a node's name or kind, not with every edit. */
  let rowsFrom: { result: SimulationResult | null; nodes: Model['nodes'] | null; names: string } = { result: null, nodes: null, names: '' };
  const rowsFor = (shown: Shown | null): readonly ImpactRow[] => {
    if (!shown) {
      rowsFrom = { result: null, nodes: null, names: '' };
      return NO_ROWS;
    }
    const { result, model } = shown;
    const names = model.nodes === rowsFrom.nodes ? rowsFrom.names : model.nodes.map((n) => `${n.id}\u0000${n.label}\u0000${n.kind}`).join('\n');
    const same = result === rowsFrom.result && names === rowsFrom.names;
    rowsFrom = { result, nodes: model.nodes, names };
    return same ? ui.getState().rows : impactRows(model, result);
  };

  // The last answers applied, as the worker wrote them: an identical answer keeps the objects already shown.
  let resultText: string | null = null;
  let result: SimulationResult | null = null;
  let findingsText: string | null = null;

  const apply = (req: RunRequest, res: RunResponse) => {
    const s = ui.getState();
    const patch: Partial<ScenarioUiState> = {};
    if (res.findings !== null) {
      if (res.findings !== findingsText) {
        findingsText = res.findings;
        const findings = JSON.parse(res.findings) as Finding[];
        patch.findings = findings;
        patch.badges = findingsByNode(findings, s.badges);
      }
      patch.findingsModel = req.model;
    }
    let shown: Shown | null = null;
    if (req.scenario && res.result !== null) {
      if (res.result !== resultText || !result) {
        resultText = res.result;
        result = JSON.parse(res.result) as SimulationResult;
      }
      const prev = s.shown;
      shown = prev && prev.result === result && prev.model === req.model && prev.scenario === req.scenario ? prev : { result, model: req.model, scenario: req.scenario };
    }
    patch.run = { status: 'idle', slow: false, error: res.error, ms: res.ms, count: s.run.count + 1 };
    clearSlow();
    show(shown, patch);
  };

  const send = (req: RunRequest) => {
    inFlight = true;
    const run = ui.getState().run;
    if (run.status !== 'running') ui.setState({ run: { ...run, status: 'running' } });
    if (slowTimer === null) {
      slowTimer = setTimeout(() => {
        slowTimer = null;
        if (inFlight && !disposed) ui.setState({ run: { ...ui.getState().run, slow: true } });
      }, slowMs);
    }
    const caught = trail.take();
    const change = caught.model === req.model && caught.from && caught.patch ? { from: caught.from, patch: caught.patch } : null;
    void runner.run({ ...req, change }).then((res) => {
      if (disposed) return;
      inFlight = false;
      if (res.id === latest) apply(req, res);
      if (pending) {
        const next = pending;
        pending = null;
        send(next);
      } else if (res.id !== latest) setIdle();
    });
  };

  const schedule = () => {
    if (disposed) return;
    const { model } = models.getState();
    const s = ui.getState();
    const scenario = scenarioById(model, s.activeId);
    if (s.activeId !== null && !scenario) {
      // The shown scenario is gone (deleted, undone, another model opened): show nothing.
      ui.getState().activate(null);
      return;
    }
    const simulate = scenario !== null && scenario.breaks.length > 0;
    const lint = model !== s.findingsModel;
    latest = ++seq;
    if (!simulate && !lint) {
      // Nothing to compute: drop whatever is in flight and show the findings alone.
      pending = null;
      show(null, { run: { ...s.run, error: null, count: s.run.count + 1 } });
      if (!inFlight) setIdle();
      return;
    }
    const req: RunRequest = { id: latest, model, scenario: simulate ? scenario : null, lint };
    if (inFlight) pending = req;
    else send(req);
  };

  let explained: { node: string | null; effect: unknown; shown: Shown | null } = { node: null, effect: null, shown: null };
  function updateExplain() {
    const s = ui.getState();
    const sel = models.getState().selection;
    const node = sel.nodes.length === 1 && sel.edges.length === 0 ? sel.nodes[0] : null;
    if (explained.node === node && explained.effect === s.explainEffect && explained.shown === s.shown) return;
    explained = { node, effect: s.explainEffect, shown: s.shown };
    if (!node || !s.shown) {
      if (s.explain !== null || s.path !== NO_PATH) ui.setState({ explain: null, path: NO_PATH });
      return;
    }
    const { model, result, scenario } = s.shown;
    const steps = explainPath(model, result, node, s.explainEffect ?? undefined, scenario);
    ui.setState({ explain: { node, effect: s.explainEffect, steps }, path: pathHighlight(steps) });
  }

  /**
   * A change of positions only (a drop, a nudge) changes no result and no finding (the engine and the
   * linter never read where things sit): the answer shown follows the new model without a run, a task
   * later and once for a burst, so a drop's frame holds only the canvas.
   */
  const follow = () => {
    followTimer = null;
    if (disposed) return;
    const model = models.getState().model;
    const u = ui.getState();
    const shown = u.shown && { ...u.shown, model };
    if (u.shown && rowsFrom.nodes === u.shown.model.nodes) rowsFrom = { ...rowsFrom, nodes: model.nodes };
    show(shown, { findingsModel: model });
  };
  /** Whether the answers shown are those for `model`, with nothing on its way to replace them. */
  const answered = (model: Model): boolean => {
    const u = ui.getState();
    return !inFlight && !pending && u.findingsModel === model && (u.shown === null || u.shown.model === model);
  };

  const offModels = models.subscribe((s, prev) => {
    if (s.model !== prev.model) {
      const c = s.lastChange?.after === s.model ? s.lastChange : null;
      trail.push(c ?? { before: null, after: s.model, patch: null });
      const moved = !!c?.patch && c.before === prev.model && layoutOnly(c.patch);
      if (moved && (followTimer !== null || answered(prev.model))) followTimer ??= setTimeout(follow, 0);
      else {
        if (followTimer !== null) clearTimeout(followTimer);
        followTimer = null;
        schedule();
      }
    }
    if (s.selection !== prev.selection) {
      const was = prev.selection.nodes.length === 1 ? prev.selection.nodes[0] : null;
      const now = s.selection.nodes.length === 1 ? s.selection.nodes[0] : null;
      if (was !== now && ui.getState().explainEffect !== null) ui.setState({ explainEffect: null });
      updateExplain();
    }
  });
  const offUi = ui.subscribe((s, prev) => {
    if (s.activeId !== prev.activeId) schedule();
    if (s.explainEffect !== prev.explainEffect) updateExplain();
    if (s.playhead !== prev.playhead && s.activeId === prev.activeId) show(s.shown);
  });
  schedule();

  return () => {
    disposed = true;
    clearSlow();
    if (followTimer !== null) clearTimeout(followTimer);
    offModels();
    offUi();
  };
}
