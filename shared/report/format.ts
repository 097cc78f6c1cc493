/** Numbers and phrases as the report prints them; the numbers themselves come from shared/format.ts. */
import type { Effect } from '../domain/index.ts';
import { formatHours } from '../format.ts';

export { formatHours, formatPercent, formatScore, plural } from '../format.ts';

/** How a path's steps are joined where they run on one line (Markdown, CSV, the CLI). */
export const PATH_JOIN = ' → ';

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** `+1.5 h`: a time after the break. */
export const formatAt = (h: number) => (h === 0 ? 'at once' : `+${formatHours(h)}`);

/** `ttlHours`/`rotationDays` style nullable values. */
export const orNever = (v: number | null, unit: (n: number) => string) => (v === null ? 'never' : unit(v));

export const formatDays = (d: number) => `${trim(d, 1)} d`;

/** "an attacker controls Payments DB", "Checkout API goes down". */
export function effectClause(effect: Effect, label: string): string {
  switch (effect) {
    case 'control':
      return `an attacker controls ${label}`;
    case 'write':
      return `an attacker can write to ${label}`;
    case 'read':
      return `an attacker can read ${label}`;
    case 'down':
      return `${label} goes down`;
    case 'degraded':
      return `${label} is degraded`;
    default:
      return effect satisfies never;
  }
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const quote = (s: string) => `“${s}”`;

export const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
