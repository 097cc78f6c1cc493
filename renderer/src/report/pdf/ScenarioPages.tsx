/** 3. One scenario: what broke, the timeline, the impacts with their paths in words, silent outages. */
import { Text, View } from '@react-pdf/renderer';
import { EFFECTS } from '../../../../shared/domain/kinds.ts';
import { timelinePrimitives } from '../../../../shared/report/draw.ts';
import { formatAt, formatHours, formatPercent, formatScore } from '../../../../shared/report/format.ts';
import { PAPER_SIZES, TEXT_MARGINS } from '../../../../shared/report/page.ts';
import { BREAK_COLOR, EFFECT_STYLES, KIND_STYLES } from '../../../../shared/report/style.ts';
import type { ImpactRow, ScenarioReport } from '../../../../shared/report/types.ts';
import { routeOf } from '../../../../shared/report/scenario.ts';
import { wrapText } from '../../../../shared/report/text.ts';
import type { Block } from './flow.tsx';
import { blocks } from './flow.tsx';
import { Bullets, Chips, H2, Stat } from './layout.tsx';
import type { Column } from './table.tsx';
import { cellBold, cellSmall, cellText } from './table.tsx';
import { Drawing, Marker } from './Svg.tsx';
import { C, s } from './theme.ts';

export const scenarioTitleHeight = (scenario: ScenarioReport, width: number) =>
  7.5 * 1.4 + Math.max(1, wrapText(scenario.name, width, 16, Infinity, true).length) * 16 * 1.2 + 8;

export function ScenarioTitle({ number, scenario }: { number: string; scenario: ScenarioReport }) {
  return (
    <View minPresenceAhead={100} style={{ marginBottom: 8 }}>
      <Text style={{ fontSize: 7.5, lineHeight: 1.4, color: C.muted, letterSpacing: 0.6 }}>
        SCENARIO {number} · RANK {scenario.rank} BY EXPOSURE
      </Text>
      <Text style={{ fontSize: 16, fontWeight: 700, color: C.ink, lineHeight: 1.2 }}>{scenario.name}</Text>
    </View>
  );
}

/** Above this many impacts a row shows the path as its route only: a big radius stays a readable length. */
export const COMPACT_IMPACTS = 60;

const impactColumns = (compact: boolean): Column<ImpactRow>[] => [
  { title: 'At', width: 9, cell: (r) => [cellText(formatAt(r.at))] },
  {
    title: 'Node',
    width: 20,
    cell: (r) => [cellBold(r.label), cellSmall(`${KIND_STYLES[r.kind].label} · criticality ${r.criticality}`)],
  },
  {
    title: 'Effect',
    width: 12,
    cell: (r) => [
      { kind: 'effect', effect: r.effect, text: EFFECT_STYLES[r.effect].label },
      ...(r.silent ? [{ kind: 'note' as const, text: 'silent' }] : []),
    ],
  },
  { title: 'Points', width: 7, align: 'right', cell: (r) => [cellText(formatScore(r.points))] },
  // The route from the break (nodes and the edges between), then the sentence of the step that reached this
  // node: the steps before it are the rows of the nodes on the route, so the table reads as every whole path.
  {
    title: 'Path',
    width: 52,
    cell: (r) =>
      compact || r.chain.length === 1
        ? [cellText(routeOf(r.hops, 3))]
        : [cellSmall(r.route), cellText(r.steps[r.steps.length - 1] ?? '')],
  },
];

function TimelineLegend() {
  return (
    <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginBottom: 6 }}>
      <View style={{ flexDirection: 'row', alignItems: 'center', marginRight: 10 }}>
        <Marker shape="diamond" color={BREAK_COLOR} size={7} />
        <Text style={s.small}>Break</Text>
      </View>
      {EFFECTS.map((e) => (
        <View key={e} style={{ flexDirection: 'row', alignItems: 'center', marginRight: 10 }}>
          <Marker shape={EFFECT_STYLES[e].shape} color={EFFECT_STYLES[e].color} size={7} />
          <Text style={s.small}>{EFFECT_STYLES[e].label}</Text>
        </View>
      ))}
      <Text style={s.small}>Hours after the break, on a logarithmic scale.</Text>
    </View>
  );
}

