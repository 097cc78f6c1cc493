/**
 * Page geometry shared by the report model (which fits diagrams into it) and the PDF (which draws them there).
 * Points (1/72 in), origin at the page's top-left.
 */
import type { Rect, Size } from '../visual/index.ts';

export const PAPERS = ['A4', 'Letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** Portrait sizes in points. */
export const PAPER_SIZES: Record<Paper, Size> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

/** Text pages (portrait): room for the running header above and the page number below. */
export const TEXT_MARGINS = { top: 58, bottom: 54, left: 50, right: 50 } as const;
/** Diagram pages (landscape). */
export const DIAGRAM_MARGINS = { top: 48, bottom: 44, left: 36, right: 36 } as const;
/** Above the box: the view's title and caption. Below it: the legend. */
const DIAGRAM_TITLE_HEIGHT = 42;
const DIAGRAM_LEGEND_HEIGHT = 30;

export function landscape(paper: Paper): Size {
  const { width, height } = PAPER_SIZES[paper];
  return { width: height, height: width };
}

/** The box a diagram must stay inside on its landscape page. */
export function diagramBox(paper: Paper): Rect {
  const page = landscape(paper);
  const x = DIAGRAM_MARGINS.left;
  const y = DIAGRAM_MARGINS.top + DIAGRAM_TITLE_HEIGHT;
  return {
    x,
    y,
    width: page.width - DIAGRAM_MARGINS.left - DIAGRAM_MARGINS.right,
    height: page.height - y - DIAGRAM_MARGINS.bottom - DIAGRAM_LEGEND_HEIGHT,
  };
}

export function rectInside(inner: Rect, outer: Rect, epsilon = 1e-6): boolean {
  return (
    inner.x >= outer.x - epsilon &&
    inner.y >= outer.y - epsilon &&
    inner.x + inner.width <= outer.x + outer.width + epsilon &&
    inner.y + inner.height <= outer.y + outer.height + epsilon
  );
}
