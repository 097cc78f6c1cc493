/**
 * Tabs, line ends and control characters in a model's text, as the PDF prints them: a tab is a space, CR LF and
 * NEL end a line, every other control and every bidi override is dropped, and none is drawn as a box.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { buildReport } from '../../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../../cli/reportFonts.ts';
import { renderReportPdf } from '../../../shared/report/pdf/index.ts';
import { buildModel } from '../engine/build.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfPages, pdfTextBoxes } from '../../tools/pdfText.ts';
import { notdefGlyphs } from './pdfGlyphs.ts';

const fonts = await loadNodeReportFonts();

function modelWith(labels: Record<'pay' | 'key' | 'db' | 'role', string>, name: string) {
  const model = buildModel(
    [
      ['pay', 'service', { criticality: 5 }, labels.pay],
      ['key', 'secret', { owner: 'payments' }, labels.key],
      ['db', 'datastore', { sensitivity: 'restricted' }, labels.db],
      ['role', 'identity', { owner: 'payments' }, labels.role],
    ],
    [
      ['e1', 'holds', 'pay', 'key'],
      ['e2', 'authenticates', 'key', 'role'],
      ['e3', 'grants', 'role', 'db', { access: 'admin' }],
    ],
    [{ id: 'leak', name: 'the\tkey\u0007 leaks', breaks: [{ mode: 'leak', node: 'key' }] }],
  );
  model.name = name;
  return model;
}

describe('PDF of labels with tabs, line ends and control characters', () => {
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    const model = modelWith(
      {
        pay: 'tab\there',
        key: 'bell\u0007x esc\u001b[31mred\u001b[0m del\u007fy\u0001',
        db: 'crlf\r\nline nel\u0085z',
        role: 'rlo\u202eevil.exe\u202c nul\u0000n',
      },
      'model\r\nname',
    );
    const doc = buildReport(
      model,
      model.scenarios,
      model.scenarios.map((s) => simulate(model, s)),
    );
    pdf = await renderReportPdf(doc, { fonts });
    text = (await pdfPages(pdf)).join('\n');
  }, 60_000);

  it('draws none of them as a box', () => {
    expect(notdefGlyphs(pdf)).toBe(0);
  });

  it('prints a tab as a space', () => {
    expect(text).toContain('tab here');
    expect(text).toContain('the key leaks');
  });

  it('drops the other controls, so their neighbours print side by side', () => {
    expect(text).toContain('bellx');
    expect(text).toContain('esc[31mred[0m');
    expect(text).toContain('dely');
    expect(text).toContain('nuln');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\0-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('does not obey a bidi override: the characters print in the order they are stored', () => {
    expect(text).toContain('rloevil.exe');
  });

  it('ends a line at CR LF and at NEL, as at LF (a diagram label, one line, has a space there)', async () => {
    const boxes = (await pdfTextBoxes(pdf)).map((b) => b.text);
    const diagramLabel = 'crlf line nel z';
    for (const part of ['crlf', 'nel']) {
      const holding = boxes.filter((t) => t.includes(part) && t !== diagramLabel);
      expect(holding.length, part).toBeGreaterThan(0);
      for (const t of holding) expect(t, part).toMatch(new RegExp(`${part}$`));
    }
    expect(boxes).toContain(diagramLabel);
  });

  it('keeps the running header on one line when the model name has a line end', async () => {
    const header = (await pdfTextBoxes(pdf)).filter((w) => w.page === 2 && w.yMax < 40);
    expect(header.map((w) => w.text).join(' ')).toContain('model name');
    expect(new Set(header.map((w) => Math.round(w.yMin))).size).toBe(1);
  });

  it('gives the viewer a title and bookmarks on one line, without controls', async () => {
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const info = (await doc.getMetadata()).info as { Title: string; Subject: string };
      expect(info.Title).toBe('model name');
      expect(info.Subject).toBe('Threat model report: model name');
      const titles: string[] = [];
      const walk = (items: { title: string; items: unknown[] }[]) =>
        items.forEach((i) => {
          titles.push(i.title);
          walk(i.items as typeof items);
        });
      walk((await doc.getOutline()) ?? []);
      expect(titles).toContain('3.1 the key leaks');
      // eslint-disable-next-line no-control-regex
      for (const t of titles) expect(t).not.toMatch(/[\0-\x1f\x7f-\x9f]/);
    } finally {
      await doc.destroy();
    }
  });
});
