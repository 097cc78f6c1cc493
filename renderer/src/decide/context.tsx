/**
 * The decide store's provider and hooks. The provider builds the store, connects it to the document and
 * scenario stores, the layout and its job runners, and ends them when it unmounts. Canvas nodes and edges select
 * plain values (a rank, a mark, a share), so a change re-renders only the items it concerns. Outside the
 * provider (a node drawn in isolation) the hooks read an empty store.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useScenarioStoreApi } from '../scenarios/context.tsx';
import { useLayoutApi } from '../shell/layoutContext.tsx';
import { useModelStoreApi } from '../store/context.tsx';
import type { DecideControls } from './controller.ts';
import { connectDecide } from './controller.ts';
import { createJobRunner } from './jobs/runner.ts';
import type { DecideState, DecideStore, DiffMark } from './store.ts';
import { createDecideStore } from './store.ts';

interface DecideContextValue {
  store: DecideStore;
  controls: DecideControls;
}

const NO_CONTROLS: DecideControls = {
  rank: () => {},
  cancelRank: () => {},
  runLikelihood: () => {},
  cancelLikelihood: () => {},
  compare: () => {},
  cancelCompare: () => {},
};
const FALLBACK: DecideContextValue = { store: createDecideStore(), controls: NO_CONTROLS };
const DecideContext = createContext<DecideContextValue | null>(null);

export function DecideProvider({ children }: { children: ReactNode }) {
  const models = useModelStoreApi();
  const scenarios = useScenarioStoreApi();
  const layout = useLayoutApi();
  const [store] = useState(createDecideStore);
  const [controls, setControls] = useState<DecideControls>(NO_CONTROLS);
  useEffect(() => {
    const runners = { rank: createJobRunner(), montecarlo: createJobRunner(), compare: createJobRunner() };
    const { controls: c, disconnect } = connectDecide(models, scenarios, layout, store, runners);
    setControls(c);
    return disconnect;
  }, [models, scenarios, layout, store]);
  const value = useMemo(() => ({ store, controls }), [store, controls]);
  return <DecideContext.Provider value={value}>{children}</DecideContext.Provider>;
}

const useDecideContext = () => useContext(DecideContext) ?? FALLBACK;

export function useDecide<T>(selector: (s: DecideState) => T): T {
  return useStore(useDecideContext().store, selector);
}

export function useDecideStoreApi(): DecideStore {
  return useDecideContext().store;
}

export function useDecideControls(): DecideControls {
  return useDecideContext().controls;
}

/** What the decision tools draw on one node: its fix rank, hover, comparison mark and likelihood share. */
export interface DecideNodeMarks {
  fixRank: number | null;
  hovered: boolean;
  diff: DiffMark | null;
  share: number | null;
  className: string;
}

export function useDecideNode(id: string): DecideNodeMarks {
  const fixRank = useDecide((s) => s.fixBadges.nodes.get(id) ?? null);
  const hovered = useDecide((s) => s.hover !== null && s.fixes?.[s.hover]?.node === id);
  const diff = useDecide((s) => (s.compareOpen ? (s.diffMarks.get(id) ?? null) : null));
  const share = useDecide((s) => (s.likelihoodOpen && s.likelihood ? (s.shares.get(id) ?? 0) : null));
  const cls: string[] = [];
  if (hovered) cls.push('dc-hover');
  if (diff) cls.push('dc-diff', `dc-${diff}`);
  if (share !== null) cls.push('lk-on', `lk-${shareBin(share)}`);
  return { fixRank, hovered, diff, share, className: cls.length ? ` ${cls.join(' ')}` : '' };
}

export function useDecideEdge(id: string): { fixRank: number | null; hovered: boolean; className: string } {
  const fixRank = useDecide((s) => s.fixBadges.edges.get(id) ?? null);
  const hovered = useDecide((s) => s.hover !== null && s.fixes?.[s.hover]?.edge === id);
  return { fixRank, hovered, className: hovered ? ' dc-hover' : '' };
}

/** The legend's five steps: 0 (never), then up to 25, 50, 75 and 100% of runs. */
export const SHARE_BINS = [
  { bin: 0, text: 'never' },
  { bin: 1, text: 'under 25%' },
  { bin: 2, text: '25–50%' },
  { bin: 3, text: '50–75%' },
  { bin: 4, text: '75–100%' },
] as const;

function shareBin(share: number): number {
  if (share <= 0) return 0;
  if (share < 0.25) return 1;
  if (share < 0.5) return 2;
  if (share < 0.75) return 3;
  return 4;
}
