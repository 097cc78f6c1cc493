/**
 * Which rows of a long table are drawn: those in sight in its scrolling panel and a margin either side.
 * The rest are blank of their height, so the scrollbar and the scroll position stay as if every row were there.
 */

/** Rows [start, end) are drawn; `before` and `after` px of blank height stand for the others. */
export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

/** Every row drawn: a table this short costs little, and stays whole for find-in-page and assistive tools. */
export function wholeWindow(count: number): RowWindow {
  return { start: 0, end: count, before: 0, after: 0 };
}

/**
 * The window for a view of the table body from `top` px (above its first row: negative) over `height` px,
 * each row `heights[i]` px high (measured, or guessed until drawn once), with `margin` px of rows drawn beyond
 * each edge so that a scroll shows drawn rows before the window catches up.
 */
export function rowWindow(heights: readonly number[], top: number, height: number, margin: number): RowWindow {
  let y = 0;
  let start = 0;
  while (start < heights.length && y + heights[start] <= top - margin) y += heights[start++];
  const before = y;
  let end = start;
  while (end < heights.length && y < top + height + margin) y += heights[end++];
  let after = 0;
  for (let i = end; i < heights.length; i++) after += heights[i];
  return { start, end, before, after };
}

/** Where row `index` starts, in px from the first row's top. */
export function rowTop(heights: readonly number[], index: number): number {
  let y = 0;
  for (let i = 0; i < index && i < heights.length; i++) y += heights[i];
  return y;
}
