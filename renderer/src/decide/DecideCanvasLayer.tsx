/** What the decision tools draw over the canvas: the comparison and the likelihood view, in one column on the left. */
import { CompareView } from './CompareView.tsx';
import { LikelihoodPanel } from './LikelihoodPanel.tsx';
import { useDecide } from './context.tsx';

export function DecideCanvasLayer() {
  const compare = useDecide((s) => s.compareOpen && s.compareMode === 'overlay');
  const side = useDecide((s) => s.compareOpen && s.compareMode === 'side');
  const likelihood = useDecide((s) => s.likelihoodOpen);
  return (
    <>
      {(compare || likelihood) && (
        <div className="dc-canvas-panels">
          {compare && <CompareView />}
          <LikelihoodPanel />
        </div>
      )}
      {side && <CompareView />}
    </>
  );
}
