/**
 * `buildReport(model, scenarios, results, options) → ReportDocument`: the one report model every format draws
 * from. Pure: the results come from `simulate`; findings and choke points are computed here unless given.
 */
import type { Finding, Severity } from '../analysis/index.ts';
import { lintModel } from '../analysis/index.ts';
import type { Model } from '../domain/index.ts';
import type { ScenarioInput, SimulationResult } from '../engine/index.ts';
import { diagramViews, overlayOf, worldOf } from './diagram.ts';
import { formatHours, formatPercent, formatScore, plural, quote } from './format.ts';
import { inventory, kindCounts } from './inventory.ts';
import { diagramBox, landscape } from './page.ts';
import { chokepointsFor, recommendations } from './recommendations.ts';
import type { ChokepointSource } from './recommendations.ts';
import { deadCopySentence, scenarioReport, worstSentence } from './scenario.ts';
import { appendixSection, findingsSection } from './sections.ts';
import { SECTION_KEYS } from './types.ts';
import type {
  ImpactRow,
  ModelSection,
  Recommendation,
  ReportDocument,
  ReportOptions,
  ScenarioReport,
  SectionKey,
  SummarySection,
  WorstImpact,
} from './types.ts';
import type { Labels } from './words.ts';
import { breaksPhrase, labelsOf } from './words.ts';

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

export function buildReport(
  model: Model,
  scenarios: readonly ScenarioInput[],
  results: readonly SimulationResult[],
  options: ReportOptions = {},
): ReportDocument {
  if (scenarios.length !== results.length) {
    throw new ReportInputError(`${scenarios.length} scenarios but ${results.length} results: give one result per scenario`);
  }
  const paper = options.paper ?? 'A4';
  const wanted = new Set<SectionKey>(options.sections ?? SECTION_KEYS);
  const notes = workshopNotes(model);
  // Workshop notes print only when the model has some.
  const sections = SECTION_KEYS.filter((k) => wanted.has(k) && (k !== 'notes' || notes !== null));
  const has = (k: SectionKey) => wanted.has(k);
  const labels = labelsOf(model);
  const findings: readonly Finding[] = has('summary') || has('findings') ? (options.findings ?? lintModel(model)) : [];

  // Scenarios ranked by exposure, then score, then id: the order of the summary and of the scenario pages.
  const order = scenarios
    .map((scenario, i) => ({ scenario, result: results[i] }))
    .sort(
      (a, b) =>
        b.result.summary.exposure - a.result.summary.exposure ||
        b.result.summary.score - a.result.summary.score ||
        (a.result.scenario.id < b.result.scenario.id ? -1 : a.result.scenario.id > b.result.scenario.id ? 1 : 0),
    );
  const needScenarios = has('summary') || has('scenarios');
  const reports = needScenarios
    ? order.map(({ scenario, result }, i) => scenarioReport(model, scenario, result, labels, i + 1))
    : [];

  const box = diagramBox(paper);
  const page = landscape(paper);
  const world = has('model') || has('scenarios') ? worldOf(model) : null;

  const scenarioPages: ScenarioReport[] = has('scenarios')
    ? reports.map((r, i) => ({
        ...r,
        diagrams: diagramViews({
          model,
          world: world!,
          box,
          page,
          idPrefix: `scenario:${r.id}`,
          title: `Blast radius of ${quote(r.name)}`,
          overlay: overlayOf(order[i].result, order[i].scenario.removed ?? []),
        }),
      }))
    : [];

  const sources: ChokepointSource[] =
    has('summary') || has('recommendations')
      ? order.map(({ scenario, result }) => ({
          scenario,
          result,
          chokepoints: chokepointsFor(model, scenario, options.chokepoints),
        }))
      : [];
  const recs = sources.length || has('recommendations')
    ? recommendations(model, sources, labels, options.maxRecommendations ?? 10)
    : null;

  const modelSection: ModelSection | null = has('model')
    ? {
        description: model.description,
        kinds: kindCounts(model),
        boundaries: model.boundaries.map((b) => ({
          id: b.id,
          label: b.label || b.id,
          environment: b.environment,
          nodes: model.nodes.filter((n) => n.boundary === b.id).length,
        })),
        monitored: model.nodes.filter((n) => n.props.monitored).length,
        diagrams: diagramViews({ model, world: world!, box, page, idPrefix: 'model', title: 'Model diagram', overlay: null }),
        ...inventory(model, labels),
      }
    : null;

  return {
    meta: {
      title: options.title?.trim() || model.name || 'Threat model report',
      modelId: model.id,
      modelName: model.name,
      description: model.description,
      author: options.author?.trim() ?? '',
      organisation: options.organisation?.trim() ?? '',
      date: options.date ?? model.asOf ?? null,
      asOf: model.asOf ?? null,
      paper,
      nodeCount: model.nodes.length,
      edgeCount: model.edges.length,
      scenarioCount: scenarios.length,
      findingCount: findings.length,
      generator: 'Faultline',
    },
    sections,
    summary: has('summary') ? summarySection(model, order, reports, findings, recs?.items ?? [], labels) : null,
    model: modelSection,
    scenarios: scenarioPages,
    findings: has('findings') ? findingsSection(findings, labels) : null,
    recommendations: has('recommendations') ? recs : null,
    notes: sections.includes('notes') ? notes : null,
    appendix: has('appendix') ? appendixSection(model, scenarios, findings, labels) : null,
  };
}

