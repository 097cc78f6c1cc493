/** Workshop notes (domain 1.1 §10) in the report: a section in every format, in reading order, only when there are notes. */
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown } from '../../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../../cli/reportFonts.ts';
import { renderReportPdf } from '../../../shared/report/pdf/index.ts';
import { SAMPLES, reportOf } from './fixtures.ts';
import { pdfPages, squash } from '../../tools/pdfText.ts';

const base = SAMPLES[0].model;
const withNotes = {
  ...base,
  notes: [
    { id: 'note-2', text: 'Ask the platform team <who> rotates the CI token', position: { x: 400, y: 0 } },
    { id: 'note-1', text: 'Agreed: approval on refunds\nbefore Friday', position: { x: 0, y: 10 } },
    { id: 'note-3', text: '   ', position: { x: 0, y: 900 } },
    { id: 'note-4', text: 'Last: the staging key', position: { x: -200, y: 600 } },
  ],
};

describe('workshop notes in the report', () => {
  const { doc } = reportOf(withNotes);

  it('lists the notes with text, top to bottom then left to right, before the appendix', () => {
    expect(doc.notes?.notes.map((n) => n.id)).toEqual(['note-1', 'note-2', 'note-4']);
    expect(doc.sections.slice(-2)).toEqual(['notes', 'appendix']);
  });

  it('leaves the section out of a model without notes', () => {
    expect(reportOf(base).doc.sections).not.toContain('notes');
    expect(reportOf(base).doc.notes).toBeNull();
  });

  it('prints them in Markdown and HTML, escaped', () => {
    const md = renderMarkdown(doc);
    expect(md).toMatch(/## \d+\. Workshop notes/);
    expect(md).toContain('Agreed: approval on refunds');
    const html = renderHtml(doc);
    expect(html).toContain('Workshop notes</h2>');
    expect(html).toContain('Ask the platform team &lt;who&gt; rotates the CI token');
  });

  it('prints them in the PDF', async () => {
    const text = squash((await pdfPages(await renderReportPdf(doc, { fonts: await loadNodeReportFonts() }))).join('\n'));
    expect(text).toContain(squash('Workshop notes'));
    expect(text).toContain(squash('Ask the platform team <who> rotates the CI token'));
    expect(text).toContain(squash('Last: the staging key'));
  }, 60_000);
});
