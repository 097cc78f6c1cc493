/**
 * Which of a large model's cards React Flow leaves to a picture (CardPicture): with a scenario shown, at
 * the label-only zoom, every card the scenario leaves dimmed. Following a break hop by
 * hop, the camera jumps across the model; each jump mounted and unmounted about 200 React Flow cards
 * (80–120 ms frames on the 2,000-node bench model). Now it mounts the few the spread lights.
 *
 * React Flow keeps the pictured nodes, `hidden`: lookups of their place and size (follow, fit, layout,
 * tag placement) go on working. A card comes back to React Flow as soon as there is anything to do with
 * it: the pointer is over it (so a click, a drag, a double-click or a handle finds a real card), it is
 * selected or dragged, it is on the explained path, it has a fix badge, or a box selection is being drawn
 * (React Flow's box selection skips hidden nodes).
 */
import { useStore } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import type { Rect } from '../../../shared/visual/index.ts';
import { overlaps } from '../editor/geometry.ts';
import { useDecide } from '../decide/index.ts';
import { drawnDimmed, nodeOverlayOf, useScenarioStore } from '../scenarios/index.ts';
import type { FlowNode } from './adapter.ts';

const NONE: readonly FlowNode[] = [];

/** Each node's hidden twin, made once per node object: a hop re-adopts only the nodes that changed. */
const twins = new WeakMap<FlowNode, FlowNode>();
const hiddenTwin = (n: FlowNode): FlowNode => {
  let t = twins.get(n);
  if (!t) twins.set(n, (t = { ...n, hidden: true }));
  return t;
};

/**
 * `on`: the canvas draws cards at the label-only zoom on a large model (nodes given to React Flow). Returns
 * the nodes for React Flow (pictured ones hidden), the pictured ones (`pictured`), the cards the picture
 * draws (`drawn`), and `point`, which the canvas calls with the id of the pictured card under the pointer
 * (null when none). `rects` and `area` (the part of the model around the view; null while the view moves):
 * a card outside the area is pictured, lit or not.
 *
 * The picture draws the cards the spread lights too, under React Flow's: those are opaque and cover their
 * twin, so a hop or a step of the scrubber, which lights and dims cards, leaves the picture as it was.
 * Only a card React Flow draws dimmed (pointed at, selected, with a what-if mark) is left out of it: the
 * two faded copies would show through each other.
 */
export function usePictured(nodes: FlowNode[], on: boolean, rects: ReadonlyMap<string, Rect> | null = null, area: Rect | null = null) {
  const overlay = useScenarioStore((s) => s.overlay);
  const path = useScenarioStore((s) => s.path.nodes);
  const fixed = useDecide((s) => s.fixBadges.nodes);
  const fixHovered = useDecide((s) => (s.hover !== null ? (s.fixes?.[s.hover]?.node ?? null) : null));
  // Compare and likelihood mark dimmed cards too: while either is open, every card is React Flow's.
  const marking = useDecide((s) => s.compareOpen || s.likelihoodOpen);
  const selecting = useStore((s) => s.userSelectionActive);
  const [pointed, setPointed] = useState<string | null>(null);
  const active = on && overlay.active && !marking && !selecting;
  // The last answer's arrays: kept while they hold the same nodes, so that React Flow is handed the same array.
  const last = useRef<{ nodes: FlowNode[]; pictured: readonly FlowNode[] }>({ nodes: [], pictured: NONE });
  const picked = useMemo(() => {
    if (!active) return { nodes, pictured: NONE, dimmed: '' };
    // What React Flow gets for node i: the node, or its hidden twin (and then it is in the picture).
    const dimmed: string[] = [];
    const forFlow = (n: FlowNode): FlowNode => {
      if (n.type !== 'kind') return n;
      // A card away from the view stays in the picture whatever the spread does to it: lit there, it would
      // hand React Flow a new array (and all 2,000 nodes to adopt again) at each hop or step of the scrubber
      // for a card nobody sees. The view coming near it places it again.
      const r = area && rects?.get(n.id);
      const near = !r || overlaps(r, area!);
      const lit = near && !drawnDimmed(nodeOverlayOf(overlay, n.id), path.has(n.id));
      // Anything in the overlay's entries (a what-if mark, a response) is React Flow's to draw.
      const wanted = n.selected || n.dragging || n.id === pointed || n.id === fixHovered || fixed.has(n.id) || (near && overlay.nodes.has(n.id));
      if (wanted && !lit) dimmed.push(n.id);
      return lit || wanted ? n : hiddenTwin(n);
    };
    // Most steps of the scrubber change no card's side: compared as they come, the arrays of 2,000 nodes
    // are only built when one does.
    const before = last.current.nodes;
    let out: FlowNode[] | null = before.length === nodes.length ? null : [];
    for (let i = 0; i < nodes.length; i++) {
      const m = forFlow(nodes[i]);
      if (out) out.push(m);
      else if (m !== before[i]) (out = before.slice(0, i)).push(m);
    }
    if (out) last.current = { nodes: out, pictured: nodes.filter((n, i) => out[i] !== n) };
    return { nodes: last.current.nodes, pictured: last.current.pictured, dimmed: dimmed.join('\n') };
  }, [active, nodes, pointed, fixHovered, overlay, path, fixed, rects, area]);
  // The cards in the picture: every one but those React Flow draws dimmed. The same array from hop to hop.
  const { dimmed } = picked;
  const drawn = useMemo(() => {
    if (!active) return NONE;
    const out = new Set(dimmed.split('\n'));
    return nodes.filter((n) => n.type === 'kind' && !out.has(n.id));
  }, [active, nodes, dimmed]);
  return useMemo(() => ({ nodes: picked.nodes, pictured: picked.pictured, drawn, point: setPointed }), [picked, drawn]);
}
