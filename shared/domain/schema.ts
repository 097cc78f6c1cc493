/**
 * The model as zod schemas (domain.md §2, §4, §6, §10). Every type the app uses is inferred from here.
 * Objects are loose: props the app does not know are kept through a load and a save.
 * Defaults are filled by the schemas, so a parsed model is complete.
 */
import { z } from 'zod';
import {
  ACCESS_LEVELS,
  AUDIENCES,
  AUTONOMY,
  BREAK_MODES,
  CAPABILITIES,
  EDGE_KINDS,
  ENVIRONMENTS,
  LOCATION_TYPES,
  NODE_KINDS,
  RESPONSE_ACTIONS,
  SECRET_TYPES,
  SENSITIVITIES,
  SENSITIVITY_CRITICALITY,
} from './kinds.ts';

/**
 * Durations: at most 1,000,000 h (114 years). Larger values mean nothing here, and two delays of 1e308 sum
 * to Infinity, which the engine cannot place on a timeline.
 */
export const MAX_HOURS = 1_000_000;
/** The message for an hour past MAX_HOURS, as the loader and `checkScenario` print it. */
export const MAX_HOURS_MESSAGE = `expected at most ${MAX_HOURS} hours (114 years)`;
const hours = z.number().finite().min(0).max(MAX_HOURS, MAX_HOURS_MESSAGE);
/** A day the calendar has: "2026-02-31" would otherwise be read as 3 March, and "2026-13-45" as nothing. */
function realDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date')
  .refine(realDay, 'expected an ISO date: no such day');
// Geometry (a position, a size) is the app's own, rewritten on every move: x, y, w, h and nothing else.
const position = z.object({ x: z.number().finite(), y: z.number().finite() });

export const commonNodeProps = {
  criticality: z.number().int().min(1).max(5).default(3),
  environment: z.enum(ENVIRONMENTS).default('prod'),
  owner: z.string().default(''),
  monitored: z.boolean().default(false),
  detectHours: hours.default(1),
  notes: z.string().default(''),
};

/** Props per node kind: the common ones plus the kind's own (§2). */
export const nodePropsSchemas = {
  service: z.looseObject({ ...commonNodeProps, healthCheck: z.boolean().default(false) }),
  agent: z.looseObject({ ...commonNodeProps, autonomy: z.enum(AUTONOMY).default('auto') }),
  tool: z.looseObject({ ...commonNodeProps, capabilities: z.array(z.enum(CAPABILITIES)).default([]) }),
  pipeline: z.looseObject({ ...commonNodeProps, healthCheck: z.boolean().default(false) }),
  person: z.looseObject({ ...commonNodeProps }),
  identity: z.looseObject({ ...commonNodeProps, lastReviewed: isoDate.nullable().default(null) }),
  secret: z.looseObject({
    ...commonNodeProps,
    secretType: z.enum(SECRET_TYPES).default('api-key'),
    ttlHours: hours.nullable().default(null),
    rotationDays: hours.nullable().default(null),
    bound: z.boolean().default(false),
    autoRenew: z.boolean().default(false),
    expiresAt: isoDate.nullable().default(null),
  }),
  issuer: z.looseObject({ ...commonNodeProps }),
  datastore: z
    .looseObject({
      ...commonNodeProps,
      // A datastore's default criticality follows its sensitivity (§2), so it is filled after the rest.
      criticality: z.number().int().min(1).max(5).optional(),
      sensitivity: z.enum(SENSITIVITIES).default('internal'),
    })
    .transform((p) => ({ ...p, criticality: p.criticality ?? SENSITIVITY_CRITICALITY[p.sensitivity] })),
  location: z.looseObject({
    ...commonNodeProps,
    locationType: z.enum(LOCATION_TYPES).default('log'),
    audience: z.enum(AUDIENCES).default('org'),
  }),
  dependency: z.looseObject({ ...commonNodeProps }),
} as const;

const nodeBase = {
  id: z.string().min(1),
  label: z.string().default(''),
  position: position.optional(),
  boundary: z.string().min(1).optional(),
};

