/**
 * The report's big fixture: a seeded 300-node trust graph (the bench generator's), laid out the way people lay
 * out canvases (five trust boundaries of sixty nodes on a grid), with five saved scenarios of different
 * modes, and a few labels that must survive the PDF: Japanese, accented, very long.
 * Used by the PDF tests and by `npm run bench -- report`.
 */
import { generateModel } from '../../bench/generate.ts';
import type { BreakMode, Model, ModelNode, NodeKind } from '../../shared/domain/index.ts';
import { DEFAULT_RESPONSE_HOURS } from '../../shared/domain/index.ts';

export const JAPANESE_LABEL = '決済サービス';
export const ACCENTED_LABEL = 'Données clients';
export const LONG_LABEL = 'arn:aws:iam::123456789012:role/very-long-deployment-role-name-for-production-workloads';

const STEP_X = 264;
const STEP_Y = 144;
const COLUMNS = 10;
const PER_BOUNDARY = 60;
const BOUNDARY_PAD = 48;

export function bigModel(nodes = 300, seed = 7): Model {
  const model = generateModel({ nodes, seed });
  const groups = Math.ceil(nodes / PER_BOUNDARY);
  const rowsPer = Math.ceil(PER_BOUNDARY / COLUMNS);
  const bw = COLUMNS * STEP_X + 2 * BOUNDARY_PAD;
  const bh = rowsPer * STEP_Y + 2 * BOUNDARY_PAD + 24;
  const envs = ['prod', 'prod', 'staging', 'shared', 'dev'] as const;
  model.boundaries = Array.from({ length: groups }, (_, g) => ({
    id: `zone-${g + 1}`,
    label: `Zone ${g + 1}: ${['Payments', 'Identity', 'Staging', 'Shared CI', 'Developer sandbox'][g % 5]}`,
    environment: envs[g % envs.length],
    position: { x: (g % 3) * (bw + 120), y: Math.floor(g / 3) * (bh + 120) },
    size: { width: bw, height: bh },
  }));
  model.nodes = model.nodes.map((n, i) => {
    const g = Math.floor(i / PER_BOUNDARY);
    const k = i % PER_BOUNDARY;
    const b = model.boundaries[g].position;
    const position = {
      x: b.x + BOUNDARY_PAD + (k % COLUMNS) * STEP_X,
      y: b.y + BOUNDARY_PAD + 24 + Math.floor(k / COLUMNS) * STEP_Y,
    };
    return { ...n, position, boundary: model.boundaries[g].id } as ModelNode;
  });
  relabel(model, 'service', JAPANESE_LABEL);
  relabel(model, 'datastore', ACCENTED_LABEL);
  relabel(model, 'identity', LONG_LABEL);

  const degree = new Map<string, number>();
  for (const e of model.edges) degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
  const busiest = (kind: NodeKind, skip = 0) =>
    model.nodes
      .filter((n) => n.kind === kind)
      .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))[skip]?.id;
  const picks: [string, string, BreakMode, string | undefined][] = [
    ['leak-top-secret', 'The busiest secret leaks', 'leak', busiest('secret')],
    ['compromise-service', 'A busy service is compromised', 'compromise', busiest('service')],
    ['agent-injection', 'An agent reads a poisoned document', 'prompt-injection', busiest('agent')],
    ['dependency-hijack', 'A dependency is hijacked', 'supply-chain', busiest('dependency')],
    ['issuer-outage', 'The identity provider goes down', 'outage', busiest('issuer') ?? busiest('service', 1)],
  ];
  model.scenarios = picks
    .filter((p): p is [string, string, BreakMode, string] => p[3] !== undefined)
    .map(([id, name, mode, node]) => ({
      id,
      name,
      breaks: [{ mode, node }],
      patches: [],
      removed: [],
      responses: [],
      params: { responseHours: DEFAULT_RESPONSE_HOURS },
    }));
  return model;
}

/** Gives the first node of a kind a label a PDF must keep intact. */
function relabel(model: Model, kind: NodeKind, label: string): void {
  const node = model.nodes.find((n) => n.kind === kind);
  if (node) node.label = label;
}
