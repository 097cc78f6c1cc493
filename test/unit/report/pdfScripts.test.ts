/**
 * Labels in the scripts Noto Sans lacks print in the PDF in their fallback font: the characters are in the
 * PDF's text, the font is embedded, no glyph is a box, and a fallback the report does not need is neither
 * loaded nor embedded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import type { ReportOptions } from '../../../shared/report/index.ts';
import { buildReport } from '../../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../../cli/reportFonts.ts';
import type { Fallback, ReportFonts } from '../../../shared/report/pdf/index.ts';
import { renderReportPdf } from '../../../shared/report/pdf/index.ts';
import { buildModel } from '../engine/build.ts';
import { pdfPages, squash } from '../../tools/pdfText.ts';
import { actualTexts, embeddedFonts, notdefGlyphs } from './pdfGlyphs.ts';

const NOTO_SANS = ['NotoSans-Bold', 'NotoSans-Regular'];

function modelLabelled(label: string): Model {
  return buildModel(
    [
      ['pay', 'service', { criticality: 5 }, label],
      ['key', 'secret', { owner: 'payments' }, 'payments key'],
      ['db', 'datastore', { sensitivity: 'restricted' }, 'orders DB'],
    ],
    [
      ['e1', 'holds', 'pay', 'key'],
      ['e2', 'grants', 'key', 'db', { access: 'admin' }],
    ],
    [{ id: 'leak', name: 'The key leaks', breaks: [{ mode: 'leak', node: 'key' }] }],
  );
}

/** Fonts that count the fallbacks each report loads. */
async function countingFonts(): Promise<{ fonts: ReportFonts; loads: Fallback[] }> {
  const fonts = await loadNodeReportFonts();
  const loads: Fallback[] = [];
  const fallbacks = Object.fromEntries(
    Object.entries(fonts.fallbacks).map(([name, files]) => [
      name,
      {
        ...files,
        regular: () => {
          loads.push(name as Fallback);
          return files.regular();
        },
      },
    ]),
  ) as ReportFonts['fallbacks'];
  return { fonts: { ...fonts, fallbacks }, loads };
}

async function render(
  model: Model,
  fonts: ReportFonts,
  options: ReportOptions = { sections: ['model'] },
): Promise<Uint8Array> {
  const doc = buildReport(
    model,
    model.scenarios,
    model.scenarios.map((s) => simulate(model, s)),
    options,
  );
  return renderReportPdf(doc, { fonts });
}

/** Each script, a label in it, and the fonts its report embeds beside Noto Sans. */
const SCRIPTS: { script: string; label: string; fonts: string[]; loads: Fallback[]; spelledOut?: boolean }[] = [
  // 访, 续 and 账 are among the simplified characters Noto Sans JP lacks; the others it draws.
  {
    script: 'Simplified Chinese',
    label: '个人访问令牌持续集成账户',
    fonts: ['NotoSansJP-Regular', 'NotoSansSC-Regular'],
    loads: ['jp', 'sc'],
  },
  { script: 'Korean', label: '배포 토큰 유출', fonts: ['NotoSansKR-Regular'], loads: ['kr'] },
  // Arabic, Hebrew and Thai have a bold face too (the inventory's first column is bold).
  { script: 'Thai', label: 'บัญชีบริการ ไทย', fonts: ['NotoSansThai-Bold', 'NotoSansThai-Regular'], loads: ['thai'] },
  {
    script: 'Hebrew',
    label: 'מאגר תצורה',
    fonts: ['NotoSansHebrew-Bold', 'NotoSansHebrew-Regular'],
    loads: ['hebrew'],
  },
  {
    script: 'Arabic',
    label: 'رمز النشر',
    fonts: ['NotoSansArabic-Bold', 'NotoSansArabic-Regular'],
    loads: ['arabic'],
    spelledOut: true,
  },
  { script: 'emoji', label: '🔑 deploy 👩🏽‍💻 🚀', fonts: ['NotoEmoji-Regular'], loads: ['emoji'] },
];

describe.each(SCRIPTS)('PDF of a $script label', ({ label, fonts: expected, loads: expectedLoads, spelledOut }) => {
  let pdf: Uint8Array;
  let loads: Fallback[];

  beforeAll(async () => {
    const counting = await countingFonts();
    pdf = await render(modelLabelled(label), counting.fonts);
    loads = counting.loads;
  }, 60_000);

  it('has the label in its text', async () => {
    const words = label.split(' ').filter((w) => /\p{L}|\p{Extended_Pictographic}/u.test(w));
    // Arabic glyphs do not map back to letters (fonts.ts): its runs carry the text as ActualText.
    const text = squash(spelledOut ? actualTexts(pdf).join(' ') : (await pdfPages(pdf)).join('\n'));
    for (const word of words) expect(text, word).toContain(word);
  });

  it('embeds its fallback font, and only the fonts it draws with', () => {
    expect(embeddedFonts(pdf)).toEqual([...NOTO_SANS, ...expected].sort());
  });

  it('loads only the fallbacks its text needs', () => {
    expect(loads.sort()).toEqual([...expectedLoads].sort());
  });

  it('draws no glyph as a box', () => {
    expect(notdefGlyphs(pdf)).toBe(0);
  });
});

describe('PDF of a report in Latin script', () => {
  it('loads no fallback but Noto Sans JP, for the arrows of its paths, and embeds nothing else', async () => {
    const { fonts, loads } = await countingFonts();
    const pdf = await render(modelLabelled('payments service'), fonts, {});
    expect(loads).toEqual(['jp']);
    expect(embeddedFonts(pdf)).toEqual([...NOTO_SANS, 'NotoSansJP-Regular']);
  });

  it('loads the font of a character only the PDF writer adds, and draws it', async () => {
    // A report of recommendations alone: its model has no arrow, the score changes ('11 → 3') do.
    const { fonts, loads } = await countingFonts();
    const pdf = await render(modelLabelled('payments service'), fonts, { sections: ['recommendations'] });
    expect(loads).toEqual(['jp']);
    expect(notdefGlyphs(pdf)).toBe(0);
    expect((await pdfPages(pdf)).join('\n')).toMatch(/\d\s+→\s+\d/);
  });
});
