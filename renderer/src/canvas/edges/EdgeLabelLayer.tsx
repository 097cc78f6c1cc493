/**
 * Where edge labels are drawn: React Flow's edge-label layer, looked up once per canvas. React Flow's own
 * <EdgeLabelRenderer> runs a querySelector in every label's store selector, so every store change (a pan step,
 * opening another model) searched the whole drawing once per label: with hundreds of labels in view on a large
 * model, that blocked the page for seconds. Here each label selects the canvas element (free) and the layer is
 * found once for it.
 */
import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const layers = new WeakMap<HTMLElement, HTMLElement>();
const selectDomNode = (s: ReactFlowState) => s.domNode;

function layerOf(domNode: HTMLElement | null): HTMLElement | null {
  if (!domNode) return null;
  let layer = layers.get(domNode);
  if (!layer?.isConnected) {
    layer = domNode.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? undefined;
    if (layer) layers.set(domNode, layer);
  }
  return layer ?? null;
}

/** An edge's label, drawn in the label layer (above the edges, under the nodes), as EdgeLabelRenderer does. */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const layer = layerOf(useStore(selectDomNode));
  return layer ? createPortal(children, layer) : null;
}
