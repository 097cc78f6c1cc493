import type { RefObject } from 'react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RowWindow } from './rowWindow.ts';
import { rowTop, rowWindow, wholeWindow } from './rowWindow.ts';

/** From this many rows on, only the rows in sight are drawn. */
export const WINDOW_FROM = 80;
/** Rows drawn beyond each edge of the view, in px: a turn of the wheel shows rows, not blank. */
const MARGIN_PX = 320;
/** The view is followed in steps of this many px (well under the margin): not a render per pixel scrolled. */
const STEP_PX = 80;
/** A row's height until one is measured, and the view until the panel is: a tall dock's worth. */
const GUESS_ROW_PX = 26;
const FIRST_VIEW = { top: 0, height: 480 };

/** Whether the element is laid out: a panel hidden while presenting (or collapsed) is not, and its sizes read 0. */
const shown = (el: Element): boolean => el.getClientRects().length > 0;

function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return document.documentElement;
}

/**
 * The rows of a long table body (or list) to draw, following its scrolling panel. Every row in the document costs
 * every frame of the page, not only the table's: a hop of a played break lays the page's layers out again
 * over all of them (200 rows were 17 ms of each hop's frame on the 2,000-node bench model).
 *
 * `keys` name the rows, in order; each drawn row carries its key in `data-key`, and its height is kept by
 * key (a row whose chips wrap is taller), so that the blank matches the rows it stands for, whatever the
 * order. `reveal(i)` draws row i, for the keyboard to move to a row out of sight.
 */
export function useRowWindow(body: RefObject<HTMLElement | null>, keys: readonly string[]): { window: RowWindow; reveal: (index: number) => void } {
  const windowed = keys.length >= WINDOW_FROM;
  const [view, setView] = useState(FIRST_VIEW);
  const measured = useRef(new Map<string, number>());
  // Bumped when a drawn row's height is new: the blank is then sized again.
  const [heightsSeen, setHeightsSeen] = useState(0);
  const heights = useMemo(() => {
    if (!windowed) return [];
    const known = measured.current;
    let sum = 0;
    for (const h of known.values()) sum += h;
    const guess = known.size ? sum / known.size : GUESS_ROW_PX;
    return keys.map((k) => known.get(k) ?? guess);
    // heightsSeen: the measured map has grown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys, windowed, heightsSeen]);
  const win = windowed ? rowWindow(heights, view.top, view.height, MARGIN_PX) : wholeWindow(keys.length);

  useLayoutEffect(() => {
    const el = body.current;
    if (!el || !windowed) return;
    const scroller = scrollParent(el);
    const follow = () => {
      // A hidden panel keeps the window it had: read as a view 0 px tall over rows 0 px high, it drew them all.
      if (!shown(el)) return;
      const top = Math.floor((scroller.getBoundingClientRect().top - el.getBoundingClientRect().top) / STEP_PX) * STEP_PX;
      const height = Math.ceil(scroller.clientHeight / STEP_PX) * STEP_PX + STEP_PX;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    follow();
    scroller.addEventListener('scroll', follow, { passive: true });
    const resized = new ResizeObserver(follow);
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', follow);
      resized.disconnect();
    };
  }, [body, windowed]);

  // The drawn rows measured when others are drawn, not when a row is selected (a hop of a played break
  // selects one, and reading sizes then would lay the page out mid-hop). A row's height depends on its own
  // content (and the panel's width: a finding's message wraps), so this settles once every drawn row is known.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || !windowed || !shown(el)) return;
    let changed = false;
    for (const row of el.querySelectorAll<HTMLElement>(':scope > [data-key]')) {
      const h = row.getBoundingClientRect().height;
      const key = row.dataset.key!;
      if (Math.abs((measured.current.get(key) ?? -1) - h) > 0.5) {
        measured.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setHeightsSeen((n) => n + 1);
  }, [body, windowed, keys, win.start, win.end, view, heightsSeen]);

  const reveal = useCallback(
    (index: number) => {
      if (!windowed || (index >= win.start && index < win.end)) return;
      // The view centred on it; focusing the row then scrolls the panel there, and the view follows.
      setView((v) => ({ top: rowTop(heights, index) - v.height / 2, height: v.height }));
    },
    [windowed, win.start, win.end, heights],
  );

  return { window: win, reveal };
}
