/**
 * Where each node's tags go and which edge labels are hidden (decor.ts), worked out after React Flow has
 * measured the nodes, and read per node and per edge: an item re-renders only when its own answer changes.
 */
import { useStoreApi } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { createContext, useContext, useEffect, useRef } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import type { Rect, Size } from '../../../shared/visual/index.ts';
import { useScenarioStoreApi } from '../scenarios/index.ts';
import type { NodeOverlay, OverlayData } from '../scenarios/overlay.ts';
import type { DecorTight } from '../scenarios/NodeFx.tsx';
import { decorSize, decorTight } from '../scenarios/NodeFx.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { isBoundaryId } from './adapter.ts';
import type { DecorPlace, DecorRequest, LabelRequest } from './decor.ts';
import { RectIndex, hiddenLabels, placeOne, separateTags, tagArea, tagsCover } from './decor.ts';
import { overlaps } from '../editor/geometry.ts';
import type { Band } from './detail.ts';
import type { Box } from './flowGeometry.ts';
import { viewInFlow } from './flowGeometry.ts';
import { edgeLabel } from './edges/edgeLabel.ts';
import { NODE_BOX } from '../../../shared/visual/index.ts';

interface DecorState {
  place: ReadonlyMap<string, DecorPlace>;
  hidden: ReadonlySet<string>;
  /** Tag rows on a card's top edge or inside it that fit only cut down (decorTight). */
  tight: ReadonlyMap<string, DecorTight>;
  /** Lines a label may take, where fewer than two fit above the next card down (presentation mode). */
  lines: ReadonlyMap<string, number>;
}

type DecorStore = ReturnType<typeof createDecorStore>;

export const createDecorStore = () => createStore<DecorState>()(() => ({ place: new Map(), hidden: new Set(), tight: new Map(), lines: new Map() }));

export const DecorContext = createContext<DecorStore | null>(null);

/** Outside a canvas (nothing placed yet): tags above, every label shown. */
const NONE = createDecorStore();

const useDecorStore = <T,>(selector: (s: DecorState) => T): T => useZustand(useContext(DecorContext) ?? NONE, selector);

export const useDecorPlace = (id: string): DecorPlace => useDecorStore((s) => s.place.get(id) ?? 'above');
export const useDecorTight = (id: string): DecorTight | undefined => useDecorStore((s) => s.tight.get(id));
export const useLabelHidden = (id: string): boolean => useDecorStore((s) => s.hidden.has(id));
export const useLabelLines = (id: string): number | undefined => useDecorStore((s) => s.lines.get(id));

/** Gap between a node and its tags, in tag heights. */
const GAP = 0.3;
/** Edge labels, in ems of their text (app.css .fl-edge-label): width per character, padding, height. */
const LABEL = { char: 0.6, pad: 1.4, height: 1.75 };

// forEach, not for…of: an entry pair per key, at every step of the scrubber, was megabytes of garbage.
function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>) {
  if (a.size !== b.size) return false;
  let same = true;
  a.forEach((v, k) => {
    if (same && b.get(k) !== v) same = false;
  });
  return same;
}
function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>) {
  if (a.size !== b.size) return false;
  let same = true;
  a.forEach((v) => {
    if (same && !b.has(v)) same = false;
  });
  return same;
}

interface DecorInput {
  nodes: readonly FlowNode[];
  edges: readonly FlowEdge[];
  band: Band;
  labels: boolean;
  presenting: boolean;
  /** A large model: only the edges in view get their labels placed. */
  large: boolean;
}

/**
 * Node rectangles as React Flow has drawn them (measured sizes, absolute positions) and their index, kept
 * from one layout to the next: a refresh re-indexes only the nodes that moved, were measured, came or went.
 * A camera jump measures the nodes coming into view, a few at a time; each time the whole model was indexed again.
 */
class DrawnGeometry {
  readonly rects = new Map<string, Rect>();
  readonly index = new RectIndex([]);

  /** True when any rectangle changed. */
  refresh(lookup: ReactFlowState<FlowNode, FlowEdge>['nodeLookup']): boolean {
    let changed = false;
    let count = 0;
    // forEach: for…of made an entry array per node, 2,000 of them at each hop.
    lookup.forEach((n, id) => {
      if (isBoundaryId(id)) return;
      count++;
      const p = n.internals.positionAbsolute;
      const width = n.measured.width ?? NODE_BOX.width;
      const height = n.measured.height ?? NODE_BOX.height;
      const old = this.rects.get(id);
      if (old && old.x === p.x && old.y === p.y && old.width === width && old.height === height) return;
      const rect = { x: p.x, y: p.y, width, height };
      if (old) this.index.remove(id, old);
      this.index.add(id, rect);
      this.rects.set(id, rect);
      changed = true;
    });
    if (count !== this.rects.size) {
      for (const [id, rect] of this.rects) {
        if (lookup.has(id)) continue;
        this.index.remove(id, rect);
        this.rects.delete(id);
        changed = true;
      }
    }
    return changed;
  }
}

