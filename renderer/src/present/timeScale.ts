/**
 * The playback timeline's time axis: 0 to the end on a logarithmic scale, so that both the first hour
 * (where most hops happen: most edges take no time, the slow ones half an hour or a day) and the 27th day
 * (the default containment, §6 `responseHours`) can be read on one line.
 *
 * x(t) = ln(1 + t/τ) / ln(1 + end/τ), with τ = half an hour: on a 27-day axis the first hour takes about
 * a sixth of the width and the first day half of it. Pure.
 */
import { formatTime } from '../scenarios/format.ts';

const TAU = 0.5;
/** Ticks closer than this read as a fence, whatever their labels' widths. */
const MIN_TICK_SPACING = 44;

/** Hours worth a tick, the ones a room counts in, most telling first: 1 h, a day, a week, 27 days. */
const TICK_HOURS = [0, 1, 24, 168, 648, 8760, 0.5, 6, 72, 336, 2160, 12, 2, 4, 48, 504, 720, 1440, 4380, 17520, 0.25, 3, 8, 96];

interface Tick {
  hours: number;
  /** 0-1 along the axis. */
  x: number;
  label: string;
}

interface TimeScale {
  end: number;
  /** Position 0-1 of hour `t` (clamped to the axis). */
  x(t: number): number;
  /** The hour at position 0-1. */
  t(x: number): number;
  /**
   * Ticks whose labels stay `minGapPx` apart on an axis `widthPx` wide, a label taking about `charPx` per
   * character; the end is always labelled. The 0 h label starts at its tick, the end's ends at its tick
   * (`tickAlign`), the others are centred, as the timeline draws them.
   */
  ticks(widthPx: number, minGapPx?: number, charPx?: number): Tick[];
}

export function timeScale(end: number): TimeScale {
  // Nothing after 0 h: an hour-long axis, so the break still sits at the left.
  const span = end > 0 ? end : 1;
  const k = Math.log1p(span / TAU);
  const x = (t: number) => Math.min(1, Math.max(0, Math.log1p(Math.max(0, t) / TAU) / k));
  const t = (p: number) => TAU * Math.expm1(Math.min(1, Math.max(0, p)) * k);
  return {
    end: span,
    x,
    t,
    ticks(widthPx, minGapPx = 6, charPx = 6.5) {
      // Where a label lies in pixels: the end's label ("27 d 7 h", the longest) runs left from the end, so a
      // centred tick just before it must clear its whole width, not half of it.
      const extent = (tick: Tick): [number, number] => {
        const w = tick.label.length * charPx;
        const px = tick.x * widthPx;
        const align = tickAlign(tick);
        return align === 'start' ? [px, px + w] : align === 'end' ? [px - w, px] : [px - w / 2, px + w / 2];
      };
      const out: Tick[] = [{ hours: span, x: 1, label: formatTime(span) }];
      const taken = [extent(out[0])];
      for (const hours of TICK_HOURS) {
        if (hours >= span) continue;
        const tick = { hours, x: x(hours), label: formatTime(hours) };
        const [a, b] = extent(tick);
        if (out.some((o) => Math.abs(o.x - tick.x) * widthPx < MIN_TICK_SPACING)) continue;
        if (taken.some(([c, d]) => a < d + minGapPx && c < b + minGapPx)) continue;
        out.push(tick);
        taken.push([a, b]);
      }
      return out.sort((a, b) => a.x - b.x);
    },
  };
}

/** How a tick's label sits on it: 0 h starts at the axis's left end, the end's label ends at its right end. */
export function tickAlign(tick: Tick): 'start' | 'centre' | 'end' {
  return tick.x <= 0 ? 'start' : tick.x >= 1 ? 'end' : 'centre';
}

/**
 * The hour a dragged scrubber lands on: a hop's hour when one lies within `snapPx`, otherwise the hour
 * under the pointer rounded to what the axis can show there (a few minutes early on, hours later).
 */
export function snapTime(scale: TimeScale, p: number, widthPx: number, hops: readonly number[], snapPx = 6): number {
  let best: number | null = null;
  let bestPx = snapPx;
  for (const h of hops) {
    const d = Math.abs(scale.x(h) - p) * widthPx;
    if (d <= bestPx) {
      best = h;
      bestPx = d;
    }
  }
  if (best !== null) return best;
  const raw = scale.t(p);
  const step = raw < 2 ? 0.05 : raw < 24 ? 0.25 : raw < 168 ? 1 : 6;
  return Math.min(scale.end, Number((Math.round(raw / step) * step).toFixed(2)));
}
