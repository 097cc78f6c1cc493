import { NODE_KINDS } from '../../../shared/domain/kinds.ts';
import type { NodeKind } from '../../../shared/domain/kinds.ts';
import { KindIcon } from '../canvas/nodes/icons.tsx';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';
import { useUiStore } from '../store/context.tsx';
import { usePickList } from './usePickList.ts';

/** Kinds whose name, id or hint match what was typed; names starting with it come first. */
export function filterKinds(query: string): NodeKind[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...NODE_KINDS];
  const score = (k: NodeKind) => {
    const c = NODE_REGISTRY[k];
    if (k.startsWith(q) || c.label.toLowerCase().startsWith(q)) return 0;
    if (k.includes(q) || c.label.toLowerCase().includes(q)) return 1;
    if (c.hint.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return NODE_KINDS.filter((k) => score(k) < 3).sort((a, b) => score(a) - score(b));
}

/** Keyboard quick-add (N or /): type to filter the kinds, arrows to choose, Enter to place and name it. */
export function QuickAdd({ onPlace }: { onPlace: (kind: NodeKind) => void }) {
  const open = useUiStore((s) => s.overlay === 'quick-add');
  if (!open) return null;
  return <QuickAddBox onPlace={onPlace} />;
}

function QuickAddBox({ onPlace }: { onPlace: (kind: NodeKind) => void }) {
  const { query, items: kinds, inputProps, optionProps } = usePickList(filterKinds, onPlace);

  return (
    <div
      className="fl-popover fl-quick-add"
      data-testid="quick-add"
      data-own-keys
      role="dialog"
      aria-label="Add a node"
    >
      <input
        autoFocus
        data-testid="quick-add-input"
        placeholder="Add a node: type a kind…"
        aria-label="Kind to add"
        {...inputProps}
      />
      <ul role="listbox" aria-label="Kinds">
        {kinds.map((k, i) => (
          <li key={k} data-testid={`quick-add-${k}`} {...optionProps(k, i)}>
            <span style={{ color: NODE_REGISTRY[k].color }}>
              <KindIcon kind={k} size={16} />
            </span>
            <span className="fl-qa-name">{NODE_REGISTRY[k].label}</span>
            <span className="fl-qa-hint">{NODE_REGISTRY[k].hint}</span>
          </li>
        ))}
        {kinds.length === 0 && <li className="fl-muted">No kind matches “{query}”</li>}
      </ul>
    </div>
  );
}