/** What a layout keeps for the next one, while the geometry and the inputs below stay the same. */
interface Kept {
  geometry: DrawnGeometry;
  inputs: readonly unknown[];
  /**
   * Per node, the size of its tags for its overlay, and its place among the nodes alone (placeOne, before
   * tags are kept off one another) for the view it was placed in; null until placed.
   */
  placed: Map<string, { overlay: NodeOverlay; key: string; size: Size; place: DecorPlace | null; viewKey: string }>;
  /** A large model: the part of the model whose tags were last placed, and their reach (see tagArea). */
  area: Rect | null;
  reach: number;
  /** The labels in play for the view last placed, and the answer for their last marks. */
  labelled: { viewKey: string; list: LabelEdge[]; marks: Uint8Array | null; hidden: Set<string> } | null;
}

/** An edge whose label may be placed (one end in view), with its ends' rectangles. */
interface LabelEdge {
  edge: FlowEdge & { data: NonNullable<FlowEdge['data']> };
  s: Rect;
  t: Rect;
}

/** The edges whose labels are placed: those with an end in `view` (every edge without one). */
function labelEdges(edges: readonly FlowEdge[], rects: ReadonlyMap<string, Rect>, view: Box | null): LabelEdge[] {
  const out: LabelEdge[] = [];
  const seen = (r: Rect) => !view || (r.x < view.x1 && r.x + r.width > view.x0 && r.y < view.y1 && r.y + r.height > view.y0);
  for (const e of edges) {
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (!s || !t || !e.data || !(seen(s) || seen(t))) continue;
    out.push({ edge: e as LabelEdge['edge'], s, t });
  }
  return out;
}

/**
 * What the overlay changes about these labels: per edge, whether it carried a step (placed first) and
 * whether the scenario patches it (its text). Equal marks, equal answer: a hop or a scrubbed hour that
 * reaches no edge with a label in play hides the same labels.
 */
function labelMarks(list: readonly LabelEdge[], overlay: OverlayData): Uint8Array {
  const marks = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const o = overlay.edges.get(list[i].edge.id);
    if (o) marks[i] = (o.carried ? 1 : 0) | (o.patched ? 2 : 0);
  }
  return marks;
}

const sameMarks = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Edge labels to place: their text's box halfway between the ends, and which must show. */
function labelRequests(list: readonly LabelEdge[], marks: Uint8Array, band: Band): LabelRequest[] {
  return list.map(({ edge: e, s, t }, i) => {
    const text = `${e.data.fits ? '' : '⚠ '}${marks[i] & 2 ? 'what-if · ' : ''}${edgeLabel(e.data.edge)}`;
    const keep = Boolean(e.selected) || !e.data.fits;
    return {
      id: e.id,
      x: (s.x + s.width + t.x) / 2,
      y: (s.y + s.height / 2 + t.y + t.height / 2) / 2,
      width: (text.length * LABEL.char + LABEL.pad) * band.edgePx,
      height: LABEL.height * band.edgePx,
      priority: keep ? 0 : marks[i] & 1 ? 1 : 2,
      keep,
      source: e.source,
      target: e.target,
    };
  });
}

/**
 * Works the answers out again when the nodes, the zoom band or the overlay change. The overlay is read
 * from the scenario store by subscription, so a new hop does not re-render the canvas around its nodes.
 */
