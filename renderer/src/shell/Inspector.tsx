import { useMemo } from 'react';
import { WhatIfBanner, useWhatIfScenario, withWhatIf } from '../scenarios/index.ts';
import { useModelStore } from '../store/context.tsx';
import { BoundaryForm } from './inspector/BoundaryForm.tsx';
import { EdgeForm } from './inspector/EdgeForm.tsx';
import { ModelForm } from './inspector/ModelForm.tsx';
import { NodeForm } from './inspector/NodeForm.tsx';

/** The selected node(s), edge(s) or boundary as a typed form; the model's own details when nothing is selected. */
export function Inspector() {
  const model = useModelStore((s) => s.model);
  const selection = useModelStore((s) => s.selection);
  const nodesById = useMemo(() => new Map(model.nodes.map((n) => [n.id, n])), [model.nodes]);
  const nodes = selection.nodes.map((id) => nodesById.get(id)).filter((n) => n !== undefined);
  const edges = useMemo(() => {
    const ids = new Set(selection.edges);
    return model.edges.filter((e) => ids.has(e.id));
  }, [model.edges, selection.edges]);
  // While what-if editing is on, the forms show (and edit) the scenario's values, not the model's.
  const whatIf = useWhatIfScenario();
  const boundaries = model.boundaries.filter((b) => selection.boundaries.includes(b.id));
  const kinds = [nodes.length > 0, edges.length > 0, boundaries.length > 0].filter(Boolean).length;
  // A new selection gets fresh fields (drafts and messages belong to what they were typed for).
  const key = [...selection.nodes, ...selection.edges, ...selection.boundaries, whatIf ? `whatif:${whatIf.id}` : ''].join('|');

  let body: React.ReactNode;
  if (kinds === 0) {
    body = (
      <div className="fl-inspector-empty">
        <ModelForm model={model} />
        <dl>
          <dt>Nodes</dt>
          <dd>{model.nodes.length}</dd>
          <dt>Edges</dt>
          <dd>{model.edges.length}</dd>
          <dt>Boundaries</dt>
          <dd>{model.boundaries.length}</dd>
          <dt>Scenarios</dt>
          <dd>{model.scenarios.length}</dd>
        </dl>
        <p className="fl-muted">
          Select a node, an edge or a boundary to edit it. Drag kinds from the left, or press N.
        </p>
      </div>
    );
  } else if (kinds > 1) {
    body = (
      <div className="fl-form">
        <h2>{selection.nodes.length + selection.edges.length + selection.boundaries.length} items selected</h2>
        <p className="fl-muted">
          {nodes.length} nodes, {edges.length} edges, {boundaries.length} boundaries. Select only nodes, only edges or
          one boundary to edit their properties.
        </p>
      </div>
    );
  } else if (nodes.length > 0) body = <NodeForm key={key} nodes={withWhatIf(nodes, whatIf)} />;
  else if (edges.length > 0) body = <EdgeForm key={key} edges={withWhatIf(edges, whatIf)} nodes={nodesById} />;
  else if (boundaries.length === 1) body = <BoundaryForm key={key} boundary={boundaries[0]} />;
  else body = <p className="fl-muted">{boundaries.length} boundaries selected.</p>;

  return (
    <aside className="fl-inspector" aria-label="Inspector" data-testid="inspector">
      {kinds === 1 && <WhatIfBanner ids={[...selection.nodes, ...selection.edges]} />}
      {body}
    </aside>
  );
}
