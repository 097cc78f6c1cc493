

export { ReportInputError, buildReport } from './build.ts';
export { csvCell, findingsCsv, impactsCsv } from './csv.ts';
export { canvasView, diagramViews, inflationOf, overlayOf, regionsOf, worldOf } from './diagram.ts';
export { diagramPrimitives, diagramShapes, diagramSvg, drawnBounds, timelineHeight, timelinePrimitives } from './draw.ts';
export type { Primitive } from './draw.ts';
export { PATH_JOIN, formatAt, formatDays, formatHours, formatPercent, formatScore, listWords } from './format.ts';
export { renderHtml } from './html.ts';
export { escapedCode, showObeyed } from './inert.ts';
export { diagramLegend } from './legend.ts';
export { md, renderMarkdown } from './markdown.ts';
export { DIAGRAM_MARGINS, PAPERS, PAPER_SIZES, TEXT_MARGINS, diagramBox, landscape, rectInside } from './page.ts';
export type { Paper } from './page.ts';
export { edgeLabelPrimitives, pictureSvg } from './picture.ts';
export { distinctSources, moreFixesText } from './recommendations.ts';
export { routeOf } from './scenario.ts';
export { BREAK_COLOR, BREAK_GLYPH, EFFECT_STYLES, KIND_STYLES, RESPONSE_COLOR, SEVERITY_COLORS, glyphEvenOdd, glyphPath } from './style.ts';
export { ellipsize, textWidth, wrapText } from './text.ts';
export { SECTION_KEYS, SECTION_TITLES } from './types.ts';
export type { AgentRow, AppendixSection, DiagramView, FindingRow, FindingsSection, FrameworkRef, IdentityRow, ImpactRow, ModelSection, Recommendation, RecommendationsSection, ReportDocument, ReportMeta, ReportOptions, ScenarioRankRow, ScenarioReport, SecretRow, SectionKey, SummarySection, ToolRow } from './types.ts';
export { breaksPhrase, labelsOf } from './words.ts';
