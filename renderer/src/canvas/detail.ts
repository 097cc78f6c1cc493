/**
 * Level of detail by zoom for large models (a small model is always drawn in full), decided once for the
 * whole canvas (one store subscription, not one per node).
 * Below 0.45 the chips are unreadable: icon and label only. Below 0.2 no text is readable: a tinted
 * block per node. On a large model, below 0.45 the edges are drawn as one overview path instead of
 * thousands of interactive elements. Fewer elements is what keeps a 2,000-node model smooth when it is all in view.
 */
import { createContext, useContext } from 'react';
import type { ReactFlowState } from '@xyflow/react';

export type Detail = 'full' | 'simple' | 'far';

export const detailOf = (s: ReactFlowState): Detail =>
  s.transform[2] >= 0.45 ? 'full' : s.transform[2] >= 0.2 ? 'simple' : 'far';

/** Edge labels show from this zoom up (10.5 px text is 7 px on screen there). */
export const labelsShown = (s: ReactFlowState): boolean => s.transform[2] >= 0.7;

export const DetailContext = createContext<{ detail: Detail; labels: boolean }>({ detail: 'full', labels: true });

export const useDetail = () => useContext(DetailContext);