/** The notes with text, in the order a reader scans the canvas: top to bottom, left to right within a band. */
function workshopNotes(model: Model): ReportDocument['notes'] {
  const BAND = 80;
  const notes = model.notes
    .filter((n) => n.text.trim() !== '')
    .sort((a, b) => Math.floor(a.position.y / BAND) - Math.floor(b.position.y / BAND) || a.position.x - b.position.x || (a.id < b.id ? -1 : 1))
    .map((n) => ({ id: n.id, text: n.text.trim() }));
  return notes.length ? { notes } : null;
}

function summarySection(
  model: Model,
  order: readonly { scenario: ScenarioInput; result: SimulationResult }[],
  reports: readonly Omit<ScenarioReport, 'diagrams'>[],
  findings: readonly Finding[],
  fixes: SummarySection['topFixes'],
  labels: Labels,
): SummarySection {
  const severities: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) severities[f.severity]++;
  const impacted = new Set(reports.flatMap((r) => r.impacts.map((i) => i.node)));
  const silentOutages = reports.reduce((s, r) => s + r.silent.length, 0);
  // Detection applies where an attacker is: scenarios with security impacts. An outage goes "unnoticed" by no one.
  const attacked = reports.filter((r) => attackerIn(r));
  const undetected = attacked.filter((r) => r.timeline.detectedAt === null);

  // The worst impacts: highest points first, one per node, never the break itself, never a stolen copy that
  // died before it carried anything (those are set apart: stolen, dead after N h).
  const impactsWhere = (keep: (row: ImpactRow) => boolean, sentence: (row: ImpactRow, breaks: string) => string): WorstImpact[] =>
    reports.flatMap((r, i) =>
      r.impacts.filter(keep).map((row) => ({
        scenarioId: r.id,
        scenarioName: r.name,
        node: row.node,
        label: row.label,
        effect: row.effect,
        at: row.at,
        points: row.points,
        sentence: sentence(row, breaksPhrase(order[i].result.scenario.breaks, labels)),
      })),
    );
  const candidates = impactsWhere((row) => row.via !== null && !row.deadCopy, worstSentence);
  candidates.sort((a, b) => b.points - a.points || a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const seen = new Set<string>();
  const worst = candidates.filter((c) => !seen.has(c.node) && seen.add(c.node)).slice(0, 5);
  const deadSeen = new Set<string>();
  const deadCopies = impactsWhere((row) => row.deadCopy && typeof row.until === 'number', deadCopySentence).filter(
    (c) => !deadSeen.has(c.node) && deadSeen.add(c.node),
  );

  const headline: string[] = [];
  const top = reports[0];
  if (top) {
    const last = top.timeline.lastImpactAt;
    headline.push(
      `${plural(reports.length, 'scenario')} simulated. The worst, ${quote(top.name)}, reaches ${formatPercent(top.exposure)} of the model's worth (${plural(top.impactedNodes, 'node')})${last ? ` within ${formatHours(last)}` : ''}.`,
    );
  } else {
    headline.push('No scenario was simulated: save scenarios in the model to see blast radii here.');
  }
  if (undetected.length) {
    const all = undetected.length === attacked.length;
    const who =
      attacked.length === reports.length
        ? all
          ? reports.length === 1
            ? 'It goes'
            : 'All of them go'
          : `${undetected.length} of ${reports.length} ${undetected.length === 1 ? 'goes' : 'go'}`
        : all
          ? attacked.length === 1
            ? 'The one with an attacker goes'
            : `All ${attacked.length} with an attacker go`
          : `${undetected.length} of the ${attacked.length} with an attacker ${undetected.length === 1 ? 'goes' : 'go'}`;
    headline.push(`${who} unnoticed: no monitored node is on the path.`);
  }
  if (silentOutages) headline.push(`${plural(silentOutages, 'outage')} would be silent: no health check notices.`);
  if (fixes[0]) {
    const over = fixes[0].scenarioCount > 1 ? ` over ${fixes[0].scenarioCount} scenarios` : '';
    headline.push(
      `The single fix that cuts most: ${lowerFirst(fixes[0].fixTitle)}, removing ${formatScore(fixes[0].reduction)} points of score${over}.`,
    );
  }
  if (findings.length) {
    const parts = (['critical', 'high', 'medium', 'low'] as const).filter((s) => severities[s]).map((s) => `${severities[s]} ${s}`);
    headline.push(`The model itself has ${plural(findings.length, 'finding')} (${parts.join(', ')}).`);
  }

  return {
    headline,
    scenarios: reports.map((r) => ({
      rank: r.rank,
      id: r.id,
      name: r.name,
      score: r.score,
      exposure: r.exposure,
      impactedNodes: r.impactedNodes,
      counts: { ...r.counts },
      detectedAt: r.timeline.detectedAt,
      containedAt: r.timeline.containedAt,
      attacker: attackerIn(r),
    })),
    worst,
    deadCopies,
    totals: {
      nodes: model.nodes.length,
      edges: model.edges.length,
      scenarios: reports.length,
      impactedNodes: impacted.size,
      silentOutages,
      undetectedScenarios: undetected.length,
      attackedScenarios: attacked.length,
      findings: severities,
      findingsTotal: findings.length,
    },
    // One fix per edge (or node): "bind the secret" and "remove the edge" on the same edge are one decision.
    // Numbered 1, 2, 3 as shown, whatever their rank among all recommendations.
    topFixes: fixes
      .filter((f, i) => fixes.findIndex((g) => whereKey(g) === whereKey(f)) === i)
      .slice(0, 3)
      .map((f, i) => ({ ...f, rank: i + 1 })),
  };
}

const whereKey = (f: Recommendation) => f.edge || f.node || f.id;

const attackerIn = (r: Omit<ScenarioReport, 'diagrams'>) => r.impacts.some((i) => i.effect === 'control' || i.effect === 'write' || i.effect === 'read');

const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);

