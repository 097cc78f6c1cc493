/**
 * The report as a PDF, drawn with pdfkit straight from the report model: every page, nothing computed here.
 * Pages are laid out with the fonts' real metrics, so there is no estimate to correct afterwards; the running
 * header and "Page n of N" go on every page once all pages exist.
 */
import PDFDocument from 'pdfkit';
import type { DiagramView, ReportDocument, SectionKey } from '../index.ts';
import { SECTION_TITLES } from '../index.ts';
import type { Fallback, LoadedFallback, ReportFonts } from './fonts.ts';
import { drawAppendix } from './appendix.ts';
import { drawCover } from './cover.ts';
import { drawDiagramInline, drawDiagramPage } from './diagramPage.ts';
import { drawFindings } from './findings.ts';
import { codePointsIn, FallbackNeeded, FontSet } from './fontSet.ts';
import type { PdfDoc } from './pdfDoc.ts';
import { oneLine } from './printable.ts';
import { drawInventory } from './inventory.ts';
import { drawRecommendations } from './recommendations.ts';
import { drawImpacts, drawScenarioIntro, scenarioTitle } from './scenario.ts';
import { drawSummary } from './summary.ts';
import { T } from './theme.ts';
import { Writer } from './writer.ts';

/** "3.2" for the second scenario page, or "#2" (its rank) when the report has no scenario pages. */
function scenarioNumbers(doc: ReportDocument): Map<string, string> {
  const at = doc.sections.indexOf('scenarios') + 1;
  if (at > 0) return new Map(doc.scenarios.map((s, i) => [s.id, `${at}.${i + 1}`]));
  return new Map((doc.summary?.scenarios ?? []).map((s) => [s.id, `#${s.rank}`]));
}

/** Up to this many nodes a report is compact: sections run on, diagrams sit in the text where they fit. */
const COMPACT_NODES = 20;

/** A diagram in the text of a compact report when it fits legibly, else on a landscape page of its own. */
function drawDiagram(w: Writer, view: DiagramView, section: string, bookmark?: string): void {
  if (!(w.compact && drawDiagramInline(w, view))) drawDiagramPage(w, view, section, bookmark);
}

function drawSection(w: Writer, doc: ReportDocument, key: SectionKey, number: number): void {
  const title = SECTION_TITLES[key];
  const section = `${number} ${title}`;
  const start = () => {
    w.sectionPage(section, section);
    w.sectionTitle(number, title);
  };
  switch (key) {
    case 'summary':
      if (!doc.summary) return;
      start();
      drawSummary(w, doc.summary);
      return;
    case 'model':
      if (!doc.model) return;
      start();
      drawInventory(w, doc.model);
      for (const view of doc.model.diagrams) drawDiagram(w, view, section, view.title);
      return;
    case 'scenarios':
      if (doc.scenarios.length === 0) {
        start();
        w.paragraph('No scenarios in this report.', T.muted);
        return;
      }
      doc.scenarios.forEach((sc, i) => {
        const n = `${number}.${i + 1}`;
        const scSection = `${n} ${sc.name}`;
        w.sectionPage(scSection, scSection, i === 0 ? 200 : 320);
        if (i === 0) w.sectionTitle(number, title);
        scenarioTitle(w, n, sc);
        drawScenarioIntro(w, sc);
        for (const view of sc.diagrams) drawDiagram(w, view, scSection);
        // A compact report runs on into the impacts, under the scenario's title already on the page.
        if (!w.compact) w.textPage(scSection);
        drawImpacts(w, sc, n, !w.compact);
      });
      return;
    case 'findings':
      if (!doc.findings) return;
      start();
      drawFindings(w, doc.findings);
      return;
    case 'recommendations':
      if (!doc.recommendations) return;
      start();
      drawRecommendations(w, doc.recommendations, scenarioNumbers(doc));
      return;
    case 'notes':
      if (!doc.notes) return;
      start();
      w.bullets(doc.notes.notes.map((n) => n.text));
      return;
    case 'appendix':
      if (!doc.appendix) return;
      start();
      drawAppendix(w, doc.appendix);
      return;
    default:
      return key satisfies never;
  }
}

export async function renderWithPdfkit(doc: ReportDocument, fonts: ReportFonts): Promise<Uint8Array<ArrayBuffer>> {
  // The fallback fonts the report's text needs are loaded before drawing. A character the scan missed (one the
  // PDF writer adds itself) that needs one more stops the drawing early, and the report is drawn again with it.
  const text = codePointsIn(doc);
  const loaded = new Map<Fallback, LoadedFallback>();
  for (;;) {
    const pdf = newDocument(doc.meta);
    const fontSet = new FontSet(pdf, fonts);
    await fontSet.loadFor(text, fonts.fallbacks, loaded);
    try {
      return await draw(pdf, fontSet, doc);
    } catch (e) {
      if (!(e instanceof FallbackNeeded) || text.has(e.codePoint)) throw e;
      text.add(e.codePoint);
    }
  }
}

function newDocument(meta: ReportDocument['meta']): PdfDoc {
  // A viewer shows these in its title bar and document properties: one line, no controls (printable.ts).
  const author = oneLine([meta.author, meta.organisation].filter(Boolean).join(', '));
  return new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    // No default font: pdfkit would open Helvetica, which its browser build does not ship. Every run names its font.
    font: null as unknown as string,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: oneLine(meta.title),
      // pdfkit writes every key it is given: an absent author must be absent, not undefined.
      ...(author ? { Author: author } : {}),
      Subject: oneLine(`Threat model report: ${meta.modelName}`),
      Keywords: 'threat model, non-human identity, blast radius, OWASP NHI Top 10',
      Creator: meta.generator,
      Producer: meta.generator,
    },
  });
}

async function draw(pdf: PdfDoc, fonts: FontSet, doc: ReportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const { meta } = doc;
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  const w = new Writer(pdf, fonts, meta, meta.nodeCount <= COMPACT_NODES);
  drawCover(w, doc);
  doc.sections.forEach((key, i) => drawSection(w, doc, key, i + 1));
  w.finish();
  pdf.end();
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