function nodeSchemaOf<K extends keyof typeof nodePropsSchemas>(kind: K) {
  const props = nodePropsSchemas[kind] as (typeof nodePropsSchemas)[K] & z.ZodType;
  return z.looseObject({ ...nodeBase, kind: z.literal(kind), props: z.prefault(props, {} as z.input<typeof props>) });
}

const nodeSchemas = Object.fromEntries(NODE_KINDS.map((k) => [k, nodeSchemaOf(k)])) as {
  [K in keyof typeof nodePropsSchemas]: ReturnType<typeof nodeSchemaOf<K>>;
};

export const nodeSchema = z.discriminatedUnion('kind', [
  nodeSchemas.service,
  nodeSchemas.agent,
  nodeSchemas.tool,
  nodeSchemas.pipeline,
  nodeSchemas.person,
  nodeSchemas.identity,
  nodeSchemas.secret,
  nodeSchemas.issuer,
  nodeSchemas.datastore,
  nodeSchemas.location,
  nodeSchemas.dependency,
]);

/** Default `delayHours` per edge kind (§4); kinds not listed are 0. */
export const DEFAULT_DELAY_HOURS: Record<(typeof EDGE_KINDS)[number], number> = {
  'runs-as': 0,
  holds: 0,
  contains: 0,
  authenticates: 0.5,
  assumes: 0,
  grants: 0.5,
  calls: 0,
  invokes: 0,
  instructs: 0,
  'depends-on': 24,
  deploys: 1,
  trusts: 0.5,
  'issued-by': 1,
  signs: 1,
};

function commonEdgeProps(kind: (typeof EDGE_KINDS)[number]) {
  return {
    delayHours: hours.default(DEFAULT_DELAY_HOURS[kind]),
    likelihood: z.number().min(0).max(1).default(1),
  };
}

/** Props per edge kind (§4). */
export const edgePropsSchemas = {
  'runs-as': z.looseObject({ ...commonEdgeProps('runs-as') }),
  holds: z.looseObject({ ...commonEdgeProps('holds'), required: z.boolean().default(true) }),
  contains: z.looseObject({ ...commonEdgeProps('contains'), required: z.boolean().default(false) }),
  authenticates: z.looseObject({ ...commonEdgeProps('authenticates') }),
  assumes: z.looseObject({ ...commonEdgeProps('assumes') }),
  grants: z.looseObject({
    ...commonEdgeProps('grants'),
    access: z.enum(['read', 'write', 'admin']).default('read'),
  }),
  calls: z.looseObject({
    ...commonEdgeProps('calls'),
    access: z.enum(ACCESS_LEVELS).default('none'),
    required: z.boolean().default(true),
  }),
  invokes: z.looseObject({
    ...commonEdgeProps('invokes'),
    approval: z.boolean().default(false),
    required: z.boolean().default(false),
  }),
  instructs: z.looseObject({ ...commonEdgeProps('instructs') }),
  'depends-on': z.looseObject({
    ...commonEdgeProps('depends-on'),
    verified: z.boolean().default(false),
    required: z.boolean().default(false),
  }),
  deploys: z.looseObject({ ...commonEdgeProps('deploys') }),
  trusts: z.looseObject({
    ...commonEdgeProps('trusts'),
    constrained: z.boolean().default(false),
    required: z.boolean().default(false),
  }),
  'issued-by': z.looseObject({ ...commonEdgeProps('issued-by') }),
  // v1.1: a signing key signs for an issuer; `required`: the issuer cannot sign without it (no other key).
  signs: z.looseObject({ ...commonEdgeProps('signs'), required: z.boolean().default(true) }),
} as const;

const edgeBase = { id: z.string().min(1), source: z.string().min(1), target: z.string().min(1) };

function edgeSchemaOf<K extends keyof typeof edgePropsSchemas>(kind: K) {
  const props = edgePropsSchemas[kind] as (typeof edgePropsSchemas)[K] & z.ZodType;
  return z.looseObject({ ...edgeBase, kind: z.literal(kind), props: z.prefault(props, {} as z.input<typeof props>) });
}