export function ScenarioIntro({ scenario, paper }: { scenario: ScenarioReport; paper: 'A4' | 'Letter' }) {
  const t = scenario.timeline;
  const width = PAPER_SIZES[paper].width - TEXT_MARGINS.left - TEXT_MARGINS.right;
  const security = scenario.counts.control + scenario.counts.write + scenario.counts.read > 0;
  return (
    <View>
      <View style={s.callout}>
        <Text style={s.calloutText}>{scenario.headline}</Text>
      </View>
      <View style={{ flexDirection: 'row', marginBottom: 6 }}>
        <Stat value={formatPercent(scenario.exposure)} label="exposure" tone={C.accent} />
        <Stat value={formatScore(scenario.score)} label="score" />
        <Stat value={String(scenario.impactedNodes)} label="nodes reached" />
        <Stat value={t.detectedAt === null ? 'never' : formatAt(t.detectedAt)} label="detected" />
        <Stat
          value={t.exposureWindow === null ? (security ? 'open' : '—') : formatHours(t.exposureWindow)}
          label="exposure window"
        />
      </View>
      <Text style={[s.small, { marginBottom: 4 }]}>
        {EFFECTS.map((e) => `${scenario.counts[e]} ${e}`).join(' · ')}
      </Text>
      <H2>What broke</H2>
      {scenario.breaks.map((b, i) => (
        <View key={i} wrap={false} style={{ marginBottom: 5 }}>
          <Text>
            <Text style={s.bold}>{b.modeTitle}</Text>: {b.label} ({KIND_STYLES[b.kind].label.toLowerCase()}): {b.meaning}.
          </Text>
          <Chips items={b.tags} />
        </View>
      ))}
      {scenario.prevented.length ? (
        <>
          <H2>Prevented breaks</H2>
          <Bullets items={scenario.prevented.map((p) => `${p.mode} of ${p.label}: ${p.reason}.`)} />
        </>
      ) : null}
      {scenario.patches.length || scenario.removed.length ? (
        <>
          <H2>What-if changes in this scenario</H2>
          <Bullets items={[...scenario.patches, ...scenario.removed.map((r) => `removed: ${r}`)]} />
        </>
      ) : null}
      <H2>Timeline</H2>
      <View wrap={false}>
        <Drawing primitives={timelinePrimitives(t, width, 86)} view={{ x: 0, y: 0, w: width, h: 86 }} />
        <TimelineLegend />
      </View>
      <Bullets items={t.notes} />
    </View>
  );
}

export function impactBlocks(scenario: ScenarioReport, number: string, width: number): Block[] {
  const out: Block[] = [
    blocks.custom(<ScenarioTitle number={number} scenario={scenario} />, scenarioTitleHeight(scenario, width)),
    blocks.h2('Impacts and their paths', width),
  ];
  if (scenario.impacts.length) {
    const compact = scenario.impacts.length > COMPACT_IMPACTS;
    out.push(
      blocks.paragraph(
        `In the order they happen. Points = criticality × the effect's weight; they add up to the score of ${formatScore(scenario.score)}. ${
          compact
            ? `Each path runs from the break to the node through the edges named, its middle shortened when long; with ${scenario.impacts.length} impacts the full paths, step by step, are in the HTML and Markdown reports.`
            : 'Each path runs from the break to the node; the sentence is its last step, and the steps before it are the rows of the nodes on the way.'
        }`,
        width,
        { size: 7.5, lh: 1.4, color: C.muted, gap: 6 },
      ),
      ...blocks.table(impactColumns(compact), scenario.impacts, width),
    );
  } else out.push(blocks.paragraph('Nothing is reached.', width, { color: C.muted }));
  out.push(blocks.h2('Silent outages', width));
  if (scenario.silent.length) {
    for (const r of scenario.silent) {
      out.push(
        blocks.paragraph(
          `• ${r.label} goes ${r.effect} ${formatAt(r.at)} and nothing notices: no health check on this ${KIND_STYLES[r.kind].label.toLowerCase()}.`,
          width,
          { gap: 3 },
        ),
      );
    }
  } else {
    out.push(
      blocks.paragraph(
        scenario.counts.down + scenario.counts.degraded
          ? 'None: a health check notices every outage in this scenario.'
          : 'None: nothing goes down in this scenario.',
        width,
        { color: C.muted },
      ),
    );
  }
  return out;
}
