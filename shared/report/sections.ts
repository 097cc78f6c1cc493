/** The findings section and the appendix: the parts of the report that need no simulation. */
import type { Finding } from '../analysis/findings.ts';
import { SEVERITIES } from '../analysis/findings.ts';
import { BREAK_INFO, BREAK_MODES, EFFECTS } from '../domain/kinds.ts';
import type { Model } from '../domain/schema.ts';
import { DEFAULT_DELAY_HOURS, DEFAULT_RESPONSE_HOURS } from '../domain/schema.ts';
import type { ScenarioInput } from '../engine/simulate.ts';
import { formatHours, listWords } from './format.ts';
import { NIST_CSF, OWASP_LLM, OWASP_NHI, compareIds, frameworkName } from './frameworks.ts';
import { EFFECT_STYLES } from './style.ts';
import type { AppendixSection, FindingsSection, FrameworkRef } from './types.ts';
import type { Labels } from './words.ts';
import { scenarioName } from './words.ts';

function countIds(findings: readonly Finding[], pick: (f: Finding) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) for (const id of new Set(pick(f))) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

const refs = (counts: Map<string, number>, names: Record<string, string>): FrameworkRef[] =>
  [...counts.entries()]
    .map(([id, count]) => ({ id, name: names[id] ?? '', count }))
    .sort((a, b) => compareIds(a.id, b.id));

export function findingsSection(findings: readonly Finding[], labels: Labels): FindingsSection {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  const groups = SEVERITIES.map((severity) => ({
    severity,
    items: findings
      .filter((f) => f.severity === severity)
      .map((f) => ({
        id: f.id,
        rule: f.rule,
        severity: f.severity,
        title: f.title,
        message: f.message,
        nodes: f.nodes.map((n) => labels.node(n)),
        owasp: [...f.owasp].sort(compareIds),
        llm: [...f.llm].sort(compareIds),
        csf: [...f.csf].sort(compareIds),
      })),
  })).filter((g) => g.items.length > 0);
  const owasp = countIds(findings, (f) => f.owasp);
  return {
    total: findings.length,
    counts,
    groups,
    coverage: {
      // Every entry of the NHI Top 10, found or not: the reader sees what the model is clear of too.
      owasp: Object.keys(OWASP_NHI).map((id) => ({ id, name: OWASP_NHI[id], count: owasp.get(id) ?? 0 })),
      llm: refs(countIds(findings, (f) => f.llm), OWASP_LLM),
      csf: refs(countIds(findings, (f) => f.csf), NIST_CSF),
    },
  };
}

export function appendixSection(
  model: Model,
  scenarios: readonly ScenarioInput[],
  findings: readonly Finding[],
  labels: Labels,
): AppendixSection {
  const monitored = model.nodes.filter((n) => n.props.monitored);
  const response = scenarios.map((s) => ({ name: scenarioName(s), hours: s.params?.responseHours ?? DEFAULT_RESPONSE_HOURS }));
  const distinct = [...new Set(response.map((r) => r.hours))];
  const responseText =
    distinct.length <= 1
      ? `${formatHours(distinct[0] ?? DEFAULT_RESPONSE_HOURS)} in ${scenarios.length > 1 ? 'every scenario' : 'the scenario'}`
      : response.map((r) => `${r.name}: ${formatHours(r.hours)}`).join('; ');
  const delays = Object.entries(DEFAULT_DELAY_HOURS)
    .filter(([, h]) => h > 0)
    .map(([k, h]) => `${k} ${formatHours(h)}`);
  const cited = new Set<string>([
    ...findings.flatMap((f) => [...f.owasp, ...f.llm, ...f.csf]),
    ...scenarios.flatMap((s) => s.breaks.flatMap((b) => BREAK_INFO[b.mode].tags.map((t) => t.replace(/^(OWASP|CSF) /, '')))),
  ]);
  return {
    effects: EFFECTS.map((effect) => ({
      effect,
      label: EFFECT_STYLES[effect].label,
      meaning: EFFECT_STYLES[effect].meaning,
      weight: EFFECT_STYLES[effect].weight,
    })),
    score: [
      "Each impact scores the node's criticality (1 to 5) times the effect's weight: control 1.0, write 0.6, read 0.4, down 0.8, degraded 0.3.",
      "A node counts once for its highest security effect and once for its availability effect; the scenario's score is the sum.",
    ],
    exposure: [
      "Exposure is the score divided by 1.8 × the sum of every node's criticality: the share of the model's worth the scenario reaches, from 0% to 100%.",
      '1.8 is the most one node can score: controlled (1.0) and down (0.8).',
    ],
    breakModes: BREAK_MODES.map((mode) => ({
      mode,
      title: BREAK_INFO[mode].title,
      meaning: BREAK_INFO[mode].meaning,
      tags: [...BREAK_INFO[mode].tags],
    })),
    assumptions: [
      {
        name: 'Response time',
        value: responseText,
        source: 'Default 27 days: the average time to remediate a leaked secret (NHIMG); Verizon DBIR 2025 reports a 94-day median.',
      },
      {
        name: 'Detection',
        value: monitored.length
          ? `${monitored.length} of ${model.nodes.length} nodes are monitored (${listWords(monitored.slice(0, 6).map((n) => labels.node(n.id)))}${monitored.length > 6 ? ', …' : ''}); each detects a security effect after its detectHours (default 1 h).`
          : 'No node is monitored: no break is ever detected or contained.',
        source: 'The model: monitored and detectHours on each node.',
      },
      {
        name: 'Criticality',
        value: 'Default 3; a data store defaults to its sensitivity: public 1, internal 2, confidential 4, restricted 5.',
        source: 'Faultline domain defaults.',
      },
      {
        name: 'Edge delays',
        value: `Unless an edge says otherwise: ${delays.join(', ')}; other kinds act at once.`,
        source: 'Faultline domain defaults (domain.md §4).',
      },
      {
        name: 'Stolen copies',
        value: 'A stolen secret is usable for min(ttlHours, rotationDays × 24) hours, and only until the first rotation after it was taken; a bound secret is useless without its holder; whoever controls a holder gets every new copy.',
        source: 'Faultline domain rules (domain.md §5).',
      },
      {
        name: 'Invalid credentials',
        value: 'An expired or revoked secret or identity, or a secret whose issuer stopped renewing it, carries nothing from then on, for the attacker and its holders alike; a vault outage does not stop a copy already taken.',
        source: 'Faultline domain rules (domain.md §5, §6).',
      },
      {
        name: 'Reference date',
        value: model.asOf ? `${model.asOf}: certificate expiry and review-age findings are measured from it.` : 'Not set: findings that depend on dates are skipped.',
        source: "The model's asOf.",
      },
    ],
    frameworks: [...cited]
      .filter((id) => frameworkName(id))
      .sort(compareIds)
      .map((id) => ({ id, name: frameworkName(id) })),
  };
}
