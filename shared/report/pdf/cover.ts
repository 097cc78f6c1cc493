/** The cover: what this is, about which model, by whom, as of when; the contents. */
import type { ReportDocument } from '../index.ts';
import { PAPER_SIZES, SECTION_TITLES } from '../index.ts';
import { blockHeight, drawLines } from './textLayout.ts';
import { C } from './theme.ts';
import type { Writer } from './writer.ts';

export function drawCover(w: Writer, doc: ReportDocument): void {
  const { meta } = doc;
  w.textPage('Threat model report', 'Cover');
  const pad = 50;
  const top = w.y - 8;
  const titleStyle = { size: meta.title.length > 48 ? 24 : 30, bold: true, color: '#FFFFFF', lh: 1.15 };
  const descStyle = { size: 11, color: '#CBD5E1', lh: 1.45 };
  const title = w.clampedLayout(meta.title, titleStyle, w.width, 3);
  const desc = meta.description ? w.clampedLayout(meta.description, descStyle, w.width, 7) : [];
  const bandH = 64 + 8.5 * 1.4 + 10 + blockHeight(title, titleStyle) + (desc.length ? 12 + blockHeight(desc, descStyle) : 0) + 26 + 24 + 12 + 40;
  w.doc.rect(0, top, PAPER_SIZES[meta.paper].width, bandH).fill(C.navy);
  let y = top + 64;
  y += w.textAt('NON-HUMAN IDENTITY THREAT MODEL', pad, y, w.width, { size: 8.5, bold: true, color: '#F59E7A', lh: 1.4, tracking: 2 }) + 10;
  y += drawLines(w.fonts, title, pad, y, w.width, titleStyle);
  if (desc.length) {
    y += 12;
    y += drawLines(w.fonts, desc, pad, y, w.width, descStyle);
  }
  y += 26;
  let x = pad;
  for (const [n, label] of [
    [meta.nodeCount, 'nodes'],
    [meta.edgeCount, 'edges'],
    [meta.scenarioCount, 'scenarios'],
    [meta.findingCount, 'findings'],
  ] as const) {
    w.textAt(String(n), x, y, 100, { size: 20, bold: true, color: '#FFFFFF', lh: 1.2 });
    w.textAt(label.toUpperCase(), x, y + 24, 100, { size: 7.5, color: '#94A3B8', lh: 1.4, tracking: 0.6 });
    x += Math.max(w.fonts.width(String(n), 20, true), w.fonts.width(label.toUpperCase(), 7.5, false) + 0.6 * label.length) + 30;
  }
  w.y = top + bandH + 26;
  const fields: [string, string][] = [
    ['Model', meta.modelName || meta.modelId],
    ['Model as of', meta.asOf ?? 'not set'],
    ['Prepared by', meta.author || '—'],
    ['Organisation', meta.organisation || '—'],
    ['Report date', meta.date ?? '—'],
    ['Paper', meta.paper],
  ];
  const half = w.width / 2;
  for (let i = 0; i < fields.length; i += 2) {
    let h = 0;
    for (let k = 0; k < 2 && i + k < fields.length; k++) {
      const [label, value] = fields[i + k];
      const fx = w.left + k * half;
      w.textAt(label.toUpperCase(), fx, w.y, half - 10, { size: 7, color: C.muted, lh: 1.42, tracking: 0.6 });
      h = Math.max(h, 10 + w.textAt(value, fx, w.y + 10, half - 10, { size: 10.5, color: C.ink, lh: 1.35 }));
    }
    w.y += h + 10;
  }
  w.y += 16;
  w.rule(1, C.ink);
  w.y += 8;
  w.y += w.textAt('CONTENTS', w.left, w.y, w.width, { size: 7, color: C.muted, lh: 1.42, tracking: 0.6 }) + 6;
  // Pinned to the foot of the page, however many lines it takes; the contents keep clear of it, in two columns
  // when one does not fit above it (a long title, an author and organisation, Letter paper).
  const note = { size: 7.5, color: C.muted, lh: 1.5 };
  const noteLines = w.layout(
    `Every number in this report comes from simulating the model: a break at time 0 spreads along the trust graph by the rules in the appendix. It shows what the design allows, not what an attacker has done. Made offline with ${meta.generator}; the model never left the machine it was drawn on.`,
    note,
  );
  const noteTop = w.bottom - blockHeight(noteLines, note);
  const entry = { size: 10, color: C.ink, lh: 1.35 };
  const row = entry.size * entry.lh + 3;
  const columns = w.y + doc.sections.length * row <= noteTop - 12 ? 1 : 2;
  const rows = Math.ceil(doc.sections.length / columns);
  const columnWidth = w.width / columns;
  doc.sections.forEach((key, i) => {
    const x = w.left + Math.floor(i / rows) * columnWidth;
    const y = w.y + (i % rows) * row;
    w.textAt(String(i + 1), x, y, 20, { ...entry, bold: true, color: C.accent });
    w.textAt(SECTION_TITLES[key], x + 20, y, columnWidth - 24, entry);
  });
  w.y += rows * row;
  drawLines(w.fonts, noteLines, w.left, noteTop, w.width, note);
}
