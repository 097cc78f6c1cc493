/**
 * The scenario overlay store: which saved scenario is shown, the last result and findings, the overlay
 * derived from them, the explained path, the dock's tab and the menus. Built by a factory, beside the
 * document store and never part of it: nothing here enters the undo history or the file. The scenarios
 * themselves live in the model (and are edited through the document store, see actions.ts). Whether the
 * dock is open is the layout's (shell/layout.ts, remembered across sessions): this store only asks it to open.
 */
import { createStore } from 'zustand/vanilla';
import type { Finding } from '../../../shared/analysis/index.ts';
import type { Effect, Model, Scenario } from '../../../shared/domain/index.ts';
import type { PathStep, SimulationResult } from '../../../shared/engine/index.ts';
import type { ImpactRow, NodeFindings, OverlayData, PathHighlight } from './overlay.ts';
import { EMPTY_OVERLAY, NO_PATH } from './overlay.ts';
import type { RunError } from './protocol.ts';
import type { Cut } from '../present/playback.ts';

interface RunState {
  status: 'idle' | 'running';
  /** The current run has taken longer than the progress threshold (200 ms). */
  slow: boolean;
  /** Why the shown scenario could not be simulated. */
  error: RunError | null;
  /** How long the last applied run took in the worker. */
  ms: number | null;
  /** Runs applied so far (tests and the benchmark wait on it). */
  count: number;
}

/** A result together with the model and scenario it was computed from (explanations read those). */
export interface Shown {
  result: SimulationResult;
  model: Model;
  scenario: Scenario;
}

interface ExplainState {
  node: string;
  /** The effect explained: the node's highest impact unless one was picked. */
  effect: Effect | null;
  steps: PathStep[];
}

interface MenuState {
  nodeId: string;
  /** Client (screen) pixels. */
  x: number;
  y: number;
}

type DockTab = 'results' | 'findings' | 'fixes';

export interface ScenarioUiState {
  activeId: string | null;
  /** Inspector edits go to the active scenario's patches ("for this scenario only"). */
  whatIf: boolean;
  run: RunState;
  shown: Shown | null;
  /** The shown result as table rows (one per impacted node). */
  rows: readonly ImpactRow[];
  findings: Finding[] | null;
  /** The model the findings were computed from. */
  findingsModel: Model | null;
  /** Findings per node, for the badges on the canvas. */
  badges: ReadonlyMap<string, NodeFindings>;
  overlay: OverlayData;
  explain: ExplainState | null;
  /** The effect picked for the explained node (null: its highest). */
  explainEffect: Effect | null;
  path: PathHighlight;
  tab: DockTab;
  menu: MenuState | null;
  findingBadges: boolean;
  /**
   * The moment of the shown result drawn on the canvas (present/playback.ts); null: all of it. The
   * results table and explanations always read the whole result.
   */
  playhead: Cut | null;

  activate(id: string | null): void;
  setWhatIf(on: boolean): void;
  setTab(tab: DockTab): void;
  openMenu(menu: MenuState | null): void;
  setFindingBadges(on: boolean): void;
  setExplainEffect(effect: Effect | null): void;
  setPlayhead(cut: Cut | null): void;
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;

const IDLE: RunState = { status: 'idle', slow: false, error: null, ms: null, count: 0 };

/** `openDock`: shows the dock; showing a scenario or picking a tab calls it. */
export function createScenarioStore(init: Partial<Pick<ScenarioUiState, 'activeId' | 'tab'>> = {}, openDock: () => void = () => {}) {
  return createStore<ScenarioUiState>()((set, get) => ({
    activeId: init.activeId ?? null,
    whatIf: false,
    run: IDLE,
    shown: null,
    rows: [],
    findings: null,
    findingsModel: null,
    badges: new Map(),
    overlay: EMPTY_OVERLAY,
    explain: null,
    explainEffect: null,
    path: NO_PATH,
    tab: init.tab ?? 'results',
    menu: null,
    findingBadges: true,
    playhead: null,

    activate: (activeId) => {
      if (activeId === get().activeId) return;
      // Another scenario starts whole; presentation mode then rewinds it to its break.
      set({ activeId, whatIf: activeId === null ? false : get().whatIf, playhead: null });
      if (activeId !== null) openDock();
    },
    setWhatIf: (whatIf) => set({ whatIf: whatIf && get().activeId !== null }),
    setTab: (tab) => {
      set({ tab });
      openDock();
    },
    openMenu: (menu) => set({ menu }),
    setFindingBadges: (findingBadges) => set({ findingBadges }),
    setExplainEffect: (explainEffect) => set({ explainEffect }),
    setPlayhead: (playhead) => set({ playhead }),
  }));
}
