/** 5. Recommendations: choke points ranked by the score they remove, each with the failure mode it closes. */
import { formatScore } from '../../../../shared/report/format.ts';
import type { Recommendation, RecommendationsSection } from '../../../../shared/report/types.ts';
import type { Column } from './table.ts';
import { cellBold, cellSmall, cellText, table } from './table.ts';
import { T } from './theme.ts';
import type { Writer } from './writer.ts';

const columns = (numbers: ReadonlyMap<string, string>): Column<Recommendation>[] => [
  { title: '#', width: 5, cell: (r) => [{ kind: 'weak', text: String(r.rank) }] },
  {
    title: 'Fix',
    width: 43,
    // "Remove" says it all with the edge; the other fixes say how (binding, approval, one level less access).
    cell: (r) => [cellBold(r.fixTitle), cellText(r.edgeText), ...(r.fix === 'remove' ? [] : [cellSmall(r.description)])],
  },
  {
    title: 'Cuts',
    width: 16,
    align: 'right',
    cell: (r) => [
      cellBold(`−${formatScore(r.reduction)}`),
      ...r.scenarios
        .filter((sc) => sc.reduction !== 0)
        .map((sc) => cellSmall(`${numbers.get(sc.id) ?? sc.name}: ${formatScore(sc.scoreBefore)} → ${formatScore(sc.scoreAfter)}`)),
    ],
  },
  { title: 'Closes', width: 36, cell: (r) => [cellText(r.closes)] },
];

export function drawRecommendations(
  w: Writer,
  section: RecommendationsSection,
  /** Scenario id → how the report numbers it ("3.2"), for the score changes. */
  numbers: ReadonlyMap<string, string>,
): void {
  w.paragraph(
    `Every edge that carried an impact was simulated again without it, and with its control applied where its kind has one (approval, verification, constraint, binding, one step less access). The fixes below remove the most score across the scenarios of this report; ${section.considered} candidates were tried. Under each cut, the score of each scenario it changes, before and after.`,
    T.muted,
  );
  if (section.items.length) table(w, columns(numbers), section.items);
  else w.paragraph("No single fix reduces any scenario's score.", T.muted);
  if (section.backfires.length) {
    w.h2('Fixes that backfire');
    w.paragraph(
      'These make a scenario worse: they keep the attacker away from a monitored node, so detection comes later and the attacker reaches more elsewhere.',
    );
    w.bullets(section.backfires.map((b) => `${b.fixTitle} on ${b.edgeText}: +${formatScore(-b.reduction)} points${b.reason ? ` (${b.reason})` : ''}.`));
  }
}
