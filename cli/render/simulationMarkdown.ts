/** The Markdown summary of a simulation: score, exposure, detection, and every impact with its path. */
import type { MonteCarloResult } from '../../shared/analysis/montecarlo.ts';
import { EFFECTS } from '../../shared/domain/kinds.ts';
import type { Model } from '../../shared/domain/schema.ts';
import { explainPath } from '../../shared/engine/explain.ts';
import type { ScenarioInput } from '../../shared/engine/simulate.ts';
import type { SimulationResult } from '../../shared/engine/types.ts';
import { md } from '../../shared/report/markdown.ts';
import { hours, percent, score } from '../output.ts';
import { namesOf } from './names.ts';

const PREVENTED: Record<SimulationResult['prevented'][number]['reason'], string> = {
  autoRenew: 'the secret renews itself (autoRenew), so it never expires',
};

export function simulationMarkdown(model: Model, scenario: ScenarioInput, result: SimulationResult): string {
  const names = namesOf(model);
  const { summary, detection } = result;
  const lines = [
    `# ${md(names.scenario(scenario))}`,
    '',
    `Model: ${md(model.name)}`,
    '',
    `Breaks: ${result.scenario.breaks.map((b) => `**${b.mode}** ${md(names.node(b.node))}`).join(', ')}`,
  ];
  for (const p of result.prevented) lines.push('', `Prevented: **${p.mode}** ${md(names.node(p.node))}: ${PREVENTED[p.reason]}`);
  const detected =
    detection.detectedAt === null
      ? 'not detected (no monitored node reached)'
      : `detected at ${hours(detection.detectedAt)}, contained at ${detection.containedAt === null ? 'never' : hours(detection.containedAt)}`;
  lines.push(
    '',
    `- Score: **${score(summary.score)}**`,
    `- Exposure: **${percent(summary.exposure)}** of the model's worth`,
    `- Detection: ${detected}`,
    `- Impacts: ${EFFECTS.map((e) => `${summary.counts[e] ?? 0} ${e}`).join(', ')}`,
    '',
    '## Impacts',
    '',
  );
  if (result.impacts.length === 0) {
    lines.push('Nothing is reached.');
    return lines.join('\n') + '\n';
  }
  lines.push('| At | Node | Effect | Path |', '|---:|---|---|---|');
  for (const impact of result.impacts) {
    const path = explainPath(model, result, impact.node, impact.effect, scenario)
      .map((step) => step.sentence)
      .join(' → ');
    const effect = impact.silent ? `${impact.effect} (silent)` : impact.effect;
    lines.push(`| ${hours(impact.at)} | ${md(names.node(impact.node))} | ${effect} | ${md(path)} |`);
  }
  return lines.join('\n') + '\n';
}

/** Monte Carlo shares: one row per node reached in any run, one column per effect. */
export function monteCarloMarkdown(model: Model, scenario: ScenarioInput, mc: MonteCarloResult): string {
  const names = namesOf(model);
  const rows = Object.entries(mc.nodes)
    .map(([node, shares]) => ({ node, shares, top: Math.max(0, ...Object.values(shares).map((v) => v ?? 0)) }))
    .sort((a, b) => b.top - a.top || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const lines = [
    `# ${md(names.scenario(scenario))}: probabilistic`,
    '',
    `Model: ${md(model.name)}. ${mc.runs} runs, seed ${mc.seed}; each run keeps each edge with its likelihood.`,
    '',
  ];
  if (rows.length === 0) return [...lines, 'Nothing is reached in any run.', ''].join('\n');
  lines.push(`| Node | ${EFFECTS.join(' | ')} |`, `|---|${EFFECTS.map(() => '---:').join('|')}|`);
  for (const { node, shares } of rows) {
    const cells = EFFECTS.map((e) => (shares[e] === undefined ? '' : percent(shares[e] ?? 0)));
    lines.push(`| ${md(names.node(node))} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
