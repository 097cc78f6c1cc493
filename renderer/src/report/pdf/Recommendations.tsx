/** 5. Recommendations: choke points ranked by the score they remove, each with the failure mode it closes. */
import { formatScore } from '../../../../shared/report/format.ts';
import type { Recommendation, RecommendationsSection } from '../../../../shared/report/types.ts';
import type { Block } from './flow.tsx';
import { blocks } from './flow.tsx';
import type { Column } from './table.tsx';
import { cellBold, cellSmall, cellText } from './table.tsx';
import { C } from './theme.ts';

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

/** The recommendations as blocks, so a long list flows onto numbered pages like the other tables. */
export function recommendationBlocks(
  section: RecommendationsSection,
  width: number,
  /** Scenario id → how the report numbers it ("3.2"), for the score changes. */
  numbers: ReadonlyMap<string, string>,
): Block[] {
  const muted = { color: C.muted };
  return [
    blocks.paragraph(
      `Every edge that carried an impact was simulated again without it, and with its control applied where its kind has one (approval, verification, constraint, binding, one step less access). The fixes below remove the most score across the scenarios of this report; ${section.considered} candidates were tried. Under each cut, the score of each scenario it changes, before and after.`,
      width,
      muted,
    ),
    ...(section.items.length
      ? blocks.table(columns(numbers), section.items, width)
      : [blocks.paragraph("No single fix reduces any scenario's score.", width, muted)]),
    ...(section.backfires.length
      ? [
          blocks.h2('Fixes that backfire', width),
          blocks.paragraph(
            'These make a scenario worse: they keep the attacker away from a monitored node, so detection comes later and the attacker reaches more elsewhere.',
            width,
          ),
          ...section.backfires.map((b) =>
            blocks.paragraph(`• ${b.fixTitle} on ${b.edgeText}: +${formatScore(-b.reduction)} points${b.reason ? ` (${b.reason})` : ''}.`, width, {
              gap: 3,
            }),
          ),
        ]
      : []),
  ];
}
