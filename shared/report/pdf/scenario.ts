/** 3. One scenario: what broke, the responses, the timeline, the impacts with their paths in words, silent outages. */
import { EFFECTS, RESPONSE_INFO } from '../../domain/index.ts';
import type { ImpactRow, ScenarioReport } from '../index.ts';
import { BREAK_COLOR, BREAK_GLYPH, EFFECT_STYLES, formatAt, formatHours, formatPercent, formatScore, KIND_STYLES, RESPONSE_COLOR, routeOf, timelineHeight, timelinePrimitives } from '../index.ts';
import { deadCopyText } from '../../analysis/index.ts';
import { RESPONSE_LOOK } from '../../visual/index.ts';
import { drawPrimitives, marker } from './shapes.ts';
import type { Column } from './table.ts';
import { cellBold, cellSmall, cellText, table } from './table.ts';
import { C, T } from './theme.ts';
import type { Writer } from './writer.ts';

export function scenarioTitle(w: Writer, number: string, scenario: ScenarioReport): void {
  const name = { size: 16, bold: true, color: C.ink, lh: 1.2 };
  w.ensure(10.5 + w.height(scenario.name, name) + 8 + 100);
  w.y += w.textAt(`SCENARIO ${number} · RANK ${scenario.rank} BY EXPOSURE`, w.left, w.y, w.width, { size: 7.5, color: C.muted, lh: 1.4, tracking: 0.6 });
  w.y += w.textAt(scenario.name, w.left, w.y, w.width, name) + 8;
}

/** Above this many impacts a row shows the path as its route only: a big radius stays a readable length. */
const COMPACT_IMPACTS = 60;

/** Steps of a route the full table prints after its first stop; the steps before are the rows of the nodes on it. */
const ROUTE_STEPS = 8;

const impactColumns = (compact: boolean): Column<ImpactRow>[] => [
  { title: 'At', width: 9, cell: (r) => [cellText(formatAt(r.at))] },
  { title: 'Node', width: 20, cell: (r) => [cellBold(r.label), cellSmall(`${KIND_STYLES[r.kind].label} · criticality ${r.criticality}`)] },
  {
    title: 'Effect',
    width: 12,
    cell: (r) => [
      { kind: 'effect', effect: r.effect, text: EFFECT_STYLES[r.effect].label },
      ...(r.silent ? [{ kind: 'note' as const, text: 'silent' }] : []),
      ...(r.deadCopy && typeof r.until === 'number' ? [{ kind: 'note' as const, text: deadCopyText(r.until) }] : []),
    ],
  },
  { title: 'Points', width: 7, align: 'right', cell: (r) => [cellText(formatScore(r.points))] },
  // The route from the break, then the sentence of the step that reached this node: the steps before it are
  // the rows of the nodes on the route, so the table reads as every whole path.
  {
    title: 'Path',
    width: 52,
    // A route keeps its first stop and last steps (ROUTE_STEPS): a row is never split across pages, and a 30-hop
    // chain of long labels ran past the page's foot, the rest of the row lost.
    cell: (r) => (compact || r.chain.length === 1 ? [cellText(routeOf(r.hops, 3))] : [cellSmall(routeOf(r.hops, ROUTE_STEPS)), cellText(r.steps[r.steps.length - 1] ?? '')]),
  },
];

function timeline(w: Writer, scenario: ScenarioReport): void {
  const t = scenario.timeline;
  const h = timelineHeight(t, 86);
  w.h2('Timeline', h + 20);
  w.doc.save();
  w.doc.translate(w.left, w.y);
  drawPrimitives(w, timelinePrimitives(t, w.width, h));
  w.doc.restore();
  w.y += h;
  // The legend: the break, each effect, and how to read the axis.
  let x = w.left;
  const items: [string, string, Parameters<typeof marker>[1]][] = [
    ['Break', BREAK_COLOR, BREAK_GLYPH],
    ...EFFECTS.map((e): [string, string, Parameters<typeof marker>[1]] => [EFFECT_STYLES[e].label, EFFECT_STYLES[e].color, EFFECT_STYLES[e].glyph]),
    ...[...new Set(scenario.responses.map((r) => r.action))].map((a): [string, string, Parameters<typeof marker>[1]] => [RESPONSE_INFO[a].title, RESPONSE_COLOR, RESPONSE_LOOK.glyphs[a]]),
  ];
  for (const [label, color, glyph] of items) {
    marker(w, glyph, color, x, w.y + 2.5, 7);
    w.textAt(label, x + 10, w.y, 80, T.small);
    x += 10 + w.fonts.width(label, 7.5, false) + 10;
  }
  // How to read the axis: after the marks when it fits there, else on a line of its own.
  const note = 'Hours after the break, on a logarithmic scale.';
  if (x + w.fonts.width(note, 7.5, false) > w.left + w.width) {
    x = w.left;
    w.y += 10.5;
  }
  w.textAt(note, x, w.y, w.left + w.width - x, T.small);
  w.y += 10.5 + 6;
  w.bullets(t.notes);
}

