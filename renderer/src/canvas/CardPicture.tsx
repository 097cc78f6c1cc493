import { ViewportPortal, useStoreApi } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FlowNode } from './adapter.ts';
import type { CardStyle, PictureCard } from './cardPicture.ts';
import { drawCards } from './cardPicture.ts';
import { viewInFlow } from './flowGeometry.ts';
import { shortLabel } from './labelText.ts';
import type { Cover } from './movingBitmap.ts';
import { coverFor, covers } from './movingBitmap.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { AbsRect } from './overview.ts';

/** The theme's card colours and the app's font, as the CSS gives them to a card. */
function themeOf(canvas: HTMLCanvasElement): Omit<CardStyle, 'labelPx'> {
  const css = getComputedStyle(canvas);
  return {
    background: css.getPropertyValue('--node-bg').trim() || '#fff',
    border: css.getPropertyValue('--border').trim() || '#dde1e7',
    text: css.color,
    family: css.fontFamily,
  };
}

/**
 * The dimmed cards of a large model with a scenario shown, at the label-only zoom, as one bitmap
 * (usePictured.ts says which; cardPicture.ts draws them). Like the moving picture, it covers the view and
 * a margin around, and follows the view outside React: a camera jump draws it before the next paint, so
 * no frame shows the cards missing. Mounted for as long as a large model is open, empty when unused:
 * the first follow would otherwise pay for creating the canvas and its context.
 */
export const CardPicture = memo(function CardPicture({
  nodes,
  rects,
  labelPx,
}: {
  nodes: readonly FlowNode[];
  rects: ReadonlyMap<string, AbsRect> | null;
  labelPx: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  // Label widths by text at the current label size: measured once, not at every hop.
  const widths = useRef({ px: 0, of: new Map<string, number>() });
  // The same array while the cards are the same: React Flow measuring a card it has just mounted gives
  // its node a new object (every step of the scrubber mounts some), and must not draw the picture again.
  const previous = useRef<PictureCard[]>([]);
  const cards = useMemo(() => {
    const out: PictureCard[] = [];
    if (rects)
      for (const n of nodes) {
        const r = rects.get(n.id);
        if (!r || n.type !== 'kind') continue;
        const { node } = n.data;
        out.push({ rect: r, color: NODE_REGISTRY[node.kind].color, label: shortLabel(node.label || node.id) });
      }
    const before = previous.current;
    const same = before.length === out.length && out.every((c, i) => c.rect === before[i].rect && c.label === before[i].label && c.color === before[i].color);
    return same ? before : (previous.current = out);
  }, [nodes, rects]);
  // The theme's colours and the app's font, read when first needed and again when the theme switches
  // (which draws the cards again): reading them at every hop (getComputedStyle) laid out the page each time.
  const style = useRef<Omit<CardStyle, 'labelPx'> | null>(null);
  const [themes, setThemes] = useState(0);
  useLayoutEffect(() => {
    const observer = new MutationObserver(() => {
      style.current = null;
      setThemes((n) => n + 1);
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (cards.length === 0) {
      canvas.width = canvas.height = 0;
      return;
    }
    let drawn: Cover | null = null;
    const draw = () => {
      const s = flow.getState();
      if (s.width === 0) return;
      const view = viewInFlow(s);
      const zoom = s.transform[2];
      // Drawn again when the view leaves the picture or the zoom changes at all: text scaled is text blurred.
      if (drawn && drawn.zoom === zoom && covers(drawn, view, zoom)) return;
      // The view and an eighth of it around, sharp at any pixel ratio: while the user pans or zooms the
      // canvas draws the moving picture instead, and a camera jump draws this one again.
      const cover = coverFor(view, s.transform, window.devicePixelRatio || 1, { margin: 1 / 8, pixels: Infinity });
      const { area, scale } = cover;
      const width = Math.ceil(area.width * scale);
      const height = Math.ceil(area.height * scale);
      // A new size clears it; the same size is cleared by drawCards (cheaper than a new backing store).
      if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
      Object.assign(canvas.style, {
        left: `${area.x}px`,
        top: `${area.y}px`,
        width: `${width / scale}px`,
        height: `${height / scale}px`,
      });
      if (widths.current.px !== labelPx) widths.current = { px: labelPx, of: new Map() };
      const theme = (style.current ??= themeOf(canvas));
      drawCards(ctx, cover, cards, { ...theme, labelPx }, widths.current.of);
      drawn = cover;
    };
    // Drawn once a frame at most, before its paint: a hop moves the camera (a store change) and then
    // changes the cards (this effect again), and each drawing costs milliseconds of text.
    let frame = requestAnimationFrame(() => ((frame = 0), draw()));
    const stop = flow.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
    });
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [flow, cards, labelPx, themes]);
  // Its memory is given back when the canvas goes, not when the element is collected.
  useLayoutEffect(() => {
    const canvas = ref.current;
    return () => void (canvas && (canvas.width = canvas.height = 0));
  }, []);
  return (
    <ViewportPortal>
      <canvas ref={ref} className="fl-card-picture" aria-hidden="true" data-testid="card-picture" data-cards={cards.length} />
    </ViewportPortal>
  );
});
