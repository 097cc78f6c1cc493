/**
 * The export dialog's formats besides the PDF, as one table: the dialog's buttons, the kind of file saved,
 * the name's suffix and what each renders from. A format added here without all of it does not compile.
 */
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import type { ExportKind } from '../../../shared/ipc/index.ts';
import { openGraphText, otmText } from '../../../shared/export/index.ts';
import type { ReportDocument } from '../../../shared/report/index.ts';
import { findingsCsv, impactsCsv, renderHtml, renderMarkdown } from '../../../shared/report/index.ts';
import { fileStem } from './save.ts';

/** A scenario's blast radius drawn on the diagram, or null for the plain model. */
export type Radius = { result: SimulationResult; title: string; removed?: string[] } | null;

export type Content = string | Uint8Array<ArrayBuffer>;

/**
 * What a format renders from: the report built from the chosen scenarios, the model alone (for another tool,
 * no scenario run), or the canvas's picture (the rasteriser passed in: the browser's canvas draws the PNG).
 */
export type FormatSource =
  | { from: 'report'; render: (made: { doc: ReportDocument; results: readonly SimulationResult[] }) => string }
  | { from: 'model'; render: (model: Model) => string }
  | {
      from: 'diagram';
      render: (svg: string, toPng: (svg: string) => Promise<Uint8Array<ArrayBuffer>>) => Content | Promise<Content>;
    };

export type FormatGroup = 'report' | 'model' | 'diagram';

export type FormatSpec = FormatSource & {
  kind: ExportKind;
  label: string;
  hint: string;
  /** Made from the report's sections, so there is nothing to export when none is chosen. */
  needsSections: boolean;
  /** Added to the file's stem. The picture of the model and each scenario's radius get names of their own. */
  suffix: (radius: Radius) => string;
};

const none = () => '';
const picture = (radius: Radius) => (radius ? `-radius-${fileStem(radius.title)}` : '-diagram');

/** In the dialog's order within each group (`from`). */
export const EXPORT_FORMATS = {
  md: {
    from: 'report',
    kind: 'md',
    needsSections: true,
    label: 'Markdown',
    hint: 'For wikis and pull requests',
    suffix: none,
    render: ({ doc }) => renderMarkdown(doc),
  },
  html: {
    from: 'report',
    kind: 'html',
    needsSections: true,
    label: 'HTML',
    hint: 'One file, diagrams inline, no external resources',
    suffix: none,
    render: ({ doc }) => renderHtml(doc),
  },
  json: {
    from: 'report',
    kind: 'json',
    needsSections: false,
    label: 'JSON results',
    hint: 'The engine’s results for the chosen scenarios',
    suffix: () => '-results',
    render: ({ results }) => JSON.stringify(results, null, 2),
  },
  'csv-impacts': {
    from: 'report',
    kind: 'csv',
    needsSections: true,
    label: 'CSV impacts',
    hint: 'One row per impact, for trackers and spreadsheets',
    suffix: () => '-impacts',
    render: ({ doc }) => impactsCsv(doc, { bom: true }),
  },
  'csv-findings': {
    from: 'report',
    kind: 'csv',
    needsSections: true,
    label: 'CSV findings',
    hint: 'One row per finding, for trackers and spreadsheets',
    suffix: () => '-findings',
    render: ({ doc }) => findingsCsv(doc, { bom: true }),
  },
  otm: {
    from: 'model',
    kind: 'otm',
    needsSections: false,
    label: 'OTM',
    hint: 'Open Threat Model 0.2, for IriusRisk and other OTM tools',
    suffix: none,
    render: otmText,
  },
  opengraph: {
    from: 'model',
    kind: 'opengraph',
    needsSections: false,
    label: 'BloodHound',
    hint: 'BloodHound OpenGraph JSON, for BloodHound CE’s file upload',
    suffix: () => '-opengraph',
    render: openGraphText,
  },
  svg: {
    from: 'diagram',
    kind: 'svg',
    needsSections: false,
    label: 'SVG',
    hint: 'The canvas as a vector picture',
    suffix: picture,
    render: (svg) => svg,
  },
  png: {
    from: 'diagram',
    kind: 'png',
    needsSections: false,
    label: 'PNG',
    hint: 'The canvas as an image',
    suffix: picture,
    render: (svg, toPng) => toPng(svg),
  },
} as const satisfies Record<string, FormatSpec>;

export type OtherFormat = keyof typeof EXPORT_FORMATS;

export const OTHER_FORMATS = Object.keys(EXPORT_FORMATS) as OtherFormat[];

/** The formats drawn from one source, in the table's order: one row of the dialog's buttons. */
export const formatsFrom = (from: FormatGroup): OtherFormat[] =>
  OTHER_FORMATS.filter((f) => EXPORT_FORMATS[f].from === from);
