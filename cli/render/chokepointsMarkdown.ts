/** Chokepoints as Markdown: the single fixes that cut the blast radius most, best first. */
import type { Chokepoint } from '../../shared/analysis/chokepoints.ts';
import type { Model } from '../../shared/domain/schema.ts';
import type { ScenarioInput } from '../../shared/engine/simulate.ts';
import { md } from '../../shared/report/markdown.ts';
import { score } from '../output.ts';
import { namesOf } from './names.ts';

export function chokepointsMarkdown(model: Model, scenario: ScenarioInput, points: readonly Chokepoint[]): string {
  const names = namesOf(model);
  const lines = [`# Chokepoints: ${md(names.scenario(scenario))}`, '', `Model: ${md(model.name)}`, ''];
  if (points.length === 0) {
    lines.push('No edge carried an impact: there is nothing to cut.');
    return lines.join('\n') + '\n';
  }
  lines.push(
    `Score before any fix: **${score(points[0].scoreBefore)}**. Each row is one fix on its own, simulated again.`,
    '',
    '| # | Fix | Edge | Score after | Reduction | Note |',
    '|---:|---|---|---:|---:|---|',
  );
  points.forEach((p, i) => {
    lines.push(
      `| ${i + 1} | ${md(p.description)} | ${md(names.edge(p.edge))} | ${score(p.scoreAfter)} | ${score(p.reduction)} | ${md(p.reason ?? '')} |`,
    );
  });
  return lines.join('\n') + '\n';
}
