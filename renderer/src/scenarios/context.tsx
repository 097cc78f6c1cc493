/**
 * The scenario store's provider and hooks. The provider builds a fresh overlay store, connects it to the
 * document store and to the simulation worker, and ends both when it unmounts. It lives inside the
 * layout's provider: showing a scenario opens the layout's dock.
 *
 * The canvas reads the overlay through per-item hooks: each node and edge selects its own entry, and
 * entries keep their identity while unchanged, so an edit re-renders only the nodes whose overlay moved.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../../../shared/domain/index.ts';
import { dockOpener } from '../shell/layout.ts';
import { useLayoutApi } from '../shell/layoutContext.tsx';
import { useModelStore, useModelStoreApi } from '../store/context.tsx';
import type { ScenarioActions } from './actions.ts';
import { scenarioActions } from './actions.ts';
import { connectScenarios } from './controller.ts';
import type { EdgeOverlay, NodeFindings, NodeOverlay } from './overlay.ts';
import { edgeOverlayOf, nodeOverlayOf } from './overlay.ts';
import type { Runner } from './runner.ts';
import { defaultRunner } from './runner.ts';
import { scenarioById } from './scenarioOps.ts';
import type { ScenarioStore, ScenarioUiState } from './store.ts';
import { createScenarioStore } from './store.ts';

interface ScenarioContextValue {
  store: ScenarioStore;
  actions: ScenarioActions;
}

const ScenarioContext = createContext<ScenarioContextValue | null>(null);

export function ScenarioProvider({ children, runner }: { children: ReactNode; runner?: () => Runner }) {
  const models = useModelStoreApi();
  const layout = useLayoutApi();
  const [store] = useState(() => createScenarioStore({}, dockOpener(layout)));
  useEffect(() => {
    const r = (runner ?? defaultRunner)((event) =>
      models.getState().showNotice(
        event.kind === 'restarted'
          ? { tone: 'info', text: `The simulation worker stopped (${event.reason}) and was restarted; the results shown are up to date.` }
          : { tone: 'info', text: `Simulations run on the main thread (${event.reason}): large models may pause the canvas while they run.` },
      ),
    );
    const disconnect = connectScenarios(models, store, r);
    return () => {
      disconnect();
      r.dispose();
    };
  }, [models, store, runner]);
  const value = useMemo(() => ({ store, actions: scenarioActions(models, store) }), [models, store]);
  return <ScenarioContext.Provider value={value}>{children}</ScenarioContext.Provider>;
}

function useScenarioContext(): ScenarioContextValue {
  const value = useContext(ScenarioContext);
  if (!value) throw new Error('useScenarioStore must be used inside <ScenarioProvider>');
  return value;
}

export function useScenarioStoreApi(): ScenarioStore {
  return useScenarioContext().store;
}

export function useScenarioStore<T>(selector: (state: ScenarioUiState) => T): T {
  return useStore(useScenarioContext().store, selector);
}

export function useScenarioActions(): ScenarioActions {
  return useScenarioContext().actions;
}

/** One node's overlay; re-renders only when that node's entry changes. */
export function useNodeOverlay(id: string): NodeOverlay {
  return useScenarioStore((s) => nodeOverlayOf(s.overlay, id));
}

export function useEdgeOverlay(id: string): EdgeOverlay {
  return useScenarioStore((s) => edgeOverlayOf(s.overlay, id));
}

/** On the explained path (the selected impacted node back to its break). */
export function useNodeOnPath(id: string): boolean {
  return useScenarioStore((s) => s.path.nodes.has(id));
}

export function useEdgeOnPath(id: string): boolean {
  return useScenarioStore((s) => s.path.edges.has(id));
}

/** A node's findings badge (null: no findings, or badges switched off). */
export function useNodeFindings(id: string): NodeFindings | null {
  return useScenarioStore((s) => (s.findingBadges ? (s.badges.get(id) ?? null) : null));
}

/** The scenario that inspector edits go to, when "for this scenario only" is on. */
export function useWhatIfScenario(): Scenario | null {
  const on = useScenarioStore((s) => s.whatIf);
  const id = useScenarioStore((s) => s.activeId);
  return useModelStore((s) => (on ? scenarioById(s.model, id) : null));
}

/** The scenario shown (with or without what-if editing). */
export function useActiveScenario(): Scenario | null {
  const id = useScenarioStore((s) => s.activeId);
  return useModelStore((s) => scenarioById(s.model, id));
}
