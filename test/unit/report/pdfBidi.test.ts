/**
 * Right-to-left labels in the PDF read in order: the words of a Hebrew or Arabic phrase run from right to left,
 * numbers inside them from left to right, in tables, sentences and diagrams alike. PDF.js gives each drawn run's
 * text in reading order, and the page gives where each run sits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { buildReport } from '../../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../../cli/reportFonts.ts';
import { renderReportPdf } from '../../../shared/report/pdf/index.ts';
import { buildModel } from '../engine/build.ts';
import type { TextBox } from '../../tools/pdfText.ts';
import { pdfTextBoxes } from '../../tools/pdfText.ts';
import { actualTexts, notdefGlyphs } from './pdfGlyphs.ts';

const fonts = await loadNodeReportFonts();

const HEBREW = 'מאגר תצורת פריסה';
const HEBREW_NUMBER = 'שרת 123 ראשי';
const ARABIC_DIGITS = 'حساب ١٢٣';

/**
 * The right-to-left phrases of every line, read from right to left: runs of Hebrew words and digits that sit
 * side by side on one baseline (a gap wider than a few spaces, as between table columns, ends a phrase).
 */
function rtlPhrases(boxes: readonly TextBox[]): string[] {
  const rtl = boxes.filter((b) => /^[\u0590-\u05ff0-9 ]+$/.test(b.text) && /[\u0590-\u05ff0-9]/.test(b.text));
  const lines = new Map<string, TextBox[]>();
  for (const b of rtl) {
    const key = `${b.page}:${Math.round(b.yMin)}`;
    lines.set(key, [...(lines.get(key) ?? []), b]);
  }
  const phrases: string[] = [];
  for (const line of lines.values()) {
    const sorted = [...line].sort((a, b) => b.xMin - a.xMin);
    let phrase = [sorted[0]];
    for (const b of sorted.slice(1)) {
      if (phrase[phrase.length - 1].xMin - b.xMax > 8) {
        phrases.push(phrase.map((p) => p.text.trim()).join(' '));
        phrase = [];
      }
      phrase.push(b);
    }
    phrases.push(phrase.map((p) => p.text.trim()).join(' '));
  }
  return phrases;
}

/** The phrases made of the label's words only. */
const phrasesOf = (label: string, phrases: string[]) =>
  phrases.filter((p) => p.split(' ').every((w) => label.split(' ').includes(w)));

describe('PDF of right-to-left labels', () => {
  let pdf: Uint8Array;
  let boxes: TextBox[];

  beforeAll(async () => {
    const model = buildModel(
      [
        ['pay', 'service', { criticality: 5 }, HEBREW],
        ['key', 'secret', { owner: 'payments' }, 'payments key'],
        ['db', 'datastore', { sensitivity: 'restricted' }, HEBREW_NUMBER],
        ['role', 'identity', {}, ARABIC_DIGITS],
      ],
      [
        ['e1', 'holds', 'pay', 'key'],
        ['e2', 'authenticates', 'key', 'role'],
        ['e3', 'grants', 'role', 'db', { access: 'admin' }],
      ],
      [{ id: 'leak', name: 'The key leaks', breaks: [{ mode: 'leak', node: 'key' }] }],
    );
    const doc = buildReport(
      model,
      model.scenarios,
      model.scenarios.map((s) => simulate(model, s)),
    );
    pdf = await renderReportPdf(doc, { fonts });
    boxes = await pdfTextBoxes(pdf);
  }, 60_000);

  it('prints the words of a Hebrew phrase from right to left, wherever it is printed', () => {
    const phrases = phrasesOf(HEBREW, rtlPhrases(boxes));
    // The inventory, the scenario's table and sentences, the diagram.
    expect(phrases.filter((p) => p === HEBREW).length).toBeGreaterThanOrEqual(3);
    // A phrase a narrow column wraps is still read in order, a part per line.
    for (const p of phrases) expect(HEBREW, p).toContain(p);
  });

  it('keeps a number in a Hebrew phrase left to right, between the words it stands between', () => {
    const phrases = phrasesOf(HEBREW_NUMBER, rtlPhrases(boxes));
    expect(phrases.filter((p) => p === HEBREW_NUMBER).length).toBeGreaterThanOrEqual(3);
    for (const p of phrases) expect(HEBREW_NUMBER, p).toContain(p);
  });

  it('prints Arabic-Indic digits left to right, and the Arabic word to their right', () => {
    const digits = boxes.filter((b) => b.text.includes('١٢٣'));
    expect(digits.length).toBeGreaterThan(0);
    expect(boxes.some((b) => b.text.includes('٣٢١'))).toBe(false);
    // The Arabic word is a run of its own, carried as ActualText (fonts.ts).
    expect(actualTexts(pdf)).toContain('حساب');
  });

  it('draws no glyph as a box', () => {
    expect(notdefGlyphs(pdf)).toBe(0);
  });
});
