/**
 * The blast radius on a large model zoomed out, where the canvas draws an overview picture instead of its
 * nodes and edges (canvas/useLargeModel.ts): the edges that carried a step, a straight line each, and, at
 * far zoom, the hit nodes as boxes filled with their effect's colour and pattern over a veil that fades
 * the rest.
 */
import { ViewportPortal, useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { ReactFlowState } from '@xyflow/react';
import type { Effect } from '../../../shared/domain/index.ts';
import { EFFECTS } from '../../../shared/domain/index.ts';
import { detailOf } from '../canvas/detail.ts';
import { boundsOf } from '../../../shared/visual/index.ts';
import { absoluteRects } from '../canvas/overview.ts';
import type { AbsRect } from '../canvas/overview.ts';
import { LARGE_MODEL } from '../canvas/useLargeModel.ts';
import { useModelStore } from '../store/context.tsx';
import { useScenarioStore } from './context.tsx';
import type { OverlayData } from './overlay.ts';
import type { Size } from '../../../shared/visual/index.ts';

const NO_SIZES = new Map<string, Size>();

export function SpreadOverview() {
  const large = useModelStore((s) => s.model.nodes.length > LARGE_MODEL);
  const detail = useStore(detailOf);
  const active = useScenarioStore((s) => s.overlay.active);
  if (!large || !active || detail === 'full') return null;
  return <Picture far={detail === 'far'} />;
}

/**
 * One screen pixel in model units, in steps of a fifth of an octave of zoom: the picture's strokes, dashes
 * and rings keep their size on screen (scenarios.css). The picture sits in the viewport's CSS transform, so
 * `vector-effect: non-scaling-stroke` does nothing there: framed whole, lines were 0.3 px wide, and dashes
 * 9 model px apart were under a pixel, stroked by the hundred per line in every raster tile (`npm run bench
 * -- present`, follow on: 40% of the raster work).
 */
const screenPx = (s: ReactFlowState) => 2 ** (-Math.round(Math.log2(s.transform[2]) * 5) / 5);

function Picture({ far }: { far: boolean }) {
  const model = useScenarioStore((s) => s.shown?.model ?? null);
  const overlay = useScenarioStore((s) => s.overlay);
  const px = useStore(screenPx);
  const rects = useMemo(() => (model ? absoluteRects(model, NO_SIZES) : null), [model]);
  if (!model || !rects) return null;
  return (
    <ViewportPortal>
      <svg className="fx-overview" aria-hidden="true" data-testid="spread-overview" style={{ '--fx-ov-px': px } as React.CSSProperties}>
        <SpreadPaths rects={rects} overlay={overlay} far={far} edges={model.edges} />
      </svg>
    </ViewportPortal>
  );
}

interface PathsProps {
  rects: ReadonlyMap<string, AbsRect>;
  overlay: OverlayData;
  far: boolean;
  edges: readonly { id: string; source: string; target: string }[];
}

/**
 * Path pieces that depend only on the model's geometry: worked out once per model, not per hop. So are
 * the path elements: a hop or a step of the scrubber hands React the same element for every line already
 * drawn, which it passes over, instead of hundreds of new ones to compare (and their keys and class names
 * to build) at every position.
 */
interface Pieces {
  ends: ReadonlyMap<string, { source: string; target: string }>;
  /** An edge's line, drawn the way the spread went along it, by edge id. */
  forward: Map<string, string>;
  backward: Map<string, string>;
  /** A node's box, by node id. */
  boxes: Map<string, string>;
  /** Path elements, by class name and then by path. */
  elements: Map<string, Map<string, React.ReactElement>>;
  veil: { x: number; y: number; width: number; height: number } | null;
}

function piecesOf(rects: ReadonlyMap<string, AbsRect>, edges: PathsProps['edges']): Pieces {
  const pad = 400;
  const all = boundsOf([...rects.values()]);
  const veil = all && { x: all.x - pad, y: all.y - pad, width: all.width + 2 * pad, height: all.height + 2 * pad };
  return { ends: new Map(edges.map((e) => [e.id, e])), forward: new Map(), backward: new Map(), boxes: new Map(), elements: new Map(), veil };
}

function linePiece(p: Pieces, rects: ReadonlyMap<string, AbsRect>, id: string, back: boolean): string | null {
  const lines = back ? p.backward : p.forward;
  let d = lines.get(id);
  if (d === undefined) {
    const e = p.ends.get(id);
    const s = e && rects.get(back ? e.target : e.source);
    const t = e && rects.get(back ? e.source : e.target);
    if (!s || !t) return null;
    d = `M${Math.round(s.x + s.width / 2)} ${Math.round(s.y + s.height / 2)}L${Math.round(t.x + t.width / 2)} ${Math.round(t.y + t.height / 2)}`;
    lines.set(id, d);
  }
  return d;
}

/** The path element for a line or box (its path is its key: one of each per class). */
function pathElement(p: Pieces, className: string, d: string): React.ReactElement {
  let byPath = p.elements.get(className);
  if (!byPath) p.elements.set(className, (byPath = new Map()));
  let element = byPath.get(d);
  if (!element) byPath.set(d, (element = <path key={d} d={d} className={className} />));
  return element;
}

function boxPiece(p: Pieces, rects: ReadonlyMap<string, AbsRect>, id: string): string | null {
  let d = p.boxes.get(id);
  if (d === undefined) {
    const r = rects.get(id);
    if (!r) return null;
    d = `M${Math.round(r.x)} ${Math.round(r.y)}h${Math.round(r.width)}v${Math.round(r.height)}h${-Math.round(r.width)}z`;
    p.boxes.set(id, d);
  }
  return d;
}

const push = <K,>(m: Map<K, string[]>, k: K, d: string) => {
  const list = m.get(k);
  if (list) list.push(d);
  else m.set(k, [d]);
};

/** A node of the hop being played, far out: ringed (SpreadPaths). */
interface Ring {
  id: string;
  effect: Effect;
  cx: number;
  cy: number;
}

const SpreadPaths = memo(function SpreadPaths({ rects, overlay, far, edges }: PathsProps) {
  const pieces = useMemo(() => piecesOf(rects, edges), [rects, edges]);
  const { lines, boxes, rings, veil } = useMemo(() => {
    const lines = new Map<Effect, string[]>();
    overlay.edges.forEach((o, id) => {
      if (!o.carried) return;
      const d = linePiece(pieces, rects, id, o.carried.direction === 'backward');
      if (d) push(lines, o.carried.effect, d);
    });
    const boxes = new Map<Effect | 'break', string[]>();
    const rings: Ring[] = [];
    if (far) {
      overlay.nodes.forEach((o, id) => {
        if (o.effect === 'none' && !o.breaks.length) return;
        const box = boxPiece(pieces, rects, id);
        if (!box) return;
        if (o.effect !== 'none') push(boxes, o.effect, box);
        if (o.breaks.length) push(boxes, 'break', box);
        const r = rects.get(id);
        if (o.fresh && o.effect !== 'none' && r) rings.push({ id, effect: o.effect, cx: Math.round(r.x + r.width / 2), cy: Math.round(r.y + r.height / 2) });
      });
    }
    return { lines: [...lines], boxes: [...boxes], rings, veil: pieces.veil };
  }, [pieces, rects, overlay, far]);

  const order = (e: Effect | 'break') => (e === 'break' ? -1 : EFFECTS.length - EFFECTS.indexOf(e));
  return (
    <>
      <defs>
        <pattern id="fx-ov-write" patternUnits="userSpaceOnUse" width="28" height="28" patternTransform="rotate(45)">
          <rect width="28" height="28" className="fx-ov-write-bg" />
          <rect width="12" height="28" className="fx-ov-write-fg" />
        </pattern>
        <pattern id="fx-ov-read" patternUnits="userSpaceOnUse" width="30" height="30">
          <rect width="30" height="30" className="fx-ov-read-bg" />
          <circle cx="15" cy="15" r="8" className="fx-ov-read-fg" />
        </pattern>
      </defs>
      {far && veil && <rect className="fx-ov-veil" {...veil} />}
      {/* Each line and box is a path of its own. One path per effect, a few hundred long lines each, was
          stroked (and dashed) again in every raster tile the spread touched: on the 2,000-node bench model
          zoomed out to 0.449, the editor's scrubber spent 2.5 s of raster CPU in 3 s (14 fps). A line of its
          own is stroked only in the tiles it meets, and a hop repaints only what it adds. */}
      {lines
        .slice()
        .sort((a, b) => order(a[0]) - order(b[0]))
        .map(([effect, ds]) => {
          const className = `fx-ov-line fx-ov-line-${effect}`;
          return ds.map((d) => pathElement(pieces, className, d));
        })}
      {boxes
        .slice()
        .sort((a, b) => order(b[0]) - order(a[0]))
        .map(([effect, ds]) => {
          const className = `fx-ov-box fx-ov-box-${effect}`;
          return ds.map((d) => pathElement(pieces, className, d));
        })}
      {/* Far out a box is a few pixels: the hop being played is ringed, so the room finds what it reached. */}
      {rings.map((r) => (
        <circle key={r.id} cx={r.cx} cy={r.cy} className={`fx-ov-fresh fx-ov-fresh-${r.effect}`} data-node={r.id} />
      ))}
    </>
  );
});