export function useDecorLayout(store: DecorStore, input: DecorInput) {
  const rf = useStoreApi<FlowNode, FlowEdge>();
  const scenarios = useScenarioStoreApi();
  const { nodes, edges, band, labels, presenting, large } = input;
  const keptRef = useRef<Kept | null>(null);
  useEffect(() => {
    // Until the nodes, the band or the mode change, a node's place depends only on its tags' size: kept
    // per node, so a new hop works out only the nodes it changes.
    const kept = (keptRef.current ??= { geometry: new DrawnGeometry(), inputs: [], placed: new Map(), labelled: null, area: null, reach: 0 });
    const inputs = [edges, band, labels, presenting, large];
    if (inputs.some((x, i) => x !== kept.inputs[i])) {
      kept.inputs = inputs;
      kept.placed.clear();
      kept.labelled = null;
    }
    const { placed } = kept;
    // The nodes have changed (moved, measured, added): their rectangles are brought up to date once.
    let refreshed = false;
    const layout = (overlay: OverlayData) => {
      // Mid-drag the answer would change every frame: it is worked out when the drag ends.
      if (nodes.some((n) => n.dragging)) return;
      // Nothing to place (no overlay, no edge labels at this zoom): no index of every node is built, which
      // on a 10,000-node model would cost each drop tens of milliseconds.
      if (overlay.nodes.size === 0 && !labels) {
        kept.area = null;
        const prev = store.getState();
        if (prev.place.size || prev.hidden.size || prev.tight.size) store.setState({ place: new Map(), hidden: new Set(), tight: new Map() });
        return;
      }
      if (!refreshed) {
        refreshed = true;
        if (kept.geometry.refresh(rf.getState().nodeLookup)) {
          placed.clear();
          kept.labelled = null;
        }
      }
      const { rects, index } = kept.geometry;
      const words = band.card === 'full';
      // The view, read once: presenting (the model framed whole) keeps its tags on screen, and a large model
      // places only the tags near it.
      const seen = presenting || large ? viewInFlow(rf.getState()) : null;
      const within = presenting && seen ? { x: seen.x0, y: seen.y0, width: seen.x1 - seen.x0, height: seen.y1 - seen.y0 } : undefined;
      const viewKey = within ? [within.x, within.y, within.width, within.height].map(Math.round).join(',') : '';
      // Each node's tag size, worked out again only for a node whose overlay object changed (overlay.ts
      // keeps it while nothing about the node changed), and the widest row of them.
      // (forEach, not for…of: an entry array per node per hop was most of what this allocated.)
      let widest = 0;
      overlay.nodes.forEach((o, id) => {
        let known = placed.get(id);
        if (known?.overlay !== o) {
          const size = decorSize(o, band.tagPx, words);
          if (!size) {
            placed.delete(id);
            return;
          }
          const key = `${size.width}:${size.height}`;
          // The same size keeps its place; another one is placed again below.
          known = { overlay: o, key, size, place: known?.key === key ? known.place : null, viewKey: known?.key === key ? known.viewKey : '' };
          placed.set(id, known);
        }
        widest = Math.max(widest, known.size.width);
      });
      // A large model: only the tags near the view are placed (React Flow draws the cards in view alone).
      kept.reach = widest + GAP * band.tagPx;
      const area = large && seen ? tagArea(seen, kept.reach) : null;
      kept.area = area;
      const place = new Map<string, DecorPlace>();
      const order: (DecorRequest & { at: number })[] = [];
      overlay.nodes.forEach((o, id) => {
        const known = placed.get(id);
        if (!known) return;
        if (area) {
          const r = rects.get(id);
          if (!r || !overlaps(r, area)) return;
        }
        if (known.place === null || known.viewKey !== viewKey) {
          known.place = placeOne(index, rects, { id, ...known.size }, GAP * band.tagPx, within);
          known.viewKey = viewKey;
        }
        if (!known.place) return;
        place.set(id, known.place);
        order.push({ id, ...known.size, at: o.at ?? 0 });
      });
      // Then off one another: the tags of the nodes reached first keep their place.
      order.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      separateTags(index, rects, order, place, GAP * band.tagPx, within);
      // A row on the card's edge or inside it ends at the card's sides (scenarios.css: 4 and 3 px in).
      const tight = new Map<string, DecorTight>();
      place.forEach((p, id) => {
        const o = overlay.nodes.get(id);
        const r = rects.get(id);
        const known = placed.get(id);
        if ((p !== 'edge' && p !== 'inside') || !o || !r || !known) return;
        const cut = decorTight(o, band.tagPx, words, r.width - (p === 'edge' ? 8 : 6), known.size.width);
        if (cut) tight.set(id, cut);
      });
      const hidden = labels ? hiddenNow(overlay, rects, index) : new Set<string>();
      const prev = store.getState();
      store.setState({
        place: sameMap(prev.place, place) ? prev.place : place,
        tight: sameMap(prev.tight, tight) ? prev.tight : tight,
        hidden: sameSet(prev.hidden, hidden) ? prev.hidden : hidden,
      });
    };
    /** The labels to hide: worked out again only when the view or the labels' marks change. */
    function hiddenNow(overlay: OverlayData, rects: Map<string, Rect>, index: RectIndex): Set<string> {
      const view = large ? viewInFlow(rf.getState()) : null;
      const key = view ? [view.x0, view.y0, view.x1, view.y1].map(Math.round).join(',') : '';
      if (kept.labelled?.viewKey !== key) kept.labelled = { viewKey: key, list: labelEdges(edges, rects, view), marks: null, hidden: new Set() };
      const labelled = kept.labelled;
      const marks = labelMarks(labelled.list, overlay);
      if (!labelled.marks || !sameMarks(labelled.marks, marks)) {
        labelled.marks = marks;
        labelled.hidden = hiddenLabels(index, labelRequests(labelled.list, marks, band));
      }
      return labelled.hidden;
    }
    layout(scenarios.getState().overlay);
    const offScenarios = scenarios.subscribe((s, prev) => {
      if (s.overlay !== prev.overlay) layout(s.overlay);
    });
    // A large model's tags and labels are worked out near the view: again when it has moved. Tags at once
    // when cards come into view that were not placed (a follow hop's camera jump: before its frame is
    // painted), labels once the view rests.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offView = large
      ? rf.subscribe((s, prev) => {
          if (s.transform === prev.transform && s.width === prev.width && s.height === prev.height) return;
          if (kept.area && !tagsCover(kept.area, viewInFlow(s), kept.reach)) {
            if (timer) clearTimeout(timer);
            timer = null;
            layout(scenarios.getState().overlay);
          } else if (labels) {
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => layout(scenarios.getState().overlay), 150);
          }
        })
      : () => {};
    return () => {
      offScenarios();
      offView();
      if (timer) clearTimeout(timer);
    };
  }, [store, rf, scenarios, nodes, edges, band, labels, presenting, large]);
}
