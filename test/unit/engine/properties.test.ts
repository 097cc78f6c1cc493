/** The engine's invariants (§7) on random models. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { SECURITY_EFFECTS } from '../../../shared/domain/index.ts';
import type { ScenarioInput, SimulationResult } from '../../../shared/engine/index.ts';
import { compileModel, simulate } from '../../../shared/engine/index.ts';
import { caseArb } from './arbitrary.ts';

const isSecurity = (e: string) => (SECURITY_EFFECTS as readonly string[]).includes(e);
/** Edges whose target controlled gives their source control (§4): a way into a node from its out-edges. */
const REVERSE_KINDS = new Set(['depends-on', 'trusts', 'issued-by']);

/**
 * Per node and level, the earliest time the node is at that level or above. Security: read < write <
 * control. Availability: degraded < down (a node down is at least degraded).
 */
function ladder(r: SimulationResult, only?: 'security'): Map<string, number> {
  const out = new Map<string, number>();
  const put = (k: string, t: number) => out.set(k, Math.min(out.get(k) ?? Infinity, t));
  for (const e of r.trace) {
    if (isSecurity(e.effect)) {
      for (const l of SECURITY_EFFECTS.slice(0, SECURITY_EFFECTS.indexOf(e.effect as never) + 1)) put(`${e.node} ${l}`, e.at);
    } else if (only !== 'security') {
      put(`${e.node} degraded`, e.at);
      if (e.effect === 'down') put(`${e.node} down`, e.at);
    }
  }
  return out;
}

/** Nothing new and nothing earlier in `after` than in `before`. */
function expectNoWorse(before: Map<string, number>, after: Map<string, number>) {
  for (const [key, t] of after) {
    expect(before.has(key), `${key} is new`).toBe(true);
    expect(t, `${key} is earlier`).toBeGreaterThanOrEqual(before.get(key)!);
  }
}

/** A control that the model's edge `i` (or its secret) can take, as a patch. */
function controlFor(model: Model, i: number): ScenarioInput['patches'] {
  const e = model.edges[i];
  const source = model.nodes.find((n) => n.id === e.source)!;
  switch (e.kind) {
    case 'invokes':
      return [{ id: e.id, props: { approval: true } }];
    case 'depends-on':
      return [{ id: e.id, props: { verified: true } }];
    case 'trusts':
      return [{ id: e.id, props: { constrained: true } }];
    case 'authenticates':
    case 'grants':
      if (source.kind === 'secret') return [{ id: source.id, props: { bound: true } }];
      if (e.kind === 'grants' && e.props.access !== 'read') return [{ id: e.id, props: { access: e.props.access === 'admin' ? 'write' : 'read' } }];
      return [];
    case 'calls':
      return e.props.access === 'none' ? [] : [{ id: e.id, props: { access: 'none' } }];
    default:
      return [];
  }
}

const shuffled = <T,>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

const RUNS = { numRuns: 300 };

/**
 * Did some secret go down through `issued-by` (its issuer down, its TTL run out)? That invalidates it (§5,
 * v1.1), so an edge that carries the issuer's outage stops the attacker: removing it can let them reach more.
 */
function invalidatedThroughIssuer(model: Model, r: SimulationResult): boolean {
  const down = new Set(r.trace.filter((t) => t.effect === 'down').map((t) => t.node));
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  return model.edges.some((e) => {
    const s = nodes.get(e.source);
    return e.kind === 'issued-by' && down.has(e.target) && s?.kind === 'secret' && s.props.ttlHours !== null;
  });
}

