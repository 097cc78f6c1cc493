/** 6. Appendix: how to read the report, and the assumptions behind its numbers. */
import { Text, View } from '@react-pdf/renderer';
import type { AppendixSection } from '../../../../shared/report/types.ts';
import { wrapText } from '../../../../shared/report/text.ts';
import type { Block } from './flow.tsx';
import { blocks } from './flow.tsx';
import type { Column } from './table.tsx';
import { cellBold, cellText } from './table.tsx';
import { s } from './theme.ts';

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
  'Security effects form a ladder, read < write < control: a node reached at one level has the levels below it. A secret or identity reached at any level is controlled: a read secret is a stolen secret. Availability effects are separate. In the diagrams each effect has its own colour and its own marker shape, so they stay apart in greyscale; availability effects draw a dashed border.';

/** The appendix as blocks: it flows onto a second page when the framework list is long, with its numbers known. */
export function appendixBlocks(section: AppendixSection, width: number): Block[] {
  const refWidth = width - 70;
  return [
    blocks.h2('Effects', width),
    blocks.paragraph(EFFECTS_TEXT, width),
    ...blocks.table(effectColumns, section.effects, width),
    blocks.h2('Score and exposure', width),
    ...[...section.score, ...section.exposure].map((line) => blocks.paragraph(line, width)),
    blocks.h2('Breaks', width),
    ...blocks.table(modeColumns, section.breakModes, width),
    blocks.h2('Assumptions', width),
    ...blocks.table(assumptionColumns, section.assumptions, width),
    ...(section.frameworks.length ? [blocks.h2('Framework references', width)] : []),
    ...section.frameworks.map((f) =>
      blocks.custom(
        <View style={{ flexDirection: 'row', marginBottom: 2 }}>
          <Text style={[s.bold, { width: 70 }]}>{f.id}</Text>
          <Text style={{ flex: 1 }}>{f.name}</Text>
        </View>,
        Math.max(1, wrapText(f.name, refWidth, 9, Infinity).length) * 9 * 1.42 + 2,
      ),
    ),
  ];
}
