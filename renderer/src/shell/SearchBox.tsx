import { useCallback } from 'react';
import type { ModelNode } from '../../../shared/domain/index.ts';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';
import { useModelStore, useUiStore } from '../store/context.tsx';
import { usePickList } from './usePickList.ts';

const MAX_RESULTS = 12;

/** Nodes whose label or id contains the query (case-insensitive); labels starting with it first. */
function searchNodes(nodes: readonly ModelNode[], query: string): ModelNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (n: ModelNode) => {
    const label = (n.label || n.id).toLowerCase();
    if (label.startsWith(q)) return 0;
    if (label.includes(q)) return 1;
    if (n.id.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return nodes
    .filter((n) => rank(n) < 3)
    .sort((a, b) => rank(a) - rank(b) || (a.label || a.id).localeCompare(b.label || b.id))
    .slice(0, MAX_RESULTS);
}

/** Find a node by label (Ctrl+F): Enter or a click jumps to it and selects it. */
export function SearchBox({ onJump }: { onJump: (id: string) => void }) {
  const open = useUiStore((s) => s.overlay === 'search');
  if (!open) return null;
  return <Search onJump={onJump} />;
}

function Search({ onJump }: { onJump: (id: string) => void }) {
  const nodes = useModelStore((s) => s.model.nodes);
  const search = useCallback((query: string) => searchNodes(nodes, query), [nodes]);
  const { query, items: results, inputProps, optionProps } = usePickList(search, (n: ModelNode) => onJump(n.id));

  return (
    <div className="fl-popover fl-search" data-testid="search" data-own-keys role="search">
      <input
        autoFocus
        type="search"
        data-testid="search-input"
        placeholder="Find a node by label…"
        aria-label="Find a node"
        {...inputProps}
      />
      {query.trim() !== '' && (
        <ul role="listbox" aria-label="Matching nodes">
          {results.map((n, i) => (
            <li key={n.id} data-testid={`search-result-${n.id}`} {...optionProps(n, i)}>
              <span className="fl-qa-name">{n.label || n.id}</span>
              <span className="fl-qa-hint">
                {NODE_REGISTRY[n.kind].label} · {n.id}
              </span>
            </li>
          ))}
          {results.length === 0 && <li className="fl-muted">No node matches “{query}”</li>}
        </ul>
      )}
    </div>
  );
}
