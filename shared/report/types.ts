/**
 * The report as data: what `buildReport` returns and every renderer (PDF, HTML, Markdown, CSV) draws from.
 * Plain JSON-able objects; numbers are the engine's, untouched; text is ready to print.
 */
import type { Chokepoint, Finding, Severity } from '../analysis/index.ts';
import type { AvailabilityEffect, BreakMode, Effect, NodeKind, ResponseAction, SecurityEffect } from '../domain/index.ts';
import type { Via } from '../engine/index.ts';
import type { Rect, Size } from '../visual/index.ts';
import type { Paper } from './page.ts';

export const SECTION_KEYS = ['summary', 'model', 'scenarios', 'findings', 'recommendations', 'notes', 'appendix'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The headings every renderer prints; tests look for them in the extracted PDF text. */
export const SECTION_TITLES: Record<SectionKey, string> = {
  summary: 'Executive summary',
  model: 'The model',
  scenarios: 'Scenarios',
  findings: 'Findings',
  recommendations: 'Recommendations',
  notes: 'Workshop notes',
  appendix: 'Appendix: how to read this report',
};

export interface ReportOptions {
  /** Cover title; the model's name by default. */
  title?: string;
  author?: string;
  organisation?: string;
  /** The date the report is made (ISO). The domain has no clock: the caller passes today. Default: the model's asOf. */
  date?: string | null;
  /** Sections to include, in any order (printed in the standard order). Default: all. */
  sections?: readonly SectionKey[];
  /** The diagrams are fitted to this paper. Default A4. */
  paper?: Paper;
  /** Findings already computed (the app has them); default `lintModel(model)`. */
  findings?: readonly Finding[];
  /** Choke points already computed, by scenario id; default `rankChokepoints` for each scenario. */
  chokepoints?: Readonly<Record<string, readonly Chokepoint[]>>;
  /** How many recommendations to list. Default 10. */
  maxRecommendations?: number;
}

export interface ReportMeta {
  title: string;
  modelId: string;
  modelName: string;
  description: string;
  author: string;
  organisation: string;
  date: string | null;
  asOf: string | null;
  paper: Paper;
  nodeCount: number;
  edgeCount: number;
  scenarioCount: number;
  findingCount: number;
  generator: string;
}

export interface ReportDocument {
  meta: ReportMeta;
  /** The sections included, in print order. */
  sections: SectionKey[];
  summary: SummarySection | null;
  model: ModelSection | null;
  scenarios: ScenarioReport[];
  findings: FindingsSection | null;
  recommendations: RecommendationsSection | null;
  /** The sticky notes of the model (§10), in reading order; null when it has none with text. */
  notes: NotesSection | null;
  appendix: AppendixSection | null;
}

interface NotesSection {
  notes: { id: string; text: string }[];
}

// ---------------------------------------------------------------------------------------------- summary

export interface ScenarioRankRow {
  rank: number;
  id: string;
  name: string;
  score: number;
  exposure: number;
  impactedNodes: number;
  counts: Record<Effect, number>;
  detectedAt: number | null;
  containedAt: number | null;
  /** Some impact is a security one: an attacker is involved, so detection applies. */
  attacker: boolean;
}

export interface WorstImpact {
  scenarioId: string;
  scenarioName: string;
  node: string;
  label: string;
  effect: Effect;
  at: number;
  points: number;
  sentence: string;
}

export interface SummarySection {
  /** Two to four sentences a reader who stops here should take away. */
  headline: string[];
  scenarios: ScenarioRankRow[];
  worst: WorstImpact[];
  /** Secrets stolen whose copy died before it carried anything: set apart from the worst impacts. */
  deadCopies: WorstImpact[];
  totals: {
    nodes: number;
    edges: number;
    scenarios: number;
    impactedNodes: number;
    silentOutages: number;
    /** Scenarios with security impacts that no monitored node notices. */
    undetectedScenarios: number;
    /** Scenarios with security impacts: those detection applies to. */
    attackedScenarios: number;
    findings: Record<Severity, number>;
    findingsTotal: number;
  };
  topFixes: Recommendation[];
}

// ------------------------------------------------------------------------------------------------ model

export interface KindCount {
  kind: NodeKind;
  /** `Tool` for one, `Tools` for several: under its count in a grid. */
  label: string;
  count: number;
  /** `1 tool`, `3 AI agents`: in a sentence. */
  text: string;
}

export interface SecretRow {
  id: string;
  label: string;
  secretType: string;
  ttlHours: number | null;
  rotationDays: number | null;
  bound: boolean;
  autoRenew: boolean;
  owner: string;
  expiresAt: string | null;
  environment: string;
  holders: string[];
  storedIn: string[];
}

export interface IdentityRow {
  id: string;
  label: string;
  owner: string;
  environment: string;
  lastReviewed: string | null;
  usedBy: string[];
  grants: string[];
}

export interface AgentRow {
  id: string;
  label: string;
  autonomy: string;
  owner: string;
  environment: string;
  tools: string[];
  instructedBy: string[];
}

export interface ToolRow {
  id: string;
  label: string;
  capabilities: string[];
  owner: string;
  environment: string;
  invokedBy: string[];
}

export interface ModelSection {
  description: string;
  kinds: KindCount[];
  boundaries: { id: string; label: string; environment: string; nodes: number }[];
  monitored: number;
  diagrams: DiagramView[];
  secrets: SecretRow[];
  identities: IdentityRow[];
  agents: AgentRow[];
  tools: ToolRow[];
}

// -------------------------------------------------------------------------------------------- scenarios

interface BreakRow {
  mode: BreakMode;
  modeTitle: string;
  meaning: string;
  tags: string[];
  node: string;
  label: string;
  kind: NodeKind;
}

interface PreventedRow {
  mode: BreakMode;
  node: string;
  label: string;
  reason: string;
}

export interface ImpactRow {
  node: string;
  label: string;
  kind: NodeKind;
  effect: Effect;
  at: number;
  silent: boolean;
  criticality: number;
  /** criticality × the effect's weight: this impact's share of the score. */
  points: number;
  via: Via | null;
  /** Labels from the break to this node. */
  chain: string[];
  /** The same path with the kind of each edge: "CI token —authenticates→ deploy role —grants→ prod DB" (routeOf). */
  route: string;
  /**
   * Its stops: each node's label and the kind of the edge into it (null for the break); `against` when the step
   * ran from the edge's target to its source.
   */
  hops: { label: string; edgeKind: string | null; against?: boolean }[];
  /** The path in words, one sentence per step (explainPath). */
  steps: string[];
  /** A stolen secret (§5): the hour its copy stops working, null while it works without end; undefined otherwise. */
  until?: number | null;
  /** A stolen secret whose copy died before it carried anything: "stolen, dead after N h". */
  deadCopy: boolean;
}

export interface ResponseRow {
  action: ResponseAction;
  title: string;
  node: string;
  label: string;
  at: number;
  /** "Rotate CI token at 4 h: stolen copies taken before then stop working." */
  text: string;
}

type TimelineEventKind = 'break' | 'response' | 'impact' | 'detected' | 'contained';

export interface TimelineEvent {
  at: number;
  kind: TimelineEventKind;
  effect: Effect | null;
  /** On a response: rotate or revoke, for its glyph. */
  action?: ResponseAction;
  node: string | null;
  text: string;
}

export interface Timeline {
  /** The right end of the axis, in hours. */
  horizon: number;
  events: TimelineEvent[];
  firstImpactAt: number | null;
  lastImpactAt: number | null;
  detectedAt: number | null;
  detectedBy: { node: string; label: string } | null;
  containedAt: number | null;
  responseHours: number;
  /** Hours from the break to containment; null when nothing detects it. */
  exposureWindow: number | null;
  /** The timeline in sentences. */
  notes: string[];
}

export interface ScenarioReport {
  id: string;
  name: string;
  /** 1 = highest exposure. */
  rank: number;
  headline: string;
  breaks: BreakRow[];
  /** What the defenders do, at its hour (§6). */
  responses: ResponseRow[];
  prevented: PreventedRow[];
  score: number;
  exposure: number;
  counts: Record<Effect, number>;
  impactedNodes: number;
  timeline: Timeline;
  impacts: ImpactRow[];
  silent: ImpactRow[];
  diagrams: DiagramView[];
  patches: string[];
  removed: string[];
}

// --------------------------------------------------------------------------------------------- findings

export interface FindingRow {
  id: string;
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  nodes: string[];
  owasp: string[];
  llm: string[];
  csf: string[];
}

export interface FrameworkRef {
  id: string;
  name: string;
  count: number;
}

export interface FindingsSection {
  total: number;
  counts: Record<Severity, number>;
  groups: { severity: Severity; items: FindingRow[] }[];
  coverage: { owasp: FrameworkRef[]; llm: FrameworkRef[]; csf: FrameworkRef[] };
}

// -------------------------------------------------------------------------------------- recommendations

interface RecommendationScenario {
  id: string;
  name: string;
  scoreBefore: number;
  scoreAfter: number;
  reduction: number;
}

export interface Recommendation {
  rank: number;
  id: string;
  /** The edge the fix is on or stops, '' for node and scenario fixes. */
  edge: string;
  /** The node the fix is on (bound, short-lived, monitor), null otherwise. */
  node: string | null;
  /** Where: `CI runner holds CI token`, a node's label, or "the response to a detection". */
  edgeText: string;
  fix: Chokepoint['fix'];
  /** What to change, on what: "Take CI token out of Build log". */
  fixTitle: string;
  /** The change in model terms: "ttlHours: 1 on CI token". */
  description: string;
  /** Summed over the scenarios it changes (what-ifs that restate another left out). */
  reduction: number;
  /** How many scenarios `reduction` adds up. */
  scenarioCount: number;
  scenarios: RecommendationScenario[];
  /** The failure modes it closes (security breaks) or softens (availability breaks), as a sentence. */
  closes: string;
  reason: string | null;
}

export interface RecommendationsSection {
  items: Recommendation[];
  /** Fixes that cut some score too, past the ones listed: said, so nobody reads the list as all there is. */
  more: number;
  /** Fixes that make some scenario worse (containment comes later): shown so nobody applies them blindly. */
  backfires: Recommendation[];
  considered: number;
}

// --------------------------------------------------------------------------------------------- appendix

export interface AppendixSection {
  effects: { effect: Effect; label: string; meaning: string; weight: number }[];
  score: string[];
  exposure: string[];
  breakModes: { mode: BreakMode; title: string; meaning: string; tags: string[] }[];
  assumptions: { name: string; value: string; source: string }[];
  frameworks: { id: string; name: string }[];
}

// ---------------------------------------------------------------------------------------------- diagram

export interface DiagramNode {
  id: string;
  label: string;
  kind: NodeKind;
  rect: Rect;
  security: SecurityEffect | null;
  availability: AvailabilityEffect | null;
  isBreak: boolean;
  /** A stolen secret whose copy died before it carried anything: its effect drawn faded, outlined dashed. */
  dead: boolean;
  /** Rotate or revoke on this node, in time order: a glyph each in the responses' colour. */
  responses: ResponseAction[];
  /** Not reached in this scenario: drawn faint. */
  dim: boolean;
  /** The label as it fits the box, or null when the box is too small to read. */
  text: { lines: string[]; fontSize: number; caption: string | null; captionSize: number } | null;
}

export interface DiagramEdge {
  id: string;
  kind: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The end at (x2, y2) is the target and is drawn with an arrow head. */
  arrow: boolean;
  /** The effect this edge carried in the scenario, if any. */
  carried: Effect | null;
}

export interface DiagramBoundary {
  id: string;
  label: string;
  environment: string;
  rect: Rect;
  /** Label fitted to the width, or null when the corner is out of view. */
  text: { value: string; fontSize: number } | null;
}

export interface DiagramRegion {
  id: string;
  rect: Rect;
  /** The region has a close-up page in this view's set. */
  hasCloseUp: boolean;
}

export interface DiagramView {
  id: string;
  kind: 'full' | 'overview' | 'closeup';
  title: string;
  caption: string;
  /** Page size (landscape) and the box the drawing must stay in, in points from the page's top-left. */
  page: Size;
  box: Rect;
  /** Page points per canvas unit. */
  scale: number;
  /** A node box's size relative to the canvas's (184 × 64): what text and line sizes follow. */
  nodeScale: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  boundaries: DiagramBoundary[];
  regions: DiagramRegion[];
  /** Whether the view shows a scenario's radius (legend with effects) or the bare model (legend with kinds). */
  overlay: boolean;
}
