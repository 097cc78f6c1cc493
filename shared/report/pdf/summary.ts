/** 1. Executive summary: the page a reader who reads one page reads. */
import type { ScenarioRankRow, SummarySection } from '../index.ts';
import { EFFECT_STYLES, formatAt, formatPercent, formatScore, SEVERITY_COLORS } from '../index.ts';
import { marker } from './shapes.ts';
import type { Column } from './table.ts';
import { cellBold, cellText, table } from './table.ts';
import { C, T } from './theme.ts';
import type { Writer } from './writer.ts';

export function drawSummary(w: Writer, summary: SummarySection): void {
  const t = summary.totals;
  const max = Math.max(0, ...summary.scenarios.map((r) => r.exposure));
  const columns: Column<ScenarioRankRow>[] = [
    { title: '#', width: 5, cell: (r) => [cellText(String(r.rank))] },
    { title: 'Scenario', width: 37, cell: (r) => [cellBold(r.name)] },
    { title: 'Exposure', width: 30, cell: (r) => [{ kind: 'bar', share: r.exposure, max, text: formatPercent(r.exposure) }] },
    { title: 'Score', width: 9, align: 'right', cell: (r) => [cellText(formatScore(r.score))] },
    { title: 'Reached', width: 9, align: 'right', cell: (r) => [cellText(String(r.impactedNodes))] },
    { title: 'Detected', width: 10, align: 'right', cell: (r) => [cellText(!r.attacker ? 'n/a' : r.detectedAt === null ? 'never' : formatAt(r.detectedAt))] },
  ];
  const serious = t.findings.critical + t.findings.high;
  w.callout(summary.headline);
  w.stats([
    { value: String(t.scenarios), label: 'scenarios simulated' },
    { value: String(t.impactedNodes), label: `of ${t.nodes} nodes reached` },
    {
      value: t.attackedScenarios === t.scenarios ? String(t.undetectedScenarios) : `${t.undetectedScenarios} of ${t.attackedScenarios}`,
      label: t.attackedScenarios === t.scenarios ? 'scenarios never detected' : 'with an attacker never detected',
      tone: t.undetectedScenarios ? C.accent : undefined,
    },
    { value: String(t.silentOutages), label: 'silent outages' },
    { value: String(t.findingsTotal), label: `findings, ${serious} critical or high`, tone: serious ? SEVERITY_COLORS.high : undefined },
  ]);
  w.h2('Scenarios ranked by exposure');
  if (summary.scenarios.length) table(w, columns, summary.scenarios);
  else w.paragraph('No scenarios in this report.', T.muted);
  drawWorstAndFixes(w, summary);
}

const H2_ROOM = 16 + 13 * 1.25 + 6;

/**
 * The worst impacts and the top fixes, as many as keep the summary on one page: worst impacts give way first
 * (down to two), then fixes (down to one). The full lists are in the scenario and recommendation sections.
 */
function drawWorstAndFixes(w: Writer, summary: SummarySection): void {
  const several = summary.scenarios.length > 1;
  const rankOf = new Map(summary.scenarios.map((r) => [r.id, r.rank]));
  const worst = summary.worst.map((item) => {
    const spans = [{ text: item.sentence }, ...(several ? [{ text: ` Scenario ${rankOf.get(item.scenarioId)}.`, color: C.muted }] : [])];
    return { item, spans, height: w.height(spans, T.body, w.width - 12) + 4 };
  });
  const inner = w.width - 18 - 72;
  const fixes = summary.topFixes.map((fix) => {
    const over = fix.scenarioCount > 1 ? ` Summed over ${fix.scenarioCount} scenarios.` : '';
    const head = [{ text: `${fix.fixTitle} `, bold: true, color: C.ink }, { text: `(${fix.edgeText}).${over}` }];
    return { fix, head, height: 10 + w.height(head, T.body, inner) + w.height(fix.closes, T.small, inner) };
  });
  // Stolen secrets whose copy died before carrying anything: set apart, after the worst impacts, in small type.
  const dead = summary.deadCopies.length ? `Stolen, but dead before they carried anything: ${summary.deadCopies.map((d) => d.sentence).join(' ')}` : '';
  const deadHeight = dead ? w.height(dead, T.small, w.width) + 6 : 0;
  const sum = (xs: readonly { height: number }[]) => xs.reduce((a, x) => a + x.height, 0);
  const room = w.bottom - w.y;
  const need = (nw: number, nf: number) => (nw ? H2_ROOM + sum(worst.slice(0, nw)) + deadHeight : 0) + (nf ? H2_ROOM + sum(fixes.slice(0, nf)) : 0);
  let nw = worst.length;
  let nf = fixes.length;
  while (need(nw, nf) > room && nw > Math.min(2, worst.length)) nw--;
  while (need(nw, nf) > room && nf > Math.min(1, fixes.length)) nf--;
  if (nw) {
    w.h2('Worst impacts', worst[0].height);
    for (const { item, spans, height } of worst.slice(0, nw)) {
      w.ensure(height);
      const st = EFFECT_STYLES[item.effect];
      marker(w, st.glyph, st.color, w.left, w.y + 3, 7);
      w.textAt(spans, w.left + 12, w.y, w.width - 12, T.body);
      w.y += height;
    }
    if (dead) {
      w.ensure(deadHeight);
      w.y += w.textAt(dead, w.left, w.y + 2, w.width, T.small) + 6;
    }
  }
  if (nf) {
    w.h2(`Top ${nf === 1 ? 'fix' : `${nf} fixes`}`, fixes[0].height);
    fixes.slice(0, nf).forEach(({ fix, head, height }, i) => {
      w.ensure(height);
      if (i > 0) w.rule(0.5, C.rule);
      const y = w.y + 5;
      w.textAt(String(i + 1), w.left, y, 18, { size: 13, bold: true, color: C.accent, lh: 1.2 });
      const used = w.textAt(head, w.left + 18, y, inner, T.body);
      w.textAt(fix.closes, w.left + 18, y + used, inner, T.small);
      w.textAt(`−${formatScore(fix.reduction)}`, w.left + w.width - 64, y, 64, { size: 12, bold: true, color: C.ink, lh: 1.2, align: 'right' });
      w.textAt('points', w.left + w.width - 64, y + 14.4, 64, { ...T.small, align: 'right' });
      w.y += height;
    });
  }
}
