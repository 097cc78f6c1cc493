/** The report: one model (`buildReport`) and the formats drawn from it. Pure; the PDF lives in renderer/src/report. */
export { buildReport, ReportInputError } from './build.ts';
export { renderMarkdown } from './markdown.ts';
export { renderHtml } from './html.ts';
export { impactsCsv, findingsCsv, toCsv } from './csv.ts';
export { diagramSvg, diagramPrimitives, timelinePrimitives, primitivesToSvg } from './draw.ts';
export type { Primitive } from './draw.ts';
export { canvasView, diagramViews, overlayOf, worldOf } from './diagram.ts';
export { PAPERS, PAPER_SIZES, diagramBox, landscape, rectInside } from './page.ts';
export type { Paper } from './page.ts';
export { SECTION_KEYS, SECTION_TITLES } from './types.ts';
export type * from './types.ts';
