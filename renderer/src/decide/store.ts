/**
 * The decision tools' state, beside the document and the scenario overlay, never part of the model or
 * its history: the ranked fixes of the shown scenario and the one hovered, the comparison of two scenarios,
 * the likelihood view. Each long analysis has a job state (running with its progress, done, cancelled,
 * failed). The per-node maps keep plain values, so a canvas node selects a primitive and re-renders only
 * when its own mark changes.
 */
import { createStore } from 'zustand/vanilla';
import type { Chokepoint, MonteCarloResult } from '../../../shared/analysis/index.ts';
import type { CompareMark } from '../../../shared/visual/index.ts';
import type { CompareResult } from './jobs/protocol.ts';

type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface JobState {
  status: JobStatus;
  done: number;
  total: number;
  error: string | null;
}

export const IDLE_JOB: JobState = { status: 'idle', done: 0, total: 0, error: null };

/** How a node changed between the two scenarios compared. */
/** A node's mark in a comparison; its look is in shared/visual/compare.ts. */
export type DiffMark = CompareMark;

type CompareMode = 'overlay' | 'side';

export interface DecideState {
  fixesJob: JobState;
  /** The ranked fixes of the scenario `fixesFor` names, as the engine gave them (zero rows left out). */
  fixes: Chokepoint[] | null;
  fixesFor: string | null;
  /** The row under the pointer: its edge or node is highlighted on the canvas. */
  hover: number | null;
  /** Top-3 badges: rank (1-3) per node id and per edge id. */
  fixBadges: { nodes: ReadonlyMap<string, number>; edges: ReadonlyMap<string, number> };

  compareOpen: boolean;
  compareBefore: string | null;
  compareAfter: string | null;
  compareMode: CompareMode;
  compareJob: JobState;
  compare: CompareResult | null;
  diffMarks: ReadonlyMap<string, DiffMark>;

  likelihoodOpen: boolean;
  likelihoodJob: JobState;
  runs: number;
  seed: number;
  likelihood: (MonteCarloResult & { scenario: string }) | null;
  /** Per node, the share of runs that reach it (its largest share among effects). */
  shares: ReadonlyMap<string, number>;
}

export type DecideStore = ReturnType<typeof createDecideStore>;

const DEFAULT_RUNS = 1000;
const DEFAULT_SEED = 1;

export function createDecideStore() {
  return createStore<DecideState>()(() => ({
    fixesJob: IDLE_JOB,
    fixes: null,
    fixesFor: null,
    hover: null,
    fixBadges: { nodes: new Map(), edges: new Map() },
    compareOpen: false,
    compareBefore: null,
    compareAfter: null,
    compareMode: 'overlay',
    compareJob: IDLE_JOB,
    compare: null,
    diffMarks: new Map(),
    likelihoodOpen: false,
    likelihoodJob: IDLE_JOB,
    runs: DEFAULT_RUNS,
    seed: DEFAULT_SEED,
    likelihood: null,
    shares: new Map(),
  }));
}

/** The nodes and edges of the top three fixes, with their rank (a fix without an edge marks its node). */
export function badgesOf(fixes: readonly Chokepoint[]): DecideState['fixBadges'] {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  fixes.slice(0, 3).forEach((f, i) => {
    if (f.edge && f.fix !== 'bound') {
      if (!edges.has(f.edge)) edges.set(f.edge, i + 1);
    } else if (f.node && !nodes.has(f.node)) nodes.set(f.node, i + 1);
  });
  return { nodes, edges };
}

/** Node marks of a comparison: no longer reached, newly reached, reached at another level or time. */
export function marksOf(c: CompareResult): ReadonlyMap<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  const before = new Set(c.before.impacts.map((i) => i.node));
  const after = new Set(c.after.impacts.map((i) => i.node));
  for (const i of c.diff.removed) if (!after.has(i.node)) marks.set(i.node, 'gone');
  for (const i of c.diff.added) if (!before.has(i.node)) marks.set(i.node, 'new');
  for (const i of [...c.diff.added, ...c.diff.removed]) if (!marks.has(i.node)) marks.set(i.node, 'changed');
  for (const ch of c.diff.changed) if (!marks.has(ch.node)) marks.set(ch.node, 'changed');
  return marks;
}

/** The share of runs that reach each node: its largest share among its effects. */
export function sharesOf(r: MonteCarloResult): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const [id, effects] of Object.entries(r.nodes)) out.set(id, Math.max(0, ...Object.values(effects)));
  return out;
}
