/**
 * The overlay on one canvas edge: an edge that carried a step is drawn again on top, thick, in the colour
 * of what it carried, with an arrow and moving dashes in the direction the break spread (which is against
 * the edge for `trusts`, `depends-on`, `issued-by` and for outages reaching back to callers). Edges that
 * carried nothing are dimmed; edges left out of the scenario are struck through.
 */
import { getBezierPath } from '@xyflow/react';
import type { Position } from '@xyflow/react';
import { useEdgeOnPath, useEdgeOverlay } from './context.tsx';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { formatTime } from './format.ts';
import type { EdgeOverlay } from './overlay.ts';

export interface EdgeFx {
  overlay: EdgeOverlay;
  onPath: boolean;
  /** Classes for the edge path and its label (starts with a space, or empty). */
  className: string;
}

export function useEdgeFx(id: string): EdgeFx {
  const overlay = useEdgeOverlay(id);
  const onPath = useEdgeOnPath(id);
  const cls: string[] = [];
  if (overlay.active) cls.push(overlay.carried ? 'fx-carried' : 'fx-dim');
  if (onPath) cls.push('fx-path');
  if (overlay.removed) cls.push('fx-removed');
  if (overlay.patched) cls.push('fx-patched');
  if (overlay.fresh) cls.push('fx-fresh');
  return { overlay, onPath, className: cls.length ? ` ${cls.join(' ')}` : '' };
}

interface Geometry {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/** Draws the spread over an edge; nothing when the edge carried nothing. */
export function EdgeFxPath({ fx, geometry }: { fx: EdgeFx; geometry: Geometry }) {
  const c = fx.overlay.carried;
  if (!c) return null;
  const g = geometry;
  const forward = c.direction !== 'backward';
  const [d] = forward
    ? getBezierPath(g)
    : getBezierPath({
        sourceX: g.targetX,
        sourceY: g.targetY,
        sourcePosition: g.targetPosition,
        targetX: g.sourceX,
        targetY: g.sourceY,
        targetPosition: g.sourcePosition,
      });
  const look = EFFECT_LOOKS[c.effect];
  const title = `${look.label} spread ${c.direction === 'both' ? 'both ways' : forward ? 'along the edge' : 'against the edge'}, from ${formatTime(c.at)}`;
  return (
    <g className={`fx-spread fx-spread-${c.effect}${fx.onPath ? ' fx-path' : ''}${fx.overlay.fresh ? ' fx-fresh' : ''}`} data-direction={c.direction}>
      <title>{title}</title>
      <path d={d} className="fx-spread-under" fill="none" />
      <path
        d={d}
        className="fx-spread-line"
        fill="none"
        markerEnd={`url(#fx-arrow-${c.effect})`}
        markerStart={c.direction === 'both' ? `url(#fx-arrow-start-${c.effect})` : undefined}
      />
    </g>
  );
}

const MARKER_EFFECTS = ['control', 'write', 'read', 'down', 'degraded'] as const;

/** The arrowheads the spread paths use; rendered once per document. */
export function SpreadMarkers() {
  return (
    <svg className="fx-markers" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {MARKER_EFFECTS.map((e) => (
          <g key={e}>
            <marker id={`fx-arrow-${e}`} className={`fx-marker fx-marker-${e}`} viewBox="0 0 12 12" refX="10" refY="6" markerWidth="5" markerHeight="5" orient="auto" markerUnits="strokeWidth">
              <path d="M1 1L11 6L1 11z" />
            </marker>
            <marker id={`fx-arrow-start-${e}`} className={`fx-marker fx-marker-${e}`} viewBox="0 0 12 12" refX="2" refY="6" markerWidth="5" markerHeight="5" orient="auto-start-reverse" markerUnits="strokeWidth">
              <path d="M1 1L11 6L1 11z" />
            </marker>
          </g>
        ))}
      </defs>
    </svg>
  );
}