const edgeSchemas = Object.fromEntries(EDGE_KINDS.map((k) => [k, edgeSchemaOf(k)])) as {
  [K in keyof typeof edgePropsSchemas]: ReturnType<typeof edgeSchemaOf<K>>;
};

export const edgeSchema = z.discriminatedUnion('kind', [
  edgeSchemas['runs-as'],
  edgeSchemas.holds,
  edgeSchemas.contains,
  edgeSchemas.authenticates,
  edgeSchemas.assumes,
  edgeSchemas.grants,
  edgeSchemas.calls,
  edgeSchemas.invokes,
  edgeSchemas.instructs,
  edgeSchemas['depends-on'],
  edgeSchemas.deploys,
  edgeSchemas.trusts,
  edgeSchemas['issued-by'],
  edgeSchemas.signs,
]);

export const boundarySchema = z.looseObject({
  id: z.string().min(1),
  label: z.string().default(''),
  environment: z.enum(ENVIRONMENTS).default('prod'),
  position: position.default({ x: 0, y: 0 }),
  size: z
    .object({ width: z.number().finite().positive(), height: z.number().finite().positive() })
    .default({ width: 400, height: 300 }),
});

const breakSchema = z.looseObject({ mode: z.enum(BREAK_MODES), node: z.string().min(1) });

/** The message for a bad response hour, as the loader and `checkScenario` print it (§6). */
export const RESPONSE_AT_MESSAGE = 'expected a number of hours ≥ 0';

/** §6 (v1.1): rotate or revoke a node at an hour after the break. */
const responseSchema = z.looseObject({
  action: z.enum(RESPONSE_ACTIONS),
  node: z.string().min(1),
  // 1e400 in a file reads as Infinity: over the limit, not below 0.
  at: z.number({ error: (issue) => (issue.input === Infinity ? MAX_HOURS_MESSAGE : RESPONSE_AT_MESSAGE) }).min(0, { error: RESPONSE_AT_MESSAGE }).max(MAX_HOURS, MAX_HOURS_MESSAGE),
});

/** responseHours defaults to 27 days: the seed's average time to remediate a leaked secret (§6, §12). */
export const DEFAULT_RESPONSE_HOURS = 648;

const scenarioSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  breaks: z.array(breakSchema).default([]),
  patches: z
    .array(z.looseObject({ id: z.string().min(1), props: z.record(z.string(), z.unknown()) }))
    .default([]),
  removed: z.array(z.string().min(1)).default([]),
  responses: z.array(responseSchema).default([]),
  params: z
    .looseObject({
      responseHours: hours.default(DEFAULT_RESPONSE_HOURS),
      maxExposure: z.number().min(0).max(1).optional(),
    })
    .default({ responseHours: DEFAULT_RESPONSE_HOURS }),
});

/** §10 (v1.1): a sticky note on the canvas. No part in propagation; its id shares the nodes' and edges' namespace. */
const noteSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().default(''),
  position,
  size: z.object({ w: z.number().finite().positive(), h: z.number().finite().positive() }).optional(),
  color: z.string().optional(),
});

export const modelSchema = z.looseObject({
  id: z.string().min(1).default('model'),
  name: z.string().default('Untitled model'),
  description: z.string().default(''),
  asOf: isoDate.nullable().default(null),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  boundaries: z.array(boundarySchema).default([]),
  scenarios: z.array(scenarioSchema).default([]),
  notes: z.array(noteSchema).default([]),
});

export type ModelNode = z.infer<typeof nodeSchema>;
export type ModelEdge = z.infer<typeof edgeSchema>;
export type Boundary = z.infer<typeof boundarySchema>;
export type Break = z.infer<typeof breakSchema>;
export type ScenarioResponse = z.infer<typeof responseSchema>;
export type Note = z.infer<typeof noteSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Model = z.infer<typeof modelSchema>;
export type NodeOf<K extends ModelNode['kind']> = Extract<ModelNode, { kind: K }>;
export type EdgeOf<K extends ModelEdge['kind']> = Extract<ModelEdge, { kind: K }>;
export type Position = z.infer<typeof position>;
