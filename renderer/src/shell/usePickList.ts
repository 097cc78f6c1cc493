/**
 * The type-to-filter list of a popover (quick-add, find a node): the query, the highlighted row, and the
 * handlers of its input and rows. Arrows move, Enter or a click picks, Escape or leaving the input closes.
 */
import { useMemo, useState } from 'react';
import type { ChangeEvent, KeyboardEvent, MouseEvent } from 'react';
import { useUiStoreApi } from '../store/context.tsx';

export function usePickList<T>(filter: (query: string) => T[], onPick: (item: T) => void) {
  const ui = useUiStoreApi();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => filter(query), [filter, query]);
  const close = () => ui.getState().setOverlay(null);
  const pick = (item: T | undefined) => {
    if (item === undefined) return;
    close();
    onPick(item);
  };
  const inputProps = {
    value: query,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setQuery(e.target.value);
      setActive(0);
    },
    onBlur: close,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Escape') close();
      else if (e.key === 'Enter') pick(items[active]);
      else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, items.length - 1));
      else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
      else return;
      e.preventDefault();
    },
  };
  /** A row: highlighted under the pointer, picked on press (before the input's blur closes the list). */
  const optionProps = (item: T, i: number) => ({
    role: 'option',
    'aria-selected': i === active,
    className: i === active ? 'is-active' : undefined,
    onMouseDown: (e: MouseEvent) => {
      e.preventDefault();
      pick(item);
    },
    onMouseEnter: () => setActive(i),
  });
  return { query, items, inputProps, optionProps };
}
