/**
 * The PDF, read back as a person's viewer reads it (PDF.js): every section, every
 * impacted node, every finding's OWASP id, page numbers and the running header on every page, non-Latin labels
 * intact, and a 300-node diagram with every node inside the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import type { ReportDocument } from '../../../shared/report/index.ts';
import { buildReport, SECTION_TITLES, TEXT_MARGINS } from '../../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../../cli/reportFonts.ts';
import { renderReportPdf, ReportPaperMismatch } from '../../../shared/report/pdf/index.ts';
import { ACCENTED_LABEL, JAPANESE_LABEL, LONG_LABEL, bigModel } from '../../report/bigModel.ts';
import { buildModel } from '../engine/build.ts';
import { SHIPPED, reportOf } from './fixtures.ts';
import { pdfPageSizes, pdfPages, pdfTextBoxes, squash } from '../../tools/pdfText.ts';

const fonts = await loadNodeReportFonts();

describe.each(SHIPPED)('PDF of $name', ({ model }) => {
  let doc: ReportDocument;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    doc = reportOf(model).doc;
    pages = await pdfPages(await renderReportPdf(doc, { fonts }));
    text = squash(pages.join('\n'));
  }, 60_000);

  it('has every section title', () => {
    for (const key of doc.sections) expect(text).toContain(squash(SECTION_TITLES[key]));
  });

  it('names every impacted node', () => {
    for (const s of doc.scenarios) for (const i of s.impacts) expect(text, `${s.id}: ${i.label}`).toContain(squash(i.label));
  });

  it("cites every finding's OWASP NHI id", () => {
    const ids = new Set(doc.findings!.groups.flatMap((g) => g.items.flatMap((f) => f.owasp)));
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect(pages.join(' ')).toMatch(new RegExp(`\\b${id}\\b`));
  });

  it('has a sane number of pages, each with the running header and its page number', () => {
    const min = 1 + doc.sections.length + doc.scenarios.length * 2;
    expect(pages.length).toBeGreaterThanOrEqual(min);
    expect(pages.length).toBeLessThanOrEqual(min + 40);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(squash(page), `page ${i + 1}`).toContain(squash(doc.meta.title).slice(0, 20));
    });
  });
});

describe('PDF text', () => {
  const model = buildModel(
    [
      ['pay', 'service', { criticality: 5 }],
      ['key', 'secret', { owner: 'payments' }],
      ['db', 'datastore', { sensitivity: 'restricted' }],
      ['role', 'identity', { owner: 'payments' }],
    ],
    [
      ['e1', 'holds', 'pay', 'key'],
      ['e2', 'authenticates', 'key', 'role'],
      ['e3', 'grants', 'role', 'db', { access: 'admin' }],
    ],
    [{ id: 'leak', name: 'La clé de paiement fuit', breaks: [{ mode: 'leak', node: 'key' }] }],
  );
  model.nodes[0].label = JAPANESE_LABEL;
  model.nodes[2].label = ACCENTED_LABEL;
  model.nodes[3].label = LONG_LABEL;
  const results = model.scenarios.map((s) => simulate(model, s));

  it('keeps Japanese, accented and very long labels intact', async () => {
    const pages = await pdfPages(await renderReportPdf(buildReport(model, model.scenarios, results), { fonts }));
    const all = pages.join('\n');
    expect(all).toContain(JAPANESE_LABEL);
    expect(all).toContain(ACCENTED_LABEL);
    expect(all).toContain('La clé de paiement fuit');
    expect(squash(all)).toContain(squash(LONG_LABEL));
  });

  it('numbers every page right when a page runs onto a second one', async () => {
    const doc = buildReport(model, model.scenarios, results, { sections: ['scenarios'] });
    const sc = doc.scenarios[0];
    // 90 prevented breaks do not fit on the scenario's first page.
    const prevented = Array.from({ length: 90 }, (_, i) => ({ mode: 'leak' as const, node: 'key', label: `key copy ${i + 1}`, reason: 'it is bound to the runner' }));
    const pages = await pdfPages(await renderReportPdf({ ...doc, scenarios: [{ ...sc, prevented }] }, { fonts }));
    expect(squash(pages.join(' '))).toContain(squash('key copy 90'));
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('repeats the header row on every page a long table runs onto', async () => {
    const doc = buildReport(model, model.scenarios, results, { sections: ['scenarios'] });
    const sc = doc.scenarios[0];
    const impacts = Array.from({ length: 150 }, (_, i) => ({ ...sc.impacts[0], label: `reached node ${i + 1}` }));
    const pages = await pdfPages(await renderReportPdf({ ...doc, scenarios: [{ ...sc, impacts }] }, { fonts }));
    const tablePages = pages.filter((page) => /reached node \d+/.test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages) expect(page).toMatch(/\bEFFECT\b[\s\S]*\bPOINTS\b|\bPOINTS\b[\s\S]*\bEFFECT\b/);
    expect(squash(tablePages.join(' '))).toContain(squash('reached node 150'));
  });

  it('prints on Letter paper when built for it, and refuses a mismatch', async () => {
    const built = buildReport(model, model.scenarios, results, { paper: 'Letter', sections: ['model'] });
    // As for a model too large for a compact report: its diagram gets a landscape page.
    const letter = { ...built, meta: { ...built.meta, nodeCount: 50 } };
    const sizes = await pdfPageSizes(await renderReportPdf(letter, { fonts, paper: 'Letter' }));
    expect(sizes[0]).toEqual({ width: 612, height: 792 });
    expect(sizes.some((s) => s.width === 792 && s.height === 612)).toBe(true);
    await expect(renderReportPdf(letter, { fonts, paper: 'A4' })).rejects.toThrow(ReportPaperMismatch);
  });
});

describe('a long chain of long labels', () => {
  it('keeps every row of its impacts table on the page, clear of the page number', async () => {
    // 30 services, each calling the next with full access; labels of about 200 characters with spaces.
    const n = 30;
    const long = (i: number) => `service ${i} ${'with a long descriptive name segment '.repeat(5)}end`;
    const model = buildModel(
      Array.from({ length: n }, (_, i): [string, 'service', Record<string, unknown>, string] => [`s${i}`, 'service', {}, long(i)]),
      Array.from({ length: n - 1 }, (_, i): [string, 'calls', string, string, Record<string, unknown>] => [`c${i}`, 'calls', `s${i}`, `s${i + 1}`, { access: 'admin' }]),
    );
    const scenario = { id: 'chain', name: 'Chain', breaks: [{ mode: 'compromise' as const, node: 's0' }] };
    const doc = buildReport(model, [scenario], [simulate(model, scenario)], { sections: ['scenarios'] });
    const words = await pdfTextBoxes(await renderReportPdf(doc, { fonts }));
    const outside = words.filter((w) => w.pageHeight > w.pageWidth && w.yMax > w.pageHeight - TEXT_MARGINS.bottom + 2 && w.yMin < w.pageHeight - 34);
    expect(outside.map((w) => `page ${w.page}: ${w.text.slice(0, 40)}`)).toEqual([]);
  }, 60_000);
});

describe('the cover', () => {
  it('keeps the contents clear of the note at its foot, with a long title, an author and organisation, notes, on Letter', async () => {
    const model = SHIPPED.find((s) => s.model.notes.length > 0)?.model ?? SHIPPED[0].model;
    const withNote = model.notes.some((n) => n.text.trim()) ? model : { ...model, notes: [{ id: 'note-1', text: 'From the room.', position: { x: 0, y: 0 } }] };
    const doc = buildReport(withNote, withNote.scenarios, withNote.scenarios.map((s) => simulate(withNote, s)), {
      paper: 'Letter',
      title: 'Acme Corp SaaS integration hub: OAuth apps, webhooks, vendor tokens and the Salesforce sync (Q1 2027 review)',
      author: 'Alexandra Konstantinopoulou-Schmidt, Security Architecture',
      organisation: 'Acme Corporation International Holdings, Platform Security & Identity Engineering',
    });
    expect(doc.sections).toContain('notes');
    const cover = (await pdfTextBoxes(await renderReportPdf(doc, { fonts }))).filter((w) => w.page === 1);
    const note = cover.find((w) => w.text.startsWith('Every number in this report'))!;
    const contents = cover.filter((w) => doc.sections.some((key) => w.text === SECTION_TITLES[key]));
    expect(contents).toHaveLength(doc.sections.length);
    for (const entry of contents) expect(entry.yMax, entry.text).toBeLessThan(note.yMin);
  }, 60_000);
});

describe('PDF of a 300-node model', () => {
  const model = bigModel();
  let doc: ReportDocument;
  let words: Awaited<ReturnType<typeof pdfTextBoxes>>;

  beforeAll(async () => {
    doc = buildReport(model, [], [], { sections: ['model'] });
    words = await pdfTextBoxes(await renderReportPdf(doc, { fonts }));
  }, 60_000);

  it('keeps every word of every page inside the page', () => {
    expect(words.length).toBeGreaterThan(1000);
    for (const w of words) {
      expect(w.xMin >= 0 && w.yMin >= 0 && w.xMax <= w.pageWidth && w.yMax <= w.pageHeight, `page ${w.page}: "${w.text}"`).toBe(true);
    }
  });

  it('keeps the text of flowing pages clear of the running header and the page number', () => {
    const portrait = words.filter((w) => w.pageHeight > w.pageWidth);
    expect(new Set(portrait.map((w) => w.page)).size).toBeGreaterThan(3);
    for (const w of portrait) {
      const chrome = w.yMax <= TEXT_MARGINS.top - 10 || w.yMin >= w.pageHeight - 34;
      // A word's box is the font's full height, a little taller than the line it sits on.
      const body = w.yMin >= TEXT_MARGINS.top - 4 && w.yMax <= w.pageHeight - TEXT_MARGINS.bottom + 2;
      expect(chrome || body, `page ${w.page}: "${w.text}" at ${w.yMin}-${w.yMax}`).toBe(true);
    }
  });

  it('labels every node on a close-up page, inside the diagram box', () => {
    const diagramPages = new Set(words.filter((w) => w.pageWidth > w.pageHeight).map((w) => w.page));
    expect(diagramPages.size).toBe(doc.model!.diagrams.length);
    const box = doc.model!.diagrams[0].box;
    const onDiagrams = words.filter((w) => diagramPages.has(w.page));
    const inBox = onDiagrams.filter((w) => w.yMin >= box.y && w.yMax <= box.y + box.height);
    for (const w of inBox) expect(w.xMin >= box.x - 0.5 && w.xMax <= box.x + box.width + 0.5, `"${w.text}"`).toBe(true);
    const text = squash(inBox.map((w) => w.text).join(' '));
    const closeUps = doc.model!.diagrams.filter((v) => v.kind === 'closeup');
    for (const n of closeUps.flatMap((v) => v.nodes)) expect(text, n.id).toContain(squash(n.text!.lines[0].replace(/…$/, '')));
  });
});
