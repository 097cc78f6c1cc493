/** Numbers and phrases as the report prints them. */
import type { Effect } from '../domain/kinds.ts';

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** Hours as people read them: `0 h`, `30 min`, `1.5 h`, `26 h`, `3 d 4 h`, `27 d`. */
export function formatHours(h: number): string {
  if (!Number.isFinite(h)) return '∞';
  if (h === 0) return '0 h';
  if (h < 1) return `${trim(h * 60, 0)} min`;
  if (h < 48) return `${trim(h, 2)} h`;
  const days = Math.floor(h / 24);
  const rest = Math.round(h - days * 24);
  if (rest === 24) return `${days + 1} d`;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/** `+1.5 h`: a time after the break. */
export const formatAt = (h: number) => (h === 0 ? 'at once' : `+${formatHours(h)}`);

/** `0.2134` → `21.3%`. */
export const formatPercent = (share: number) => `${trim(share * 100, 1)}%`;

/** A score to one decimal, without a trailing zero. */
export const formatScore = (n: number) => trim(n, 1);

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
  }
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const quote = (s: string) => `“${s}”`;

export const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
