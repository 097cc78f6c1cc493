import { useEffect, useRef, useState } from 'react';
import type { EdgeKind } from '../../../shared/domain/index.ts';
import { EDGE_KINDS, edgeKindsFor } from '../../../shared/domain/index.ts';
import { changeEdgeKind } from '../editor/props.ts';
import { useModelStore, useModelStoreApi, useUiStore, useUiStoreApi } from '../store/context.tsx';
import { EDGE_KIND_HINTS } from './edges/edgeHints.ts';

/**
 * The short menu of edge kinds for one edge: the kinds §4 names for its pair, most plausible first, and
 * "show all" for the rest. Opened from the edge label or the inspector.
 */
export function EdgeKindMenu() {
  const menu = useUiStore((s) => s.edgeMenu);
  if (!menu) return null;
  return <Menu key={menu.edgeId} edgeId={menu.edgeId} x={menu.x} y={menu.y} />;
}

function Menu({ edgeId, x, y }: { edgeId: string; x: number; y: number }) {
  const ui = useUiStoreApi();
  const store = useModelStoreApi();
  const edge = useModelStore((s) => s.model.edges.find((e) => e.id === edgeId));
  const kinds = useModelStore((s) => {
    const e = s.model.edges.find((x) => x.id === edgeId);
    const src = s.model.nodes.find((n) => n.id === e?.source)?.kind;
    const tgt = s.model.nodes.find((n) => n.id === e?.target)?.kind;
    return src && tgt ? `${src}>${tgt}` : null;
  });
  const [showAll, setShowAll] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) ui.getState().setEdgeMenu(null);
    };
    window.addEventListener('pointerdown', close, true);
    ref.current?.querySelector<HTMLButtonElement>('button.is-current, button')?.focus();
    return () => window.removeEventListener('pointerdown', close, true);
  }, [ui]);

  if (!edge || !kinds) return null;
  const [source, target] = kinds.split('>') as [Parameters<typeof edgeKindsFor>[0], Parameters<typeof edgeKindsFor>[1]];
  const fitting = edgeKindsFor(source, target);
  const others = EDGE_KINDS.filter((k) => !fitting.includes(k));
  const expanded = showAll || fitting.length === 0;
  const shown: EdgeKind[] = expanded
    ? [...fitting, ...others]
    : fitting.includes(edge.kind)
      ? fitting
      : [...fitting, edge.kind];

  const choose = (kind: EdgeKind) => {
    const { model, apply } = store.getState();
    apply(changeEdgeKind(model, [edgeId], kind), { label: 'Change edge kind' });
    ui.getState().setEdgeMenu(null);
  };

  // Keep the menu on screen.
  const left = Math.min(x, window.innerWidth - 280);
  const top = Math.min(y + 8, window.innerHeight - (expanded ? 420 : 60 + shown.length * 40));
  return (
    <div
      ref={ref}
      className="fl-menu"
      role="menu"
      aria-label={`Kind of edge ${edgeId}`}
      data-testid="edge-kind-menu"
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          ui.getState().setEdgeMenu(null);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <div className="fl-menu-title">
        {source} → {target}
      </div>
      {shown.map((k) => {
        const fits = fitting.includes(k);
        return (
          <button
            key={k}
            type="button"
            role="menuitemradio"
            aria-checked={k === edge.kind}
            className={`fl-menu-item${k === edge.kind ? ' is-current' : ''}${fits ? '' : ' is-misfit'}`}
            data-testid={`edge-kind-${k}`}
            onClick={() => choose(k)}
          >
            <span className="fl-menu-kind">{k}</span>
            <span className="fl-menu-hint">{fits ? EDGE_KIND_HINTS[k] : 'not usual for this pair (marked)'}</span>
          </button>
        );
      })}
      {!expanded && (
        <button
          type="button"
          className="fl-menu-more"
          data-testid="edge-kind-show-all"
          onClick={() => setShowAll(true)}
        >
          Show all kinds…
        </button>
      )}
    </div>
  );
}
