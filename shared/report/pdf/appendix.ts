/** 6. Appendix: how to read the report, and the assumptions behind its numbers. */
import type { AppendixSection } from '../index.ts';
import type { Column } from './table.ts';
import { cellBold, cellText, table } from './table.ts';
import { T } from './theme.ts';
import type { Writer } from './writer.ts';

type EffectRow = AppendixSection['effects'][number];
type ModeRow = AppendixSection['breakModes'][number];
type AssumptionRow = AppendixSection['assumptions'][number];

const effectColumns: Column<EffectRow>[] = [
  { title: 'Effect', width: 18, cell: (e) => [{ kind: 'effect', effect: e.effect, text: e.label }] },
  { title: 'Meaning', width: 66, cell: (e) => [cellText(e.meaning)] },
  { title: 'Weight', width: 16, align: 'right', cell: (e) => [cellText(e.weight.toFixed(1))] },
];

const modeColumns: Column<ModeRow>[] = [
  { title: 'Break', width: 20, cell: (m) => [cellBold(m.title)] },
  { title: 'Meaning', width: 50, cell: (m) => [cellText(m.meaning)] },
  { title: 'References', width: 30, cell: (m) => [{ kind: 'chips', items: m.tags }] },
];

const assumptionColumns: Column<AssumptionRow>[] = [
  { title: 'Assumption', width: 18, cell: (a) => [cellBold(a.name)] },
  { title: 'Value used', width: 50, cell: (a) => [cellText(a.value)] },
  { title: 'Source', width: 32, cell: (a) => [cellText(a.source)] },
];

const EFFECTS_TEXT =
  'Security effects form a ladder, read < write < control: a node reached at one level has the levels below it. A secret or identity reached at any level is controlled: a read secret is a stolen secret. Availability effects are separate. In the diagrams each effect has its own colour and its own symbol, the same as on the canvas (the table below shows them), so they stay apart in greyscale; availability effects draw a dashed border.';

export function drawAppendix(w: Writer, section: AppendixSection): void {
  w.h2('Effects');
  w.paragraph(EFFECTS_TEXT);
  table(w, effectColumns, section.effects);
  w.h2('Score and exposure');
  for (const line of [...section.score, ...section.exposure]) w.paragraph(line);
  w.h2('Breaks');
  table(w, modeColumns, section.breakModes);
  w.h2('Assumptions');
  table(w, assumptionColumns, section.assumptions);
  if (section.frameworks.length) w.h2('Framework references', 14);
  for (const f of section.frameworks) {
    const h = w.height(f.name, T.body, w.width - 70);
    w.ensure(h);
    w.textAt(f.id, w.left, w.y, 70, { ...T.body, bold: true });
    w.y += w.textAt(f.name, w.left + 70, w.y, w.width - 70, T.body) + 2;
  }
}
