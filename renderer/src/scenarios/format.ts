/** Numbers as the scenario views show them: hours, shares, scores. */

/** Hours after the break: `0 h`, `0.5 h`, `36 h`, from two days on `2.5 d`. */
export function formatTime(h: number): string {
  if (!Number.isFinite(h)) return '—';
  if (h >= 48) return `${trim(h / 24, 1)} d`;
  return `${trim(h, 2)} h`;
}

/** A share 0-1 as a percentage with one decimal: `29.3 %`. */
export function formatShare(x: number): string {
  return `${trim(x * 100, 1)} %`;
}

export function formatScore(x: number): string {
  return trim(x, 1);
}

function trim(x: number, digits: number): string {
  return String(Number(x.toFixed(digits)));
}
