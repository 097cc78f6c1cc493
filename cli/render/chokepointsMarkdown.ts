/** Chokepoints as Markdown: the single fixes that cut the blast radius most, best first, each worded as what to change on what. */
import type { Chokepoint } from '../../shared/analysis/chokepoints.ts';
import type { Model } from '../../shared/domain/schema.ts';
import type { ScenarioInput } from '../../shared/engine/simulate.ts';
import { cell, score } from '../output.ts';
import { namesOf } from './names.ts';

export function chokepointsMarkdown(model: Model, scenario: ScenarioInput, points: readonly Chokepoint[]): string {
  const names = namesOf(model);
  const lines = [`# Chokepoints: ${cell(names.scenario(scenario))}`, '', `Model: ${model.name}`, ''];
  if (points.length === 0) {
    lines.push('No single fix changes the score: nothing was reached beyond the breaks, or every fix leaves the same radius.');
    return lines.join('\n') + '\n';
  }
  const where = (p: Chokepoint) =>
    p.fix === 'respond-faster' ? 'the scenario' : p.node !== null && p.fix !== 'bound' ? names.node(p.node) : p.edge !== null ? names.edge(p.edge) : '';
  lines.push(
    `Score before any fix: **${score(points[0].scoreBefore)}**. Each row is one fix on its own, simulated again; fixes that change nothing are not listed.`,
    '',
    '| # | Fix | Where | Change | Score after | Reduction | Note |',
    '|---:|---|---|---|---:|---:|---|',
  );
  points.forEach((p, i) => {
    const note = p.reason ?? (p.closes ? 'closes it: nothing beyond the breaks' : '');
    lines.push(
      `| ${i + 1} | ${cell(p.description)} | ${cell(where(p))} | ${cell(p.change)} | ${score(p.scoreAfter)} | ${score(p.reduction)} | ${cell(note)} |`,
    );
  });
  return lines.join('\n') + '\n';
}
