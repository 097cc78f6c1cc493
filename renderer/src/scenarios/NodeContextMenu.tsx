/**
 * Right-click (or the context-menu key) on a node: the breaks that apply to its kind (domain.md §6), each
 * with its one-line meaning and tags. Choosing one adds it to the shown scenario, or starts a new scenario
 * with it; a break the scenario already has is ticked, and choosing it again takes it out.
 */
import { useEffect, useRef } from 'react';
import { BREAK_INFO, BREAK_MODES, breakApplies } from '../../../shared/domain/index.ts';
import { useModelStore, useModelStoreApi } from '../store/context.tsx';
import { useActiveScenario, useScenarioActions, useScenarioStore, useScenarioStoreApi } from './context.tsx';
import { Glyph } from './glyphs.tsx';
import { hasBreak } from './scenarioOps.ts';

/** Listens for context menus on canvas nodes; renders the menu when one is open. */
export function NodeContextMenu() {
  const ui = useScenarioStoreApi();
  const models = useModelStoreApi();
  const menu = useScenarioStore((s) => s.menu);

  useEffect(() => {
    const onContextMenu = (e: MouseEvent) => {
      const el = (e.target as Element | null)?.closest?.<HTMLElement>('.react-flow__node-kind');
      const id = el?.dataset.id;
      if (!el || !id) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      // From the keyboard the event has no pointer position: open beside the node.
      const fromKeyboard = e.clientX === 0 && e.clientY === 0;
      const x = fromKeyboard ? r.right : e.clientX;
      const y = fromKeyboard ? r.top : e.clientY;
      const sel = models.getState().selection;
      if (!(sel.nodes.length === 1 && sel.nodes[0] === id)) models.getState().setSelection({ nodes: [id], edges: [], boundaries: [] });
      ui.getState().openMenu({ nodeId: id, x, y });
    };
    document.addEventListener('contextmenu', onContextMenu);
    return () => document.removeEventListener('contextmenu', onContextMenu);
  }, [ui, models]);

  if (!menu) return null;
  return <Menu key={`${menu.nodeId}:${menu.x}:${menu.y}`} nodeId={menu.nodeId} x={menu.x} y={menu.y} />;
}

function Menu({ nodeId, x, y }: { nodeId: string; x: number; y: number }) {
  const ui = useScenarioStoreApi();
  const actions = useScenarioActions();
  const node = useModelStore((s) => s.model.nodes.find((n) => n.id === nodeId));
  const scenario = useActiveScenario();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const close = () => ui.getState().openMenu(null);
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('wheel', close, { passive: true });
    window.addEventListener('resize', close);
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('wheel', close);
      window.removeEventListener('resize', close);
    };
  }, [ui]);

  if (!node) return null;
  const modes = BREAK_MODES.filter((m) => breakApplies(m, node.kind));
  const choose = (mode: (typeof modes)[number], asNew = false) => {
    if (asNew) actions.newWithBreak(node.id, mode);
    else actions.toggleBreak(node.id, mode);
    ui.getState().openMenu(null);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  const left = Math.max(8, Math.min(x, window.innerWidth - 380));
  const top = Math.max(8, Math.min(y, window.innerHeight - (90 + modes.length * 62)));
  return (
    <div
      ref={ref}
      className="fl-menu fx-menu"
      role="menu"
      aria-label={`Break ${node.label || node.id}`}
      data-own-keys
      data-testid="node-context-menu"
      style={{ left, top }}
      onKeyDown={onKeyDown}
    >
      <div className="fl-menu-title">
        Break “{node.label || node.id}”{' '}
        <span className="fx-menu-target">{scenario ? `in ${scenario.name || scenario.id}` : 'as a new scenario'}</span>
      </div>
      {modes.map((mode) => {
        const info = BREAK_INFO[mode];
        const on = hasBreak(scenario, mode, node.id);
        return (
          <div key={mode} className="fx-menu-row">
            <button
              type="button"
              role="menuitemcheckbox"
              aria-checked={on}
              className={`fx-menu-item${on ? ' is-on' : ''}`}
              data-testid={`context-break-${mode}`}
              onClick={() => choose(mode)}
            >
              <span className="fx-menu-head">
                <Glyph name="break" size={13} />
                <strong>{info.title}</strong>
                {on && <span className="fx-menu-check">✓ in scenario</span>}
              </span>
              <span className="fx-menu-meaning">{info.meaning}</span>
              <span className="fx-menu-tags">{info.tags.join(' · ')}</span>
            </button>
            {scenario && (
              <button
                type="button"
                role="menuitem"
                className="fx-menu-new"
                data-testid={`context-break-new-${mode}`}
                title={`${info.title} of “${node.label || node.id}” in a new scenario of its own`}
                onClick={() => choose(mode, true)}
              >
                as a new scenario
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
