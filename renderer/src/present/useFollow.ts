/**
 * "Follow": when a hop is played, the camera brings its new impacts (and the nodes they came from) into
 * view. It moves only when something of the hop is out of view (cut by the edge counts), at the same zoom when
 * that is enough, and then leaves it a margin.
 * It never zooms out past where labels stop being readable (canvas/detail.ts): a hop spread across a
 * 2,000-node model would otherwise turn the canvas into its unreadable overview picture, and redrawing
 * that picture at each hop took seconds. Then it centres on the hop and the rest is a pan away. Switched
 * on, it brings the hop shown into view at once.
 */
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import type { FlowEdge, FlowNode } from '../canvas/adapter.ts';
import { nodeRect, viewInFlow } from '../canvas/flowGeometry.ts';
import { EDIT_LABEL_PX, PRESENT_LABEL_PX, lowestReadableZoom } from '../canvas/detail.ts';
import { LARGE_MODEL } from '../canvas/useLargeModel.ts';
import { boundsOf } from '../../../shared/visual/index.ts';
import { useScenarioStoreApi } from '../scenarios/index.ts';
import { usePresentApi } from './context.tsx';
import { hopIndexAt, playbackOf } from './playback.ts';

const MARGIN = 24;
const MOVE_MS = 350;

export function useFollow() {
  const scenarios = useScenarioStoreApi();
  const player = usePresentApi();
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const rfStore = useStoreApi<FlowNode, FlowEdge>();

  useEffect(() => {
    /** Brings the hop at the playhead into view, as the module's comment says. */
    const frame = () => {
      const s = scenarios.getState();
      const cut = s.playhead;
      if (!cut || !Number.isFinite(cut.depth) || !s.shown) return;
      const playback = playbackOf(s.shown.result);
      const hop = playback.hops[hopIndexAt(playback, cut)];
      if (!hop) return;
      const ids = new Set(hop.entries.flatMap((e) => (e.via ? [e.node, e.via.from] : [e.node])));
      const state = rfStore.getState();
      const rects = [...ids].flatMap((id) => nodeRect(state.nodeLookup, s.shown!.model, id) ?? []);
      const bounds = boundsOf(rects);
      if (!bounds) return;
      const zoom = state.transform[2];
      const view = viewInFlow(state);
      const m = MARGIN / zoom;
      // Whole on screen is enough, however near the edge: a model framed whole has cards there, and panning to
      // give one of them a margin took the break and the first hops off screen.
      const inView = bounds.x >= view.x0 && bounds.y >= view.y0 && bounds.x + bounds.width <= view.x1 && bounds.y + bounds.height <= view.y1;
      if (inView) return;
      const fits = bounds.width + 2 * m <= view.x1 - view.x0 && bounds.height + 2 * m <= view.y1 - view.y0;
      // On a large model every frame of a glide mounts the nodes coming into view: it jumps instead.
      const duration = s.shown.model.nodes.length > LARGE_MODEL ? 0 : MOVE_MS;
      if (fits) return void rf.setCenter(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2, { zoom, duration });
      const whole = getViewportForBounds(bounds, state.width, state.height, state.minZoom, state.maxZoom, 0.2);
      const readable = lowestReadableZoom(player.getState().on ? PRESENT_LABEL_PX : EDIT_LABEL_PX);
      // Already below it (a small model framed whole, say): no further out than now.
      const floor = Math.min(zoom, readable);
      if (whole.zoom >= floor) void rf.setViewport(whole, { duration });
      else void rf.setCenter(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2, { zoom: floor, duration });
    };
    const hops = scenarios.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead && player.getState().follow) frame();
    });
    // Switched on, it catches up with the hop shown: on a large model the move to the follow's zoom (a
    // long frame, hundreds of cards dropped) is paid then, not at the next step in front of the room.
    const toggles = player.subscribe((p, prev) => {
      if (p.follow && !prev.follow) frame();
    });
    return () => {
      hops();
      toggles();
    };
  }, [scenarios, player, rf, rfStore]);
}
