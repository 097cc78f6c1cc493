/**
 * The edge of a panel, dragged (or moved with the arrow keys when focused) to resize it. Double-click
 * gives the panel its first size back.
 */
import { useCallback, useRef } from 'react';
import type { Panel } from './layout.ts';
import { PANEL_SIZES } from './layout.ts';

const LABEL: Record<Panel, string> = { palette: 'Resize the palette', inspector: 'Resize the inspector', dock: 'Resize the scenario dock' };
const KEY_STEP = 16;

/** `grows`: which way the pointer moves to make the panel bigger. */
export function PanelResizer({
  panel,
  size,
  grows,
  onResize,
}: {
  panel: Panel;
  size: number;
  grows: 'right' | 'left' | 'up';
  onResize: (size: number) => void;
}) {
  const drag = useRef<{ at: number; size: number } | null>(null);
  const horizontal = grows !== 'up';
  const sign = grows === 'left' || grows === 'up' ? -1 : 1;
  const coord = (e: React.PointerEvent) => (horizontal ? e.clientX : e.clientY);

  const onPointerDown = useCallback(
    (e: React.PointerEvent) => {
      if (e.button !== 0) return;
      drag.current = { at: horizontal ? e.clientX : e.clientY, size };
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
      e.preventDefault();
    },
    [size, horizontal],
  );
  const onPointerMove = (e: React.PointerEvent) => {
    if (drag.current) onResize(drag.current.size + sign * (coord(e) - drag.current.at));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const grow = horizontal ? (sign > 0 ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp';
    const shrink = horizontal ? (sign > 0 ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown';
    if (e.key === grow) onResize(size + KEY_STEP);
    else if (e.key === shrink) onResize(size - KEY_STEP);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const limits = PANEL_SIZES[panel];
  return (
    <div
      className={`fl-resizer is-${horizontal ? 'vertical' : 'horizontal'} grows-${grows}`}
      role="separator"
      aria-orientation={horizontal ? 'vertical' : 'horizontal'}
      aria-label={LABEL[panel]}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      aria-valuenow={size}
      tabIndex={0}
      data-testid={`resize-${panel}`}
      data-own-keys
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(limits.initial)}
    />
  );
}
