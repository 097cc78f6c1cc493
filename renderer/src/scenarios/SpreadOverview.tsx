/**
 * The blast radius on a large model zoomed out, where the canvas draws an overview picture instead of its
 * nodes and edges (canvas/useLargeModel.ts): the edges that carried a step, one path per effect, and, at
 * far zoom, the hit nodes as boxes filled with their effect's colour and pattern over a veil that fades
 * the rest. A few SVG paths, whatever the size of the model.
 */
import { ViewportPortal, useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Effect } from '../../../shared/domain/index.ts';
import { EFFECTS } from '../../../shared/domain/index.ts';
import { detailOf } from '../canvas/detail.ts';
import { boundsOf } from '../editor/geometry.ts';
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

function Picture({ far }: { far: boolean }) {
  const model = useScenarioStore((s) => s.shown?.model ?? null);
  const overlay = useScenarioStore((s) => s.overlay);
  const rects = useMemo(() => (model ? absoluteRects(model, NO_SIZES) : null), [model]);
  if (!model || !rects) return null;
  return (
    <ViewportPortal>
      <SpreadPaths rects={rects} overlay={overlay} far={far} edges={model.edges} />
    </ViewportPortal>
  );
}

interface PathsProps {
  rects: ReadonlyMap<string, AbsRect>;
  overlay: OverlayData;
  far: boolean;
  edges: readonly { id: string; source: string; target: string }[];
}

const SpreadPaths = memo(function SpreadPaths({ rects, overlay, far, edges }: PathsProps) {
  const { lines, boxes, veil } = useMemo(() => {
    const lines = new Map<Effect, string[]>();
    const ends = new Map(edges.map((e) => [e.id, e]));
    for (const [id, o] of overlay.edges) {
      const e = ends.get(id);
      if (!o.carried || !e) continue;
      const back = o.carried.direction === 'backward';
      const s = rects.get(back ? e.target : e.source);
      const t = rects.get(back ? e.source : e.target);
      if (!s || !t) continue;
      const list = lines.get(o.carried.effect) ?? [];
      list.push(`M${Math.round(s.x + s.width / 2)} ${Math.round(s.y + s.height / 2)}L${Math.round(t.x + t.width / 2)} ${Math.round(t.y + t.height / 2)}`);
      lines.set(o.carried.effect, list);
    }
    const boxes = new Map<Effect | 'break', string[]>();
    if (far) {
      for (const [id, o] of overlay.nodes) {
        const r = rects.get(id);
        if (!r) continue;
        const box = `M${Math.round(r.x)} ${Math.round(r.y)}h${Math.round(r.width)}v${Math.round(r.height)}h${-Math.round(r.width)}z`;
        if (o.effect !== 'none') boxes.set(o.effect, [...(boxes.get(o.effect) ?? []), box]);
        if (o.breaks.length) boxes.set('break', [...(boxes.get('break') ?? []), box]);
      }
    }
    const pad = 400;
    const all = boundsOf([...rects.values()]);
    const veil = all && { x: all.x - pad, y: all.y - pad, width: all.width + 2 * pad, height: all.height + 2 * pad };
    return { lines: [...lines].map(([e, d]) => [e, d.join('')] as const), boxes: [...boxes].map(([e, d]) => [e, d.join('')] as const), veil };
  }, [rects, overlay, far, edges]);

  const order = (e: Effect | 'break') => (e === 'break' ? -1 : EFFECTS.length - EFFECTS.indexOf(e));
  return (
    <svg className="fx-overview" aria-hidden="true" data-testid="spread-overview">
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
      {lines
        .slice()
        .sort((a, b) => order(a[0]) - order(b[0]))
        .map(([effect, d]) => (
          <path key={effect} d={d} className={`fx-ov-line fx-ov-line-${effect}`} />
        ))}
      {boxes
        .slice()
        .sort((a, b) => order(b[0]) - order(a[0]))
        .map(([effect, d]) => (
          <path key={effect} d={d} className={`fx-ov-box fx-ov-box-${effect}`} />
        ))}
    </svg>
  );
});
