/** 5. Recommendations: choke points ranked by the score they remove, each with the failure mode it closes. */
import type { Recommendation, RecommendationsSection } from '../index.ts';
import { formatScore, moreFixesText } from '../index.ts';
import type { Column } from './table.ts';
import { cellBold, cellSmall, cellText, table } from './table.ts';
import { T } from './theme.ts';
import type { Writer } from './writer.ts';

const columns = (numbers: ReadonlyMap<string, string>): Column<Recommendation>[] => [
  { title: '#', width: 5, cell: (r) => [{ kind: 'weak', text: String(r.rank) }] },
  {
    title: 'Fix',
    width: 43,
    // "Take CI token out of Build log" says it all with the edge; the other fixes also say the change in the model.
    cell: (r) => [cellBold(r.fixTitle), cellText(r.edgeText), ...(r.fix === 'remove' ? [] : [cellSmall(r.description)])],
  },
  {
    title: 'Cuts',
    width: 16,
    align: 'right',
    cell: (r) => [
      cellBold(`−${formatScore(r.reduction)}`),
      ...(r.scenarioCount > 1 ? [cellSmall(`over ${r.scenarioCount} scenarios`)] : []),
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
    `Every edge that carried an impact was simulated again without it, and with its control applied where its kind has one (approval, verification, constraint, binding, one step less access); so were the fixes teams make after an incident: short-lived credentials, monitoring, and a response within 24 h. The fixes below remove the most score across the scenarios of this report (a scenario that only restates another counts once); ${section.considered} candidates changed a score. Under each cut, the score of each scenario it changes, before and after.`,
    T.muted,
  );
  if (section.items.length) table(w, columns(numbers), section.items);
  else w.paragraph("No single fix reduces any scenario's score.", T.muted);
  if (section.more > 0) w.paragraph(moreFixesText(section.more), T.muted);
  if (section.backfires.length) {
    w.h2('Fixes that backfire');
    w.paragraph(
      'These make a scenario worse, each for the reason given: most keep the attacker away from a monitored node, so detection comes later and the attacker reaches more elsewhere.',
    );
    w.bullets(section.backfires.map((b) => `${b.fixTitle} (${b.edgeText}): +${formatScore(-b.reduction)} points${b.reason ? ` (${b.reason})` : ''}.`));
  }
}
