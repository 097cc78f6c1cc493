import type { NodeKind } from '../../../shared/domain/index.ts';
import { NODE_KINDS } from '../../../shared/domain/index.ts';
import { KindIcon } from '../canvas/nodes/icons.tsx';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';
import { useUiStore } from '../store/context.tsx';
import { usePickList } from './usePickList.ts';

/** A row of quick-add: a kind, and the label the new node gets when one was typed after the kind. */
export interface QuickAddPick {
  kind: NodeKind;
  label?: string;
}

/** Kinds whose name, id or hint match what was typed; names starting with it come first. */
function filterKinds(query: string): NodeKind[] {
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

/**
 * What quick-add offers for a query. "secret deploy token" (a kind's name, then more words) offers a secret
 * labelled "deploy token" first; otherwise the kinds that match, as filterKinds ranks them.
 */
export function quickAddPicks(query: string): QuickAddPick[] {
  const q = query.trim().replace(/\s+/g, ' ');
  const lower = q.toLowerCase();
  const named = NODE_KINDS.flatMap((kind) => {
    const names = [kind, NODE_REGISTRY[kind].label.toLowerCase()].sort((a, b) => b.length - a.length);
    const name = names.find((n) => lower.startsWith(`${n} `) || lower.startsWith(`${n}:`));
    if (!name) return [];
    const label = q.slice(name.length).replace(/^[\s:]+/, '').trim();
    return label ? [{ kind, label }] : [];
  });
  const kinds = filterKinds(q).filter((k) => !named.some((p) => p.kind === k));
  return [...named, ...kinds.map((kind) => ({ kind }))];
}

/** Keyboard quick-add (N or /): type a kind (and a label after it), arrows to choose, Enter to place it. */
export function QuickAdd({ onPlace }: { onPlace: (pick: QuickAddPick) => void }) {
  const open = useUiStore((s) => s.overlay === 'quick-add');
  if (!open) return null;
  return <QuickAddBox onPlace={onPlace} />;
}

function QuickAddBox({ onPlace }: { onPlace: (pick: QuickAddPick) => void }) {
  const { query, items: picks, inputProps, optionProps } = usePickList(quickAddPicks, onPlace);

  return (
    <div className="fl-popover fl-quick-add" data-testid="quick-add" data-own-keys role="dialog" aria-label="Add a node">
      <input
        autoFocus
        data-testid="quick-add-input"
        placeholder="Add a node: a kind, then its name (secret deploy token)…"
        aria-label="Kind to add, and optionally its name"
        {...inputProps}
      />
      <ul role="listbox" aria-label="Kinds">
        {picks.map((p, i) => (
          <li key={`${p.kind}:${p.label ?? ''}`} data-testid={`quick-add-${p.kind}`} data-label={p.label} {...optionProps(p, i)}>
            <span style={{ color: NODE_REGISTRY[p.kind].color }}>
              <KindIcon kind={p.kind} size={16} />
            </span>
            <span className="fl-qa-name">{NODE_REGISTRY[p.kind].label}</span>
            <span className="fl-qa-hint">{p.label ? `named “${p.label}”` : NODE_REGISTRY[p.kind].hint}</span>
          </li>
        ))}
        {picks.length === 0 && <li className="fl-muted">No kind matches “{query}”</li>}
      </ul>
    </div>
  );
}
