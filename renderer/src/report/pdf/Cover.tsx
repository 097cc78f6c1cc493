/** The cover: what this is, about which model, by whom, as of when; the contents. */
import { Text, View } from '@react-pdf/renderer';
import type { ReportDocument } from '../../../../shared/report/types.ts';
import { SECTION_TITLES } from '../../../../shared/report/types.ts';
import { PAPER_SIZES } from '../../../../shared/report/page.ts';
import { TextPage } from './layout.tsx';
import { C } from './theme.ts';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ width: '50%', marginBottom: 10, paddingRight: 10 }}>
      <Text style={{ fontSize: 7, color: C.muted, letterSpacing: 0.6 }}>{label.toUpperCase()}</Text>
      <Text style={{ fontSize: 10.5, color: C.ink, lineHeight: 1.35 }}>{value}</Text>
    </View>
  );
}

export function Cover({ doc }: { doc: ReportDocument }) {
  const { meta } = doc;
  const fields: [string, string][] = [
    ['Model', meta.modelName || meta.modelId],
    ['Model as of', meta.asOf ?? 'not set'],
    ['Prepared by', meta.author || '—'],
    ['Organisation', meta.organisation || '—'],
    ['Report date', meta.date ?? '—'],
    ['Paper', meta.paper],
  ];
  return (
    <TextPage meta={meta} section="Threat model report" paper={meta.paper} bookmark="Cover">
      <View style={{ backgroundColor: C.navy, marginHorizontal: -50, marginTop: -8, paddingHorizontal: 50, paddingTop: 64, paddingBottom: 40 }}>
        <Text style={{ fontSize: 8.5, color: '#F59E7A', letterSpacing: 2, fontWeight: 700 }}>NON-HUMAN IDENTITY THREAT MODEL</Text>
        <Text style={{ fontSize: meta.title.length > 48 ? 24 : 30, fontWeight: 700, color: '#FFFFFF', lineHeight: 1.15, marginTop: 10, maxLines: 3, textOverflow: 'ellipsis' }}>
          {meta.title}
        </Text>
        {meta.description ? (
          <Text style={{ fontSize: 11, color: '#CBD5E1', lineHeight: 1.45, marginTop: 12, maxLines: 7, textOverflow: 'ellipsis' }}>
            {meta.description}
          </Text>
        ) : null}
        <View style={{ flexDirection: 'row', marginTop: 26 }}>
          {[
            [meta.nodeCount, 'nodes'],
            [meta.edgeCount, 'edges'],
            [meta.scenarioCount, 'scenarios'],
            [meta.findingCount, 'findings'],
          ].map(([n, label]) => (
            <View key={label} style={{ marginRight: 30 }}>
              <Text style={{ fontSize: 20, fontWeight: 700, color: '#FFFFFF', lineHeight: 1.2 }}>{n}</Text>
              <Text style={{ fontSize: 7.5, color: '#94A3B8', letterSpacing: 0.6 }}>{String(label).toUpperCase()}</Text>
            </View>
          ))}
        </View>
      </View>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginTop: 26 }}>
        {fields.map(([label, value]) => (
          <Field key={label} label={label} value={value} />
        ))}
      </View>
      <View style={{ marginTop: 16, borderTopWidth: 1, borderTopColor: C.ink, paddingTop: 8 }}>
        <Text style={{ fontSize: 7, color: C.muted, letterSpacing: 0.6, marginBottom: 6 }}>CONTENTS</Text>
        {doc.sections.map((key, i) => (
          <View key={key} style={{ flexDirection: 'row', marginBottom: 3 }}>
            <Text style={{ width: 20, fontSize: 10, color: C.accent, fontWeight: 700, lineHeight: 1.35 }}>{i + 1}</Text>
            <Text style={{ fontSize: 10, color: C.ink, lineHeight: 1.35 }}>{SECTION_TITLES[key]}</Text>
          </View>
        ))}
      </View>
      {/* Pinned above the footer: the cover is planned as one page, and this note must not push it onto two. */}
      <Text style={{ position: 'absolute', left: 50, right: 50, top: PAPER_SIZES[meta.paper].height - 84, fontSize: 7.5, color: C.muted, lineHeight: 1.5 }}>
        Every number in this report comes from simulating the model: a break at time 0 spreads along the trust graph by
        the rules in the appendix. It shows what the design allows, not what an attacker has done. Made offline with{' '}
        {meta.generator}; the model never left the machine it was drawn on.
      </Text>
    </TextPage>
  );
}
