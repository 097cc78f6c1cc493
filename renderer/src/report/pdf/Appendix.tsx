/** 6. Appendix: how to read the report, and the assumptions behind its numbers. */
import { Text, View } from '@react-pdf/renderer';
import type { AppendixSection } from '../../../../shared/report/types.ts';
import { H2 } from './layout.tsx';
import type { Column } from './table.tsx';
import { Table, cellBold, cellText } from './table.tsx';
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

export function Appendix({ section, width }: { section: AppendixSection; width: number }) {
  return (
    <View>
      <H2>Effects</H2>
      <Text style={s.p}>
        Security effects form a ladder, read &lt; write &lt; control: a node reached at one level has the levels below
        it. A secret or identity reached at any level is controlled: a read secret is a stolen secret. Availability
        effects are separate. In the diagrams each effect has its own colour and its own marker shape, so they stay
        apart in greyscale; availability effects draw a dashed border.
      </Text>
      <Table columns={effectColumns} rows={section.effects} width={width} />
      <H2>Score and exposure</H2>
      {[...section.score, ...section.exposure].map((line, i) => (
        <Text key={i} style={s.p}>
          {line}
        </Text>
      ))}
      <H2>Breaks</H2>
      <Table columns={modeColumns} rows={section.breakModes} width={width} />
      <H2>Assumptions</H2>
      <Table columns={assumptionColumns} rows={section.assumptions} width={width} />
      {section.frameworks.length ? (
        <>
          <H2>Framework references</H2>
          {section.frameworks.map((f) => (
            <View key={f.id} style={{ flexDirection: 'row', marginBottom: 2 }} wrap={false}>
              <Text style={[s.bold, { width: 70 }]}>{f.id}</Text>
              <Text style={{ flex: 1 }}>{f.name}</Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
