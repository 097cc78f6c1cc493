/**
 * Scenarios on the canvas: breaks, blast radius, explanations, results and findings. The app wraps itself
 * in <ScenarioProvider>, renders <ScenarioCanvasLayer/> over the canvas and <ScenarioDock/> below it; the
 * node and edge components call useNodeFx/useEdgeFx; the inspector uses the what-if hooks.
 */
import './scenarios.css';

export { ScenarioProvider, useActiveScenario, useScenarioActions, useScenarioStore, useScenarioStoreApi, useWhatIfScenario } from './context.tsx';
export { ScenarioCanvasLayer } from './ScenarioCanvasLayer.tsx';
export { ScenarioDock } from './ScenarioDock.tsx';
export { LegendStrip } from './LegendStrip.tsx';
export { StepMeta } from './ExplainPanel.tsx';
export { formatTime } from './format.ts';
export { NodeFxDecor, useNodeFx } from './NodeFx.tsx';
export type { NodeFx } from './NodeFx.tsx';
export { EdgeFxPath, useEdgeFx } from './EdgeFx.tsx';
export type { EdgeFx } from './EdgeFx.tsx';
export { WhatIfBanner, useWhatIfCommit } from './WhatIf.tsx';
export { withWhatIf } from './scenarioOps.ts';
export { drawnDimmed, nodeOverlayOf } from './overlay.ts';
