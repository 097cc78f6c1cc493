/** Chokepoints as Markdown: the single fixes that cut the blast radius most, best first, each worded as what to change on what. */
import type { Chokepoint } from '../../shared/analysis/index.ts';
import type { Model } from '../../shared/domain/index.ts';
import type { ScenarioInput } from '../../shared/engine/index.ts';
import { md } from '../../shared/report/index.ts';
import { score } from '../output.ts';
import { namesOf } from './names.ts';
import { textTable } from './textTable.ts';

const NOTHING = 'No single fix changes the score: nothing was reached beyond the breaks, or every fix leaves the same radius.';
const ABOUT = 'Each row is one fix on its own, simulated again; fixes that change nothing are not listed.';

/** The row's cells: fix, where, change, score after, reduction, note. */
function rows(model: Model, points: readonly Chokepoint[]): string[][] {
  const names = namesOf(model);
  const where = (p: Chokepoint) =>
    p.fix === 'respond-faster' ? 'the scenario' : p.node !== null && p.fix !== 'bound' ? names.node(p.node) : p.edge !== null ? names.edge(p.edge) : '';
  return points.map((p) => [
    p.description,
    where(p),
    p.change,
    score(p.scoreAfter),
    score(p.reduction),
    p.reason ?? (p.closes ? 'closes it: nothing beyond the breaks' : ''),
  ]);
}

export function chokepointsMarkdown(model: Model, scenario: ScenarioInput, points: readonly Chokepoint[]): string {
  const lines = [`# Chokepoints: ${md(namesOf(model).scenario(scenario))}`, '', `Model: ${md(model.name)}`, ''];
  if (points.length === 0) return [...lines, NOTHING].join('\n') + '\n';
  lines.push(
    `Score before any fix: **${score(points[0].scoreBefore)}**. ${ABOUT}`,
    '',
    '| # | Fix | Where | Change | Score after | Reduction | Note |',
    '|---:|---|---|---|---:|---:|---|',
  );
  rows(model, points).forEach((r, i) => lines.push(`| ${i + 1} | ${r.map(md).join(' | ')} |`));
  return lines.join('\n') + '\n';
}

export function chokepointsText(model: Model, scenario: ScenarioInput, points: readonly Chokepoint[]): string {
  const lines = [`Chokepoints: ${namesOf(model).scenario(scenario)}`, `Model: ${model.name}`, ''];
  if (points.length === 0) return [...lines, NOTHING].join('\n') + '\n';
  lines.push(`Score before any fix: ${score(points[0].scoreBefore)}. ${ABOUT}`, '');
  const numbered = rows(model, points).map((r, i) => [String(i + 1), ...r]);
  lines.push(...textTable(['#', 'Fix', 'Where', 'Change', 'After', 'Cut', 'Note'], numbered, [0, 4, 5]));
  return lines.join('\n') + '\n';
}