describe('monotonicity without containment (§7)', () => {
  // Without responses: a theft delayed past a rotation takes the new secret, which the rotation does not
  // end (§5), so with rotations removing an edge can reach more. And without an issuer's outage invalidating
  // a credential (§5), which an edge carrying that outage brings about.
  it('removing an edge never adds a level nor makes one earlier', () => {
    fc.assert(
      fc.property(caseArb({ monitored: false }), fc.nat(), ({ model, breaks }, pick) => {
        fc.pre(model.edges.length > 0);
        const edge = model.edges[pick % model.edges.length].id;
        const before = simulate(model, { breaks });
        fc.pre(!invalidatedThroughIssuer(model, before));
        const after = simulate(model, { breaks, removed: [edge] });
        expectNoWorse(ladder(before), ladder(after));
      }),
      RUNS,
    );
  });

  it('adding a control (approval, verified, constrained, bound, lower access) never adds a level nor makes one earlier', () => {
    fc.assert(
      fc.property(caseArb({ monitored: false }), fc.nat(), ({ model, breaks }, pick) => {
        fc.pre(model.edges.length > 0);
        const patches = controlFor(model, pick % model.edges.length);
        fc.pre(patches !== undefined && patches.length > 0);
        const before = simulate(model, { breaks });
        const after = simulate(model, { breaks, patches });
        expectNoWorse(ladder(before), ladder(after));
      }),
      RUNS,
    );
  });

  it('a shorter TTL or rotation never adds a security level nor makes one earlier', () => {
    // Security only: a shorter TTL does bring an issuer outage to the credential sooner (issued-by).
    fc.assert(
      fc.property(caseArb({ monitored: false }), fc.nat(), fc.constantFrom(0, 0.1, 0.5, 2), fc.boolean(), ({ model, breaks }, pick, hours, rotation) => {
        const secrets = model.nodes.filter((n) => n.kind === 'secret');
        fc.pre(secrets.length > 0);
        const s = secrets[pick % secrets.length];
        const props = s.props as { ttlHours: number | null; rotationDays: number | null };
        const patch = rotation
          ? { rotationDays: Math.min(props.rotationDays ?? Infinity, hours / 24) }
          : { ttlHours: Math.min(props.ttlHours ?? Infinity, hours) };
        const before = simulate(model, { breaks });
        const after = simulate(model, { breaks, patches: [{ id: s.id, props: patch }] });
        expectNoWorse(ladder(before, 'security'), ladder(after, 'security'));
      }),
      RUNS,
    );
  });
});

