/** Random small models for the property tests: every kind, every edge kind, delays that tie often. */
import fc from 'fast-check';
import type { Break, Model, ScenarioResponse } from '../../../shared/domain/index.ts';
import { BREAK_APPLIES_TO, BREAK_MODES, EDGE_KINDS, NODE_KINDS, RESPONSE_ACTIONS, responseApplies } from '../../../shared/domain/index.ts';
import { buildModel } from './build.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';

export interface Case {
  model: Model;
  breaks: Break[];
  /** rotate and revoke responses on nodes they apply to (v1.1), often none */
  responses: ScenarioResponse[];
}

const nodeArb = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  criticality: fc.integer({ min: 1, max: 5 }),
  monitored: fc.boolean(),
  detectHours: fc.constantFrom(0, 1, 2),
  ttlHours: fc.constantFrom(null, 0.25, 1, 6),
  rotationDays: fc.constantFrom(null, 0.01, 1),
  bound: fc.boolean(),
  autoRenew: fc.boolean(),
  healthCheck: fc.boolean(),
});

const edgeArb = fc.record({
  kind: fc.constantFrom(...EDGE_KINDS),
  source: fc.nat(),
  target: fc.nat(),
  delayHours: fc.constantFrom(0, 0.5, 1, 2),
  required: fc.boolean(),
  approval: fc.boolean(),
  verified: fc.boolean(),
  constrained: fc.boolean(),
  access: fc.constantFrom('none', 'read', 'write', 'admin'),
  likelihood: fc.constantFrom(0, 0.5, 1),
});

/** Ids whose order differs from the index order, so id tie-breaks are really exercised. */
const nodeId = (i: number) => `${'qwertyuiopasdfghjklzxcvbnm'[(i * 7) % 26]}${i}`;
const edgeId = (i: number) => `e${(i * 11) % 17}-${i}`;

export function caseArb(options: { monitored?: boolean; maxNodes?: number; maxEdges?: number } = {}): fc.Arbitrary<Case> {
  return fc
    .record({
      nodes: fc.array(nodeArb, { minLength: 2, maxLength: options.maxNodes ?? 10 }),
      edges: fc.array(edgeArb, { maxLength: options.maxEdges ?? 25 }),
      breaks: fc.array(fc.record({ node: fc.nat(), mode: fc.nat() }), { minLength: 1, maxLength: 3 }),
      responses: fc.array(fc.record({ node: fc.nat(), action: fc.nat(), at: fc.constantFrom(0, 0.25, 0.5, 1, 2, 5) }), { maxLength: 2 }),
    })
    .map(({ nodes, edges, breaks, responses }) => {
      const nodeSpecs: NodeSpec[] = nodes.map((n, i) => {
        const { kind, ...props } = n;
        return [nodeId(i), kind, { ...props, monitored: options.monitored === false ? false : props.monitored }];
      });
      const edgeSpecs: EdgeSpec[] = edges.map((e, i) => {
        const { kind, source, target, access, ...props } = e;
        const extra = kind === 'calls' ? { access } : kind === 'grants' ? { access: access === 'none' ? 'read' : access } : {};
        return [edgeId(i), kind, nodeId(source % nodes.length), nodeId(target % nodes.length), { ...props, ...extra }];
      });
      const model = buildModel(nodeSpecs, edgeSpecs);
      const picked: Break[] = breaks.map((b) => {
        const node = model.nodes[b.node % nodes.length];
        const modes = BREAK_MODES.filter((m) => BREAK_APPLIES_TO[m].includes(node.kind));
        return { mode: modes[b.mode % modes.length], node: node.id };
      });
      const acting: ScenarioResponse[] = responses.flatMap((r) => {
        const node = model.nodes[r.node % nodes.length];
        const actions = RESPONSE_ACTIONS.filter((a) => responseApplies(a, node.kind));
        return actions.length ? [{ action: actions[r.action % actions.length], node: node.id, at: r.at }] : [];
      });
      return { model, breaks: picked, responses: acting };
    });
}
