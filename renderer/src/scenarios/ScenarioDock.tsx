/**
 * The scenario dock under the canvas: scenarios and the shown one's details on the left, results or
 * findings in the middle, the explanation of the selected node on the right. Its header keeps the
 * essentials in view when folded, and it can be resized by its top edge. Whether it is open and its height
 * are the layout's (shell/layout.ts), which remembers them.
 */
import { useCallback, useRef } from 'react';
import { DecideActions } from '../decide/DecideActions.tsx';
import { FixesPanel } from '../decide/FixesPanel.tsx';
import { useLayout, useLayoutApi } from '../shell/layoutContext.tsx';
import { useModelStore } from '../store/context.tsx';
import { useScenarioStore } from './context.tsx';
import { ExplainPanel } from './ExplainPanel.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { formatScore, formatShare } from './format.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import './scenarios.css';

const MIN_HEIGHT = 140;

function RunStatus() {
  const run = useScenarioStore((s) => s.run);
  const summary = useScenarioStore((s) => s.shown?.result.summary);
  return (
    <span className="fx-dock-status" data-testid="scenario-status" data-state={run.status} data-runs={run.count} data-ms={run.ms ?? ''} aria-live="polite">
      {summary ? (
        <>
          score <strong>{formatScore(summary.score)}</strong> · exposure <strong>{formatShare(summary.exposure)}</strong>
        </>
      ) : (
        'no blast radius shown'
      )}
      {run.slow && run.status === 'running' && <span className="fx-dock-running"> · simulating…</span>}
    </span>
  );
}

export function ScenarioDock() {
  // An empty model has nothing to simulate: the dock stays folded and leaves the canvas to the start panel.
  const empty = useModelStore((s) => s.model.nodes.length === 0);
  const open = useLayout((s) => s.dock.open) && !empty;
  const height = useLayout((s) => s.dock.size);
  const layout = useLayoutApi();
  const setOpen = useCallback((o: boolean) => layout.getState().setOpen('dock', o), [layout]);
  const onHeight = useCallback((h: number) => layout.getState().resize('dock', h), [layout]);
  const tab = useScenarioStore((s) => s.tab);
  const setTab = useScenarioStore((s) => s.setTab);
  const findings = useScenarioStore((s) => s.findings?.length ?? null);
  const shownName = useScenarioStore((s) => (s.shown ? s.shown.scenario.name || s.shown.scenario.id : null));
  const drag = useRef<{ y: number; h: number } | null>(null);

  const onPointerDown = useCallback(
    (e: React.PointerEvent) => {
      drag.current = { y: e.clientY, h: height };
      (e.target as Element).setPointerCapture(e.pointerId);
    },
    [height],
  );
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      if (!drag.current) return;
      const max = Math.max(MIN_HEIGHT, window.innerHeight - 260);
      onHeight(Math.min(max, Math.max(MIN_HEIGHT, drag.current.h + drag.current.y - e.clientY)));
    },
    [onHeight],
  );
  const onPointerUp = useCallback(() => {
    drag.current = null;
  }, []);

  return (
    <section className={`fx-dock${open ? '' : ' is-folded'}`} aria-label="Scenarios and results" data-testid="scenario-dock">
      {open && (
        <div
          className="fx-dock-resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize the scenario dock"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
        />
      )}
      <header className="fx-dock-head">
        <button type="button" className="fx-dock-fold" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="scenario-dock-toggle">
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Scenarios
        </button>
        <span className="fx-dock-shown">{shownName ?? ''}</span>
        <RunStatus />
        <span className="fl-spacer" />
        <DecideActions />
        <div className="fx-tabs" role="tablist" aria-label="Result views">
          <button type="button" role="tab" aria-selected={tab === 'results'} className="fx-tab" data-testid="tab-results" onClick={() => setTab('results')}>
            Results
          </button>
          <button type="button" role="tab" aria-selected={tab === 'findings'} className="fx-tab" data-testid="tab-findings" onClick={() => setTab('findings')}>
            Findings{findings !== null ? ` (${findings})` : ''}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'fixes'} className="fx-tab" data-testid="tab-fixes" onClick={() => setTab('fixes')}>
            Fixes
          </button>
        </div>
      </header>
      {open && (
        <div className="fx-dock-body" style={{ height: Math.min(height, Math.max(MIN_HEIGHT, window.innerHeight - 260)) }}>
          <ScenarioPanel />
          <div className="fx-dock-main" role="tabpanel">
            {tab === 'results' ? <ResultsPanel /> : tab === 'fixes' ? <FixesPanel /> : <FindingsPanel />}
          </div>
          <ExplainPanel />
        </div>
      )}
    </section>
  );
}
