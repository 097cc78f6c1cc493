/** 1. Executive summary: the page a reader who reads one page reads. */
import { Text, View } from '@react-pdf/renderer';
import { formatAt, formatPercent, formatScore } from '../../../../shared/report/format.ts';
import { EFFECT_STYLES, SEVERITY_COLORS } from '../../../../shared/report/style.ts';
import type { Recommendation, ScenarioRankRow, SummarySection } from '../../../../shared/report/types.ts';
import { H2, Stat } from './layout.tsx';
import type { Column } from './table.tsx';
import { Table, cellBold, cellText } from './table.tsx';
import { wrapText } from '../../../../shared/report/text.ts';
import { Marker } from './Svg.tsx';
import { C, s } from './theme.ts';

function FixCard({ fix, index }: { fix: Recommendation; index: number }) {
  return (
    <View
      wrap={false}
      style={{ flexDirection: 'row', borderTopWidth: index === 0 ? 0 : 0.5, borderTopColor: C.rule, paddingVertical: 5 }}
    >
      <Text style={{ width: 18, fontSize: 13, fontWeight: 700, color: C.accent, lineHeight: 1.2 }}>{index + 1}</Text>
      <View style={{ flex: 1, paddingRight: 8 }}>
        <Text>
          <Text style={{ fontWeight: 700, color: C.ink }}>{fix.fixTitle}: </Text>
          {fix.edgeText}
        </Text>
        <Text style={s.small}>{fix.closes}</Text>
      </View>
      <View style={{ width: 64, alignItems: 'flex-end' }}>
        <Text style={{ fontSize: 12, fontWeight: 700, color: C.ink, lineHeight: 1.2 }}>−{formatScore(fix.reduction)}</Text>
        <Text style={s.small}>points</Text>
      </View>
    </View>
  );
}

const lines = (text: string, width: number, size: number, bold = false) => Math.max(1, wrapText(text, width, size, Infinity, bold).length);

/**
 * How many worst impacts and fixes fit so that the summary stays one page: the headline, the figures and the
 * scenario table always show; worst impacts give way first (down to two), then fixes (down to one).
 */
export function fitSummary(summary: SummarySection, width: number, room: number): { worst: number; fixes: number } {
  const several = summary.scenarios.length > 1;
  const fixed =
    46 + // section title
    16 + 12 + summary.headline.reduce((h, line) => h + lines(line, width - 26, 10) * 14.5 + 3, 0) + // callout
    53 + // figures
    38.25 + 16.4 + 10 + summary.scenarios.reduce((h, r) => h + lines(r.name, width * 0.37 - 8, 8, true) * 10.8 + 7.4, 0);
  const worstH = summary.worst.map((w) => lines(`${w.sentence}${several ? ' Scenario 10.' : ''}`, width - 12, 9) * 12.78 + 4);
  const fixH = summary.topFixes.map((f) => 10.5 + lines(`${f.fixTitle}: ${f.edgeText}`, width - 90, 9, true) * 12.78 + lines(f.closes, width - 90, 7.5) * 10.5);
  const total = (w: number, f: number) =>
    fixed + (w ? 38.25 + worstH.slice(0, w).reduce((a, b) => a + b, 0) : 0) + (f ? 38.25 + fixH.slice(0, f).reduce((a, b) => a + b, 0) : 0);
  let w = summary.worst.length;
  let f = summary.topFixes.length;
  while (total(w, f) > room && w > Math.min(2, summary.worst.length)) w--;
  while (total(w, f) > room && f > Math.min(1, summary.topFixes.length)) f--;
  return { worst: w, fixes: f };
}

export function Summary({ summary, width, room }: { summary: SummarySection; width: number; room: number }) {
  const t = summary.totals;
  const fit = fitSummary(summary, width, room);
  const max = Math.max(0, ...summary.scenarios.map((r) => r.exposure));
  const columns: Column<ScenarioRankRow>[] = [
    { title: '#', width: 5, cell: (r) => [cellText(String(r.rank))] },
    { title: 'Scenario', width: 37, cell: (r) => [cellBold(r.name)] },
    { title: 'Exposure', width: 30, cell: (r) => [{ kind: 'bar', share: r.exposure, max, text: formatPercent(r.exposure) }] },
    { title: 'Score', width: 9, align: 'right', cell: (r) => [cellText(formatScore(r.score))] },
    { title: 'Reached', width: 9, align: 'right', cell: (r) => [cellText(String(r.impactedNodes))] },
    { title: 'Detected', width: 10, align: 'right', cell: (r) => [cellText(r.detectedAt === null ? 'never' : formatAt(r.detectedAt))] },
  ];
  const serious = t.findings.critical + t.findings.high;
  const several = summary.scenarios.length > 1;
  const rankOf = new Map(summary.scenarios.map((r) => [r.id, r.rank]));
  return (
    <View>
      <View style={s.callout}>
        {summary.headline.map((h, i) => (
          <Text key={i} style={s.calloutText}>
            {h}
          </Text>
        ))}
      </View>
      <View style={{ flexDirection: 'row', marginBottom: 8 }}>
        <Stat value={String(t.scenarios)} label="scenarios simulated" />
        <Stat value={String(t.impactedNodes)} label={`of ${t.nodes} nodes reached`} />
        <Stat value={String(t.undetectedScenarios)} label="scenarios never detected" tone={t.undetectedScenarios ? C.accent : undefined} />
        <Stat value={String(t.silentOutages)} label="silent outages" />
        <Stat value={String(t.findingsTotal)} label={`findings, ${serious} critical or high`} tone={serious ? SEVERITY_COLORS.high : undefined} />
      </View>
      <H2>Scenarios ranked by exposure</H2>
      {summary.scenarios.length ? (
        <Table columns={columns} rows={summary.scenarios} width={width} />
      ) : (
        <Text style={s.muted}>No scenarios in this report.</Text>
      )}
      {summary.worst.length ? (
        <>
          <H2>Worst impacts</H2>
          {summary.worst.slice(0, fit.worst).map((w, i) => (
            <View key={i} wrap={false} style={{ flexDirection: 'row', marginBottom: 4 }}>
              <View style={{ width: 12, paddingTop: 2.5 }}>
                <Marker shape={EFFECT_STYLES[w.effect].shape} color={EFFECT_STYLES[w.effect].color} size={7} />
              </View>
              <Text style={{ flex: 1 }}>
                {w.sentence}
                {several ? <Text style={s.muted}> Scenario {rankOf.get(w.scenarioId)}.</Text> : null}
              </Text>
            </View>
          ))}
        </>
      ) : null}
      {summary.topFixes.length ? (
        <>
          <H2>Top {fit.fixes === 1 ? 'fix' : `${fit.fixes} fixes`}</H2>
          {summary.topFixes.slice(0, fit.fixes).map((f, i) => (
            <FixCard key={f.id} fix={f} index={i} />
          ))}
        </>
      ) : null}
    </View>
  );
}