export function drawScenarioIntro(w: Writer, scenario: ScenarioReport): void {
  const t = scenario.timeline;
  const security = scenario.counts.control + scenario.counts.write + scenario.counts.read > 0;
  w.callout([scenario.headline]);
  w.stats([
    { value: formatPercent(scenario.exposure), label: 'exposure', tone: C.accent },
    { value: formatScore(scenario.score), label: 'score' },
    { value: String(scenario.impactedNodes), label: 'nodes reached' },
    { value: !security ? 'n/a' : t.detectedAt === null ? 'never' : formatAt(t.detectedAt), label: security ? 'detected' : 'detected (no attacker)' },
    { value: t.exposureWindow === null ? (security ? 'open' : '—') : formatHours(t.exposureWindow), label: 'exposure window' },
  ]);
  w.paragraph(EFFECTS.map((e) => `${scenario.counts[e]} ${e}`).join(' · '), T.small, 4);
  w.h2('What broke');
  for (const b of scenario.breaks) {
    w.paragraph([{ text: b.modeTitle, bold: true }, { text: `: ${b.label} (${KIND_STYLES[b.kind].noun}): ${b.meaning}.` }], T.body, 1);
    w.ensure(12);
    w.y += w.chips(b.tags, w.left, w.y, w.width, true) + 5;
  }
  if (scenario.responses.length) {
    w.h2('Responses');
    w.bullets(scenario.responses.map((r) => r.text));
  }
  if (scenario.prevented.length) {
    w.h2('Prevented breaks');
    w.bullets(scenario.prevented.map((p) => `${p.mode} of ${p.label}: ${p.reason}.`));
  }
  if (scenario.patches.length || scenario.removed.length) {
    w.h2('What-if changes in this scenario');
    w.bullets([...scenario.patches, ...scenario.removed.map((r) => `removed: ${r}`)]);
  }
  timeline(w, scenario);
}

export function drawImpacts(w: Writer, scenario: ScenarioReport, number: string, withTitle = true): void {
  if (withTitle) scenarioTitle(w, number, scenario);
  w.h2('Impacts and their paths');
  if (scenario.impacts.length) {
    const compact = scenario.impacts.length > COMPACT_IMPACTS;
    w.paragraph(
      `In the order they happen. Points = criticality × the effect's weight; they add up to the score of ${formatScore(scenario.score)}. ${
        compact
          ? `Each path runs from the break to the node through the edges named, its middle shortened when long; with ${scenario.impacts.length} impacts the full paths, step by step, are in the HTML and Markdown reports.`
          : 'Each path runs from the break to the node; the sentence is its last step, and the steps before it are the rows of the nodes on the way.'
      }`,
      T.small,
      6,
    );
    table(w, impactColumns(compact), scenario.impacts);
  } else w.paragraph('Nothing is reached.', T.muted);
  w.h2('Silent outages', 14);
  if (scenario.silent.length) {
    w.bullets(scenario.silent.map((r) => `${r.label} goes ${r.effect} ${formatAt(r.at)} and nothing notices: no health check on this ${KIND_STYLES[r.kind].noun}.`));
  } else {
    w.paragraph(
      scenario.counts.down + scenario.counts.degraded ? 'None: a health check notices every outage in this scenario.' : 'None: nothing goes down in this scenario.',
      T.muted,
    );
  }
}
