/**
 * Deciding in the room: the ranked fixes of the shown scenario and "Try it", the comparison of two
 * scenarios, why a node is not reached, the likelihood view, and sticky notes. The app wraps itself in
 * <DecideProvider> (inside the scenario provider); canvas nodes and edges call useDecideNode/useDecideEdge.
 */
import './decide.css';

export { DecideProvider, useDecideControls, useDecideEdge, useDecideNode, useDecide, useDecideStoreApi } from './context.tsx';
export { DecideNodeDecor } from './canvas/NodeMarks.tsx';
export { FixBadge } from './canvas/FixBadge.tsx';
export { DecideCanvasLayer } from './DecideCanvasLayer.tsx';
