/**
 * What the scenarios draw over the canvas: the progress indicator for slow runs, the node context menu,
 * the arrowheads of the spread paths, and the spread on a large model zoomed out. The legend has a strip
 * of its own beside the timeline (LegendStrip), so it never covers a node.
 */
import { useScenarioStore } from './context.tsx';
import { SpreadMarkers } from './EdgeFx.tsx';
import { NodeContextMenu } from './NodeContextMenu.tsx';
import { SpreadOverview } from './SpreadOverview.tsx';

/** Shown while a run has taken more than 200 ms. */
function RunIndicator() {
  const slow = useScenarioStore((s) => s.run.slow && s.run.status === 'running');
  if (!slow) return null;
  return (
    <div className="fx-progress" role="status" data-testid="scenario-progress">
      <span className="fx-spinner" aria-hidden="true" />
      Simulating…
    </div>
  );
}

export function ScenarioCanvasLayer() {
  return (
    <>
      <SpreadMarkers />
      <SpreadOverview />
      <RunIndicator />
      <NodeContextMenu />
    </>
  );
}
