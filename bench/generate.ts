/**
 * A seeded generator of plausible trust graphs for benchmarks: N nodes of every kind, about five edges per
 * node, every edge kind between the kinds domain.md §4 names for it, mostly local (systems are clusters of
 * services with their secrets and identities) with some long links. A few monitored nodes; secrets with
 * varied TTL, rotation, binding and renewal; edges with varied controls and likelihoods.
 *
 * The objects are built filled, as the schema would fill them: parsing 100k nodes through zod costs seconds
 * (`npm run bench -- engine` prints how many), and the test in test/unit/cli/benchGenerate.test.ts checks
 * that the schema leaves a generated model unchanged.
 */
import type { Break, EdgeKind, Model, ModelEdge, ModelNode, NodeKind } from '../shared/domain/index.ts';
import { CAPABILITIES, DEFAULT_DELAY_HOURS, DEFAULT_RESPONSE_HOURS, EDGE_ENDS, EDGE_KINDS, LOCATION_TYPES, NODE_KINDS, SENSITIVITY_CRITICALITY } from '../shared/domain/index.ts';
import type { Random } from './lib/random.ts';
import { seeded } from './lib/random.ts';

export interface GenerateOptions {
  nodes: number;
  /** Average edges per node (default 5). */
  edgesPerNode?: number;
  seed?: number;
}

const NODE_WEIGHTS: readonly (readonly [NodeKind, number])[] = [
  ['service', 20],
  ['secret', 20],
  ['identity', 14],
  ['dependency', 10],
  ['datastore', 8],
  ['location', 6],
  ['tool', 5],
  ['agent', 4],
  ['pipeline', 4],
  ['person', 3],
  ['issuer', 2],
];

const EDGE_WEIGHTS: readonly (readonly [EdgeKind, number])[] = [
  ['calls', 16],
  ['holds', 15],
  ['grants', 14],
  ['depends-on', 10],
  ['runs-as', 8],
  ['authenticates', 8],
  ['invokes', 5],
  ['deploys', 5],
  ['contains', 4],
  ['assumes', 4],
  ['trusts', 4],
  ['issued-by', 4],
  ['instructs', 3],
  ['signs', 1],
];

/** Share of edges whose target is picked anywhere rather than near the source. */
const LONG_LINKS = 0.15;
/** How far, in a kind's list of nodes, a local edge reaches. */
const NEIGHBOURHOOD = 24;

export function generateModel(options: GenerateOptions): Model {
  const { nodes: n, edgesPerNode = 5, seed = 1 } = options;
  const rnd = seeded(seed);
  const nodes: ModelNode[] = [];
  for (let i = 0; i < n; i++) nodes.push(makeNode(rnd, rnd.weighted(NODE_WEIGHTS), i));

  // Node indices per kind, in index order: locality is "close in index".
  const byKind = new Map<NodeKind, number[]>(NODE_KINDS.map((k) => [k, []]));
  nodes.forEach((node, i) => byKind.get(node.kind)?.push(i));
  const pools = new Map(
    EDGE_KINDS.map((k) => {
      const merge = (kinds: readonly NodeKind[]) =>
        kinds.flatMap((kind) => byKind.get(kind) ?? []).sort((a, b) => a - b);
      return [k, { sources: merge(EDGE_ENDS[k].sources), targets: merge(EDGE_ENDS[k].targets) }];
    }),
  );

  const edges: ModelEdge[] = [];
  const m = Math.round(n * edgesPerNode);
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  for (let tries = 0; edges.length < m && tries < m * 3; tries++) {
    const kind = rnd.weighted(EDGE_WEIGHTS);
    const pool = pools.get(kind);
    if (!pool || pool.sources.length === 0 || pool.targets.length === 0) continue;
    const s = rnd.pick(pool.sources);
    const t = rnd.chance(LONG_LINKS) ? rnd.pick(pool.targets) : near(rnd, pool.targets, s);
    if (s === t) continue;
    edges.push(makeEdge(rnd, kind, `e${edges.length + 1}`, nodes[s].id, nodes[t].id));
    outDegree[s]++;
    inDegree[t]++;
  }

  const model: Model = {
    id: `bench-${n}`,
    name: `Generated trust graph, ${n} nodes`,
    description: `Seeded benchmark graph (seed ${seed}).`,
    asOf: '2026-11-27',
    nodes,
    edges,
    boundaries: [],
    scenarios: [],
    notes: [],
  };
  model.scenarios.push({
    id: 'bench',
    name: 'Benchmark breaks',
    breaks: benchBreaks(nodes, outDegree, inDegree),
    patches: [],
    removed: [],
    responses: [],
    params: { responseHours: DEFAULT_RESPONSE_HOURS },
  });
  return model;
}

/** A node of `targets` whose index is close to `source`. */
function near(rnd: Random, targets: readonly number[], source: number): number {
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (targets[mid] < source) lo = mid + 1;
    else hi = mid;
  }
  const at = Math.min(targets.length - 1, Math.max(0, lo + rnd.int(2 * NEIGHBOURHOOD + 1) - NEIGHBOURHOOD));
  return targets[at];
}

const ENVIRONMENTS = [
  ['prod', 70],
  ['staging', 15],
  ['dev', 10],
  ['shared', 5],
] as const;

