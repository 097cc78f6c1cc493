/** The findings section and the appendix: the parts of the report that need no simulation. */
import type { Finding } from '../analysis/index.ts';
import { SEVERITIES } from '../analysis/index.ts';
import type { EdgeKind, Model } from '../domain/index.ts';
import { BREAK_INFO, BREAK_MODES, DEFAULT_DELAY_HOURS, DEFAULT_RESPONSE_HOURS, EFFECTS } from '../domain/index.ts';
import type { ScenarioInput } from '../engine/index.ts';
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

/** How each kind of step spreads, in words, for the report's "speed of spread" (kinds with a delay). */
const SPREAD_WORDS: Record<EdgeKind, string> = {
  'runs-as': 'a workload acts as its identity within',
  holds: 'a system uses a secret it holds within',
  contains: 'a secret is taken from where it is stored within',
  authenticates: 'a stolen credential is used to sign in within',
  assumes: 'an identity takes on another within',
  grants: 'access a credential grants is used within',
  calls: 'a service calls another within',
  invokes: 'an agent runs a tool within',
  instructs: 'an agent follows injected instructions within',
  'depends-on': 'a hijacked dependency reaches the software that uses it within',
  deploys: 'a compromised pipeline deploys within',
  trusts: 'a forged assertion is accepted within',
  'issued-by': 'a compromised issuer mints a forged credential within',
  signs: 'a stolen signing key forges what its issuer vouches for within',
};

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
  const delays = (Object.entries(DEFAULT_DELAY_HOURS) as [EdgeKind, number][])
    .filter(([, h]) => h > 0)
    .map(([k, h]) => `${SPREAD_WORDS[k]} ${formatHours(h)}`);
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
      'Every system the break reaches adds points: how critical the system is (rated 1 to 5) times how bad the outcome is, from 1.0 when an attacker controls it down to 0.3 when it only runs degraded (control 1.0, write 0.6, read 0.4, down 0.8, degraded 0.3).',
      "A system counts once for the worst an attacker can do to it, and once more if it stops or slows down; the scenario's score is the total.",
    ],
    exposure: [
      "Exposure is the share of everything the model holds that the scenario reaches, from 0% (nothing) to 100% (every system controlled and down): the score divided by the most all systems could score together.",
    ],
    breakModes: BREAK_MODES.map((mode) => ({
      mode,
      title: BREAK_INFO[mode].title,
      meaning: BREAK_INFO[mode].meaning,
      tags: [...BREAK_INFO[mode].tags],
    })),
    assumptions: [
      {
        name: 'Time to contain',
        value: `Once a breach is noticed, the team contains it within ${responseText}.`,
        source: 'Default 27 days: the average time to remediate a leaked secret (NHIMG); Verizon DBIR 2025 reports a 94-day median.',
      },
      {
        name: 'Monitoring',
        value: monitored.length
          ? `${monitored.length} of ${model.nodes.length} systems are monitored (${listWords(monitored.slice(0, 6).map((n) => labels.node(n.id)))}${monitored.length > 6 ? ', …' : ''}). An attacker who reaches one of them is noticed, by default within 1 hour.`
          : 'No system is monitored: no breach is ever noticed, so none is contained.',
        source: 'The model: which systems are monitored, and how fast each notices.',
      },
      {
        name: 'Criticality',
        value: 'Each system is rated from 1 (minor) to 5 (critical), 3 unless the model says otherwise; a data store is rated by how sensitive its data is: public 1, internal 2, confidential 4, restricted 5.',
        source: "Faultline's defaults.",
      },
      {
        name: 'Speed of spread',
        value: `Unless the model says otherwise: ${delays.join('; ')}. Every other step happens at once.`,
        source: "Faultline's defaults.",
      },
      {
        name: 'Stolen credentials',
        value: 'A stolen credential keeps working until it expires or is rotated, whichever comes first; a rotation ends every copy stolen before it. One bound to the machine that holds it (mutual TLS, proof of possession) is useless on its own. An attacker who controls a system holding a credential gets every new copy of it, however short-lived.',
        source: 'How Faultline models stolen secrets.',
      },
      {
        name: 'Invalid credentials',
        value: 'A credential that has expired or been revoked, or that its issuer stopped renewing, lets nobody in from then on: neither the attacker nor the systems that hold it. A vault going down does not stop a copy already stolen.',
        source: 'How Faultline models stolen secrets.',
      },
      {
        name: 'Reference date',
        value: model.asOf ? `${model.asOf}: certificate expiry and the age of access reviews are counted from this date.` : 'Not set: the checks that depend on dates (expiring certificates, stale access reviews) are skipped.',
        source: "The model's “as of” date.",
      },
    ],
    frameworks: [...cited]
      .filter((id) => frameworkName(id))
      .sort(compareIds)
      .map((id) => ({ id, name: frameworkName(id) })),
  };
}
