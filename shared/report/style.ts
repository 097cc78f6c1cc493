/**
 * How effects and kinds look in every report format. Effects differ by colour (Okabe-Ito, safe for the common
 * colour-vision deficiencies) AND by shape and line, so a greyscale print still tells them apart.
 */
import type { Effect, NodeKind } from '../domain/kinds.ts';

export type MarkerShape = 'diamond' | 'triangle' | 'circle' | 'square' | 'bar';

export interface EffectStyle {
  label: string;
  meaning: string;
  /** Strong colour: marker, border, carried edges. */
  color: string;
  /** Light fill for the node box. */
  fill: string;
  shape: MarkerShape;
  /** Node border dashed: availability effects. */
  dashed: boolean;
  weight: number;
}

/** Score weights of domain.md §8. */
export const EFFECT_WEIGHTS: Record<Effect, number> = { control: 1.0, write: 0.6, read: 0.4, down: 0.8, degraded: 0.3 };

export const EFFECT_STYLES: Record<Effect, EffectStyle> = {
  control: {
    label: 'Control',
    meaning: 'an attacker can act as this node: use its credentials, change it, run code as it',
    color: '#C23B00',
    fill: '#FBE2D5',
    shape: 'diamond',
    dashed: false,
    weight: EFFECT_WEIGHTS.control,
  },
  write: {
    label: 'Write',
    meaning: 'an attacker can change or delete its data (and read it)',
    color: '#C98A00',
    fill: '#FCF0D2',
    shape: 'triangle',
    dashed: false,
    weight: EFFECT_WEIGHTS.write,
  },
  read: {
    label: 'Read',
    meaning: 'an attacker can read its data',
    color: '#0072B2',
    fill: '#DCEBF6',
    shape: 'circle',
    dashed: false,
    weight: EFFECT_WEIGHTS.read,
  },
  down: {
    label: 'Down',
    meaning: 'stops working',
    color: '#333333',
    fill: '#E3E3E3',
    shape: 'square',
    dashed: true,
    weight: EFFECT_WEIGHTS.down,
  },
  degraded: {
    label: 'Degraded',
    meaning: 'works with reduced function (a non-required dependency is down)',
    color: '#A8508A',
    fill: '#F5E3EE',
    shape: 'bar',
    dashed: true,
    weight: EFFECT_WEIGHTS.degraded,
  },
};

export const BREAK_COLOR = '#111111';

/** A response (rotate, revoke, §6): the defenders' colour, apart from every effect's; on the canvas and in the report. */
export const RESPONSE_COLOR = '#0F6E6E';

export interface KindStyle {
  label: string;
  plural: string;
  /** The kind inside a sentence: `AI agent`, `data store` (acronyms keep their capitals). */
  noun: string;
  nouns: string;
  color: string;
}

/**
 * Kind names and accents for the report. The same colours as the canvas's node registry
 * (renderer/src/canvas/nodes/registry.ts), which the pure domain cannot import.
 */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  service: { label: 'Service', plural: 'Services', noun: 'service', nouns: 'services', color: '#2563eb' },
  agent: { label: 'AI agent', plural: 'AI agents', noun: 'AI agent', nouns: 'AI agents', color: '#7c3aed' },
  tool: { label: 'Tool', plural: 'Tools', noun: 'tool', nouns: 'tools', color: '#0891b2' },
  pipeline: { label: 'Pipeline', plural: 'Pipelines', noun: 'pipeline', nouns: 'pipelines', color: '#ea580c' },
  person: { label: 'Person', plural: 'People', noun: 'person', nouns: 'people', color: '#64748b' },
  identity: { label: 'Identity', plural: 'Identities', noun: 'identity', nouns: 'identities', color: '#059669' },
  secret: { label: 'Secret', plural: 'Secrets', noun: 'secret', nouns: 'secrets', color: '#d97706' },
  issuer: { label: 'Issuer', plural: 'Issuers', noun: 'issuer', nouns: 'issuers', color: '#0d9488' },
  datastore: { label: 'Data store', plural: 'Data stores', noun: 'data store', nouns: 'data stores', color: '#4f46e5' },
  location: { label: 'Location', plural: 'Locations', noun: 'location', nouns: 'locations', color: '#be123c' },
  dependency: { label: 'Dependency', plural: 'Dependencies', noun: 'dependency', nouns: 'dependencies', color: '#a16207' },
};

/** `1 AI agent`, `3 AI agents`, `2 identities`: a count of nodes of a kind, in a sentence. */
export const kindCount = (kind: NodeKind, n: number) => `${n} ${n === 1 ? KIND_STYLES[kind].noun : KIND_STYLES[kind].nouns}`;

export const SEVERITY_COLORS = {
  critical: '#9F1239',
  high: '#C2410C',
  medium: '#A16207',
  low: '#475569',
} as const;

/**
 * The points of a marker shape centred on (cx, cy) with half-size r, as an SVG path: one definition for the
 * PDF, the HTML and the canvas export.
 */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const f = (n: number) => Number(n.toFixed(2));
  switch (shape) {
    case 'diamond':
      return `M${f(cx)} ${f(cy - r)} L${f(cx + r)} ${f(cy)} L${f(cx)} ${f(cy + r)} L${f(cx - r)} ${f(cy)} Z`;
    case 'triangle':
      return `M${f(cx)} ${f(cy - r)} L${f(cx + r)} ${f(cy + r * 0.8)} L${f(cx - r)} ${f(cy + r * 0.8)} Z`;
    case 'square':
      return `M${f(cx - r * 0.8)} ${f(cy - r * 0.8)} H${f(cx + r * 0.8)} V${f(cy + r * 0.8)} H${f(cx - r * 0.8)} Z`;
    case 'bar':
      return `M${f(cx - r)} ${f(cy - r * 0.35)} H${f(cx + r)} V${f(cy + r * 0.35)} H${f(cx - r)} Z`;
    case 'circle':
      // Two arcs: a circle as a path, so every renderer draws markers the same way.
      return `M${f(cx - r)} ${f(cy)} A${f(r)} ${f(r)} 0 1 0 ${f(cx + r)} ${f(cy)} A${f(r)} ${f(r)} 0 1 0 ${f(cx - r)} ${f(cy)} Z`;
  }
}
