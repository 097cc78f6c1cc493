/** The summary of a simulation, as Markdown or terminal text: score, exposure, detection, responses, and every impact with its path. */
import type { MonteCarloResult } from '../../shared/analysis/index.ts';
import { deadCopies, deadCopyText } from '../../shared/analysis/index.ts';
import type { Model } from '../../shared/domain/index.ts';
import { EFFECTS } from '../../shared/domain/index.ts';
import type { ScenarioInput, SimulationResult } from '../../shared/engine/index.ts';
import { explainPath } from '../../shared/engine/index.ts';
import { formatHours, formatPercent } from '../../shared/format.ts';
import { md, PATH_JOIN } from '../../shared/report/index.ts';
import { score } from '../output.ts';
import type { Names } from './names.ts';
import { namesOf } from './names.ts';
import { textTable } from './textTable.ts';

const PREVENTED: Record<SimulationResult['prevented'][number]['reason'], string> = {
  autoRenew: 'the secret renews itself (autoRenew), so it never expires',
};

interface Summary {
  title: string;
  breaks: string[];
  prevented: string[];
  responses: string[];
  facts: [string, string][];
  rows: { at: string; node: string; effect: string; path: string }[];
}

/** What both forms say, in words; each form adds its own marks. */
/** How a form marks text: bold, and escaping of labels (Markdown's md(); nothing for a terminal). */
interface Marks {
  strong(s: string): string;
  esc(s: string): string;
}

function summarise(model: Model, scenario: ScenarioInput, result: SimulationResult, names: Names, { strong, esc }: Marks): Summary {
  const { summary, detection } = result;
  const security = result.impacts.some((i) => i.effect === 'control' || i.effect === 'write' || i.effect === 'read');
  const detected =
    detection.detectedAt !== null
      ? `detected at ${formatHours(detection.detectedAt)}${detection.detectedBy ? ` by ${esc(names.node(detection.detectedBy))}` : ''}, contained at ${detection.containedAt === null ? 'never' : formatHours(detection.containedAt)}`
      : security
        ? 'not detected (no monitored node reached)'
        : 'does not apply (no attacker: availability only)';
  const dead = deadCopies(result);
  return {
    title: names.scenario(scenario),
    breaks: result.scenario.breaks.map((b) => `${strong(b.mode)} ${esc(names.node(b.node))}`),
    prevented: result.prevented.map((p) => `${strong(p.mode)} ${esc(names.node(p.node))}: ${PREVENTED[p.reason]}`),
    responses: result.scenario.responses.map((r) => `${strong(r.action)} ${esc(names.node(r.node))} at ${formatHours(r.at)}`),
    facts: [
      ['Score', strong(score(summary.score))],
      ['Exposure', `${strong(formatPercent(summary.exposure))} of the model's worth`],
      ['Detection', detected],
      ['Impacts', EFFECTS.map((e) => `${summary.counts[e] ?? 0} ${e}`).join(', ')],
    ],
    rows: result.impacts.map((impact) => {
      const until = dead.get(impact.node);
      const note = impact.silent ? ' (silent)' : until !== undefined && impact.effect === 'control' ? ` (${deadCopyText(until)})` : '';
      return {
        at: formatHours(impact.at),
        node: names.node(impact.node),
        effect: `${impact.effect}${note}`,
        path: explainPath(model, result, impact.node, impact.effect, scenario)
          .map((step) => step.sentence)
          .join(PATH_JOIN),
      };
    }),
  };
}

export function simulationMarkdown(model: Model, scenario: ScenarioInput, result: SimulationResult): string {
  const names = namesOf(model);
  const s = summarise(model, scenario, result, names, { strong: (x) => `**${x}**`, esc: md });
  const lines = [`# ${md(s.title)}`, '', `Model: ${md(model.name)}`, '', `Breaks: ${s.breaks.join(', ')}`];
  for (const p of s.prevented) lines.push('', `Prevented: ${p}`);
  if (s.responses.length) lines.push('', `Responses: ${s.responses.join(', ')}`);
  lines.push('', ...s.facts.map(([k, v]) => `- ${k}: ${v}`), '', '## Impacts', '');
  if (s.rows.length === 0) {
    lines.push('Nothing is reached.');
    return lines.join('\n') + '\n';
  }
  lines.push('| At | Node | Effect | Path |', '|---:|---|---|---|');
  for (const r of s.rows) lines.push(`| ${r.at} | ${md(r.node)} | ${md(r.effect)} | ${md(r.path)} |`);
  return lines.join('\n') + '\n';
}

export function simulationText(model: Model, scenario: ScenarioInput, result: SimulationResult): string {
  const names = namesOf(model);
  const s = summarise(model, scenario, result, names, { strong: (x) => x, esc: (x) => x });
  const lines = [s.title, `Model: ${model.name}`, `Breaks: ${s.breaks.join(', ')}`];
  for (const p of s.prevented) lines.push(`Prevented: ${p}`);
  if (s.responses.length) lines.push(`Responses: ${s.responses.join(', ')}`);
  const width = Math.max(...s.facts.map(([k]) => k.length));
  lines.push(...s.facts.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`), '');
  if (s.rows.length === 0) lines.push('Nothing is reached.');
  else lines.push(...textTable(['At', 'Node', 'Effect', 'Path'], s.rows.map((r) => [r.at, r.node, r.effect, r.path]), [0]));
  return lines.join('\n') + '\n';
}

/** Monte Carlo shares: one row per node reached in any run, one column per effect. */
export function monteCarloMarkdown(model: Model, scenario: ScenarioInput, mc: MonteCarloResult, form: 'md' | 'text' = 'md'): string {
  const names = namesOf(model);
  const rows = Object.entries(mc.nodes)
    .map(([node, shares]) => ({ node, shares, top: Math.max(0, ...Object.values(shares).map((v) => v ?? 0)) }))
    .sort((a, b) => b.top - a.top || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const title = `${names.scenario(scenario)}: probabilistic`;
  const about = `Model: ${model.name}. ${mc.runs} runs, seed ${mc.seed}; each run keeps each edge with its likelihood.`;
  const cells = (shares: MonteCarloResult['nodes'][string]) => EFFECTS.map((e) => (shares[e] === undefined ? '' : formatPercent(shares[e] ?? 0)));
  if (form === 'text') {
    const lines = [title, about, ''];
    if (rows.length === 0) return [...lines, 'Nothing is reached in any run.', ''].join('\n');
    lines.push(...textTable(['Node', ...EFFECTS], rows.map(({ node, shares }) => [names.node(node), ...cells(shares)]), EFFECTS.map((_, i) => i + 1)));
    return lines.join('\n') + '\n';
  }
  const lines = [`# ${md(title)}`, '', md(about), ''];
  if (rows.length === 0) return [...lines, 'Nothing is reached in any run.', ''].join('\n');
  lines.push(`| Node | ${EFFECTS.join(' | ')} |`, `|---|${EFFECTS.map(() => '---:').join('|')}|`);
  for (const { node, shares } of rows) lines.push(`| ${md(names.node(node))} | ${cells(shares).join(' | ')} |`);
  return lines.join('\n') + '\n';
}
