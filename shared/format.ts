/**
 * Numbers as every front end prints them: the app, the CLI and the report take durations, shares, scores
 * and counted nouns from here, so one model reads the same everywhere.
 */

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** Hours as people read them: `0 h`, `30 min`, `1.5 h`, `26 h`, `2 d 12 h`, `27 d`; `∞` for no end. */
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

/** A share 0-1 as a percentage: `0.2134` → `21.3%`, `0.2` → `20%`. */
export const formatPercent = (share: number) => `${trim(share * 100, 1)}%`;

/** A score to one decimal, without a trailing zero. */
export const formatScore = (n: number) => trim(n, 1);

/**
 * A count with a thousands separator: `2,000`, `1,000,000`, `0.25`. Written by hand: the first
 * `toLocaleString` of a page loads locale data for tens of milliseconds, and the CLI must not depend on a locale.
 */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `1 AI agent`, `2 AI agents`, `1 identity`, `3 identities`, `2,000 nodes`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