const SECRET_TYPES = [
  ['api-key', 30],
  ['token', 30],
  ['password', 10],
  ['ssh-key', 8],
  ['certificate', 12],
  ['signing-key', 5],
  ['oauth-client-secret', 5],
] as const;
const TTL_HOURS: readonly (readonly [number | null, number])[] = [
  [null, 40],
  [1, 25],
  [24, 15],
  [720, 10],
  [8760, 10],
];
const ROTATION_DAYS: readonly (readonly [number | null, number])[] = [
  [null, 50],
  [30, 25],
  [90, 25],
];
const SENSITIVITIES = [
  ['public', 10],
  ['internal', 40],
  ['confidential', 35],
  ['restricted', 15],
] as const;
const AUDIENCES = [
  ['team', 40],
  ['org', 50],
  ['public', 10],
] as const;
const GRANT_ACCESS = [
  ['read', 50],
  ['write', 35],
  ['admin', 15],
] as const;
const CALL_ACCESS = [
  ['none', 40],
  ['read', 30],
  ['write', 20],
  ['admin', 10],
] as const;

function makeNode(rnd: Random, kind: NodeKind, i: number): ModelNode {
  const common = {
    criticality: 1 + rnd.int(5),
    environment: rnd.weighted(ENVIRONMENTS),
    owner: rnd.chance(0.8) ? `team-${rnd.int(40)}` : '',
    monitored: rnd.chance(0.02),
    detectHours: 1,
    notes: '',
  };
  const id = `${kind}-${i}`;
  const label = `${kind} ${i}`;
  const node = (props: Record<string, unknown>) => ({ id, kind, label, props: { ...common, ...props } }) as ModelNode;
  switch (kind) {
    case 'service':
    case 'pipeline':
      return node({ healthCheck: rnd.chance(0.5) });
    case 'agent':
      return node({ autonomy: rnd.chance(0.7) ? 'auto' : 'supervised' });
    case 'tool':
      return node({ capabilities: CAPABILITIES.filter(() => rnd.chance(0.35)) });
    case 'identity':
      return node({ lastReviewed: rnd.chance(0.3) ? null : `2026-${String(1 + rnd.int(11)).padStart(2, '0')}-15` });
    case 'secret':
      return node({
        secretType: rnd.weighted(SECRET_TYPES),
        ttlHours: rnd.weighted(TTL_HOURS),
        rotationDays: rnd.weighted(ROTATION_DAYS),
        bound: rnd.chance(0.15),
        autoRenew: rnd.chance(0.2),
        expiresAt: rnd.chance(0.1) ? `2027-0${1 + rnd.int(9)}-01` : null,
      });
    case 'datastore': {
      const sensitivity = rnd.weighted(SENSITIVITIES);
      return node({ criticality: SENSITIVITY_CRITICALITY[sensitivity], sensitivity });
    }
    case 'location':
      return node({
        locationType: rnd.pick(LOCATION_TYPES),
        audience: rnd.weighted(AUDIENCES),
      });
    default:
      return node({});
  }
}

function makeEdge(rnd: Random, kind: EdgeKind, id: string, source: string, target: string): ModelEdge {
  const props: Record<string, unknown> = {
    delayHours: rnd.chance(0.9) ? DEFAULT_DELAY_HOURS[kind] : rnd.pick([0.25, 2, 12, 48]),
    likelihood: rnd.chance(0.5) ? 1 : Math.round((0.3 + rnd.next() * 0.65) * 100) / 100,
  };
  switch (kind) {
    case 'holds':
      props.required = rnd.chance(0.8);
      break;
    case 'contains':
      props.required = rnd.chance(0.1);
      break;
    case 'grants':
      props.access = rnd.weighted(GRANT_ACCESS);
      break;
    case 'calls':
      props.access = rnd.weighted(CALL_ACCESS);
      props.required = rnd.chance(0.6);
      break;
    case 'invokes':
      props.approval = rnd.chance(0.3);
      props.required = rnd.chance(0.3);
      break;
    case 'depends-on':
      props.verified = rnd.chance(0.4);
      props.required = rnd.chance(0.3);
      break;
    case 'trusts':
      props.constrained = rnd.chance(0.5);
      props.required = rnd.chance(0.3);
      break;
    case 'signs':
      props.required = rnd.chance(0.7);
      break;
    default:
      break;
  }
  return { id, kind, source, target, props } as ModelEdge;
}

/**
 * The benchmark's breaks: a compromise of the pipeline that deploys most, a leak of the secret with the
 * most steps out of it, and an outage of the issuer most secrets depend on. Security and availability both
 * spread, from well-connected places.
 */
function benchBreaks(nodes: readonly ModelNode[], outDegree: Int32Array, inDegree: Int32Array): Break[] {
  const best = (kind: NodeKind, degree: Int32Array) => {
    let pick = -1;
    for (let i = 0; i < nodes.length; i++) {
      if (nodes[i].kind === kind && (pick < 0 || degree[i] > degree[pick])) pick = i;
    }
    return pick < 0 ? null : nodes[pick].id;
  };
  const breaks: Break[] = [];
  const pipeline = best('pipeline', outDegree);
  const secret = best('secret', outDegree);
  const issuer = best('issuer', inDegree);
  if (pipeline) breaks.push({ mode: 'compromise', node: pipeline });
  if (secret) breaks.push({ mode: 'leak', node: secret });
  if (issuer) breaks.push({ mode: 'outage', node: issuer });
  return breaks;
}