describe('explanations and determinism', () => {
  it('every via names an earlier-or-equal trace entry, and every chain ends at a break or a response', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom(0, 1, 5, 648), ({ model, breaks, responses }, responseHours) => {
        const r = simulate(model, { breaks, responses, params: { responseHours } });
        const byKey = new Map(r.trace.map((t) => [`${t.node} ${t.effect}`, t]));
        expect(byKey.size).toBe(r.trace.length);
        for (const entry of r.trace) {
          let at = entry.at;
          let cur = entry;
          for (let steps = 0; cur.via; steps++) {
            expect(steps).toBeLessThan(r.trace.length);
            const prev = byKey.get(`${cur.via.from} ${cur.via.fromEffect}`);
            expect(prev, `${cur.node} ${cur.effect} names a missing entry`).toBeDefined();
            expect(prev!.at).toBeLessThanOrEqual(at);
            at = prev!.at;
            cur = prev!;
          }
          const atBreak = cur.at === 0 && breaks.some((b) => b.node === cur.node);
          const atResponse = cur.effect === 'down' && responses.some((x) => x.action === 'revoke' && x.node === cur.node && x.at === cur.at);
          expect(atBreak || atResponse, `${cur.node} ${cur.effect}@${cur.at} is neither a break nor a response`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('impacts: at most one security and one availability impact per node, each a trace entry', () => {
    fc.assert(
      fc.property(caseArb(), ({ model, breaks, responses }) => {
        const r = simulate(model, { breaks, responses });
        const seen = new Set<string>();
        for (const i of r.impacts) {
          const key = `${i.node} ${isSecurity(i.effect)}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          const { silent: _silent, until: _until, ...entry } = i;
          expect(r.trace).toContainEqual(entry);
        }
      }),
      RUNS,
    );
  });

  it('no security step arrives after containedAt', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom(0, 0.5, 2), ({ model, breaks, responses }, responseHours) => {
        const r = simulate(model, { breaks, responses, params: { responseHours } });
        const limit = r.detection.containedAt ?? Infinity;
        for (const t of r.trace) if (isSecurity(t.effect)) expect(t.at).toBeLessThanOrEqual(limit);
      }),
      RUNS,
    );
  });

  it('gives the same result whatever the order of nodes and edges in the file', () => {
    fc.assert(
      fc.property(caseArb(), fc.integer(), ({ model, breaks, responses }, seed) => {
        const reordered: Model = { ...model, nodes: shuffled(model.nodes, seed), edges: shuffled(model.edges, seed * 31 + 7) };
        expect(simulate(reordered, { breaks, responses })).toEqual(simulate(model, { breaks, responses }));
      }),
      RUNS,
    );
  });

  it('gives the same result on a second run, and on a fresh compile', () => {
    fc.assert(
      fc.property(caseArb(), ({ model, breaks, responses }) => {
        const first = simulate(model, { breaks, responses });
        expect(simulate(model, { breaks, responses })).toEqual(first);
        compileModel(model, { fresh: true });
        expect(simulate(model, { breaks, responses })).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});

describe('breaks and responses (§6, v1.1)', () => {
  it('every break that is not prevented appears at time 0 with no via', () => {
    // Catches a break mode that does nothing: each mode must put its node at its effect at 0.
    fc.assert(
      fc.property(caseArb(), ({ model, breaks, responses }) => {
        const r = simulate(model, { breaks, responses });
        for (const b of breaks) {
          if (r.prevented.some((p) => p.mode === b.mode && p.node === b.node)) continue;
          const security = ['leak', 'compromise', 'prompt-injection', 'supply-chain'].includes(b.mode);
          const entry = r.trace.find((t) => t.node === b.node && (security ? isSecurity(t.effect) : t.effect === 'down'));
          expect(entry, `${b.mode}:${b.node} left no trace`).toBeDefined();
          expect(entry!.at).toBe(0);
          if (security) expect(entry!.effect).toBe('control');
        }
      }),
      RUNS,
    );
  });

  it('rotating earlier never reaches more, when containment plays no part and one route reaches the secret', () => {
    // One rotation of one stolen secret, both times after its copy was taken (a rotation at or before the
    // theft rotates a secret not yet stolen: the copy is of the new one, §5). With a second route to the
    // secret, rotating earlier can reach more, and rightly: a copy the route takes after the rotation is of
    // the new secret (domain11.test.ts, "a copy taken again after a rotation").
    const oneRoute = (model: Model, s: string) => model.edges.every((e) => e.target !== s && (e.source !== s || !REVERSE_KINDS.has(e.kind)));
    fc.assert(
      fc.property(caseArb({ monitored: false }), fc.nat(), fc.constantFrom(0.1, 0.5, 1, 3), fc.constantFrom(0, 0.5, 2, 24), ({ model, breaks }, pick, first, gap) => {
        const base = simulate(model, { breaks });
        const stolen = base.impacts.filter((i) => i.effect === 'control' && model.nodes.find((n) => n.id === i.node)?.kind === 'secret' && oneRoute(model, i.node));
        fc.pre(stolen.length > 0);
        const s = stolen[pick % stolen.length];
        const early = s.at + first;
        const rotate = (at: number) => simulate(model, { breaks, responses: [{ action: 'rotate', node: s.node, at }] });
        const sooner = ladder(rotate(early), 'security');
        expectNoWorse(ladder(rotate(early + gap), 'security'), sooner);
        expectNoWorse(ladder(base, 'security'), sooner);
      }),
      RUNS,
    );
  });

  it('a response only takes away: the attacker reaches nothing more nor sooner than without it', () => {
    fc.assert(
      fc.property(caseArb({ monitored: false }), ({ model, breaks, responses }) => {
        fc.pre(responses.length === 1);
        const [response] = responses;
        if (response.action === 'rotate') {
          // a rotation after the theft (see above); one at or before it is of a secret not yet stolen
          const at = simulate(model, { breaks }).impacts.find((i) => i.node === response.node && isSecurity(i.effect))?.at;
          fc.pre(at !== undefined && at < response.at);
        }
        const without = simulate(model, { breaks });
        const withIt = simulate(model, { breaks, responses });
        expectNoWorse(ladder(without, 'security'), ladder(withIt, 'security'));
      }),
      RUNS,
    );
  });
});
