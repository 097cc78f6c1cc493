import { beforeEach, describe, expect, it } from 'vitest';
import { SEVERITIES, lintModel } from '../../../shared/analysis/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { explainPath, simulate } from '../../../shared/engine/index.ts';
import {
  NO_NODE,
  UNAFFECTED_EDGE,
  UNAFFECTED_NODE,
  deriveOverlay,
  edgeOverlayOf,
  findingsByNode,
  impactRows,
  nodeOverlayOf,
  pathHighlight,
  pathLengths,
  sortRows,
} from '../../../renderer/src/scenarios/overlay.ts';
import { buildModel } from '../engine/build.ts';

/** tok authenticates as role, role grants write on db; api holds tok and depends on lib; other stands apart. */
function chain(): Model {
  return buildModel(
    [
      ['tok', 'secret', { owner: 'team' }],
      ['role', 'identity', { owner: 'team' }],
      ['db', 'datastore'],
      ['api', 'service'],
      ['lib', 'dependency'],
      ['other', 'service'],
      ['cert', 'secret', { autoRenew: true, ttlHours: 24, owner: 'team' }],
    ],
    [
      ['e1', 'authenticates', 'tok', 'role'],
      ['e2', 'grants', 'role', 'db', { access: 'write' }],
      ['e3', 'depends-on', 'api', 'lib', { required: true }],
      ['e4', 'holds', 'api', 'tok'],
    ],
  );
}

describe('overlay derivation from a SimulationResult', () => {
  let model: Model;
  let leak: SimulationResult;

  beforeEach(() => {
    model = chain();
    leak = simulate(model, { breaks: [{ mode: 'leak', node: 'tok' }] });
  });

  it('gives every impacted node its effect and time, exactly as the impacts say', () => {
    const o = deriveOverlay({ model, result: leak, scenario: null });
    const shown = model.nodes.map((n) => [n.id, nodeOverlayOf(o, n.id)] as const).filter(([, v]) => v.effect !== 'none');
    expect(Object.fromEntries(shown.map(([id, v]) => [id, `${v.effect}@${v.at}`]))).toEqual(
      Object.fromEntries(leak.impacts.map((i) => [i.node, `${i.effect}@${i.at}`])),
    );
  });

  it('marks the break node and dims what the break does not reach', () => {
    const o = deriveOverlay({ model, result: leak, scenario: null });
    expect(nodeOverlayOf(o, 'tok')).toMatchObject({ breaks: ['leak'], effect: 'control', at: 0, prevented: false });
    expect(nodeOverlayOf(o, 'other')).toBe(UNAFFECTED_NODE);
    expect(nodeOverlayOf(o, 'other')).toMatchObject({ active: true, effect: 'none' });
    expect(edgeOverlayOf(o, 'e3')).toBe(UNAFFECTED_EDGE);
  });

  it('shows nothing (not even dimming) without a result', () => {
    const o = deriveOverlay({ model, result: null, scenario: null });
    expect(o.active).toBe(false);
    expect(nodeOverlayOf(o, 'tok')).toBe(NO_NODE);
  });

  it('keeps a security and an availability impact on one node, the security one first, with the silent mark', () => {
    const r = simulate(model, { breaks: [{ mode: 'supply-chain', node: 'lib' }, { mode: 'outage', node: 'lib' }] });
    const api = nodeOverlayOf(deriveOverlay({ model, result: r, scenario: null }), 'api');
    expect(api).toMatchObject({ effect: 'control', at: 24, security: 'control', availability: 'down', availabilityAt: 0, silent: true });
  });

  it('tells which way a step went along each edge that carried one', () => {
    const r = simulate(model, { breaks: [{ mode: 'supply-chain', node: 'lib' }] });
    const o = deriveOverlay({ model, result: r, scenario: null });
    // depends-on spreads from the dependency (target) back to the workload (source)
    expect(edgeOverlayOf(o, 'e3').carried).toEqual({ effect: 'control', at: 24, direction: 'backward' });
    expect(edgeOverlayOf(o, 'e1').carried).toEqual({ effect: 'control', at: 24.5, direction: 'forward' });
    expect(edgeOverlayOf(o, 'e2').carried).toEqual({ effect: 'write', at: 25, direction: 'forward' });
  });

  it('marks a prevented break on its node, with no effect', () => {
    const r = simulate(model, { breaks: [{ mode: 'expire', node: 'cert' }] });
    const o = deriveOverlay({ model, result: r, scenario: null });
    expect(nodeOverlayOf(o, 'cert')).toMatchObject({ breaks: ['expire'], prevented: true, effect: 'none' });
  });

  it("marks the scenario's what-if patches and left-out edges", () => {
    const scenario = {
      id: 's',
      name: 's',
      breaks: [{ mode: 'leak' as const, node: 'tok' }],
      patches: [
        { id: 'e2', props: { access: 'read' } },
        { id: 'db', props: { criticality: 5 } },
      ],
      removed: ['e3'],
      responses: [],
      params: { responseHours: 648 },
    };
    const o = deriveOverlay({ model, result: simulate(model, scenario), scenario });
    expect(edgeOverlayOf(o, 'e2')).toMatchObject({ patched: true, removed: false });
    expect(edgeOverlayOf(o, 'e3')).toMatchObject({ removed: true, carried: null });
    expect(nodeOverlayOf(o, 'db')).toMatchObject({ patched: true, effect: 'read' });
  });

  it('counts findings per node with the worst severity, and keeps entries that did not change', () => {
    const findings = lintModel(model);
    const badges = findingsByNode(findings);
    for (const n of model.nodes) {
      const mine = findings.filter((f) => f.nodes.includes(n.id));
      expect(badges.get(n.id)?.count ?? 0, n.id).toBe(mine.length);
      if (mine.length) expect(badges.get(n.id)!.severity).toBe(SEVERITIES.find((sev) => mine.some((f) => f.severity === sev)));
    }
    const again = findingsByNode(lintModel(model), badges);
    for (const [id, b] of again) expect(b).toBe(badges.get(id));
  });

  it('keeps the same object for a node whose overlay did not change, and a new one for a node whose did', () => {
    const first = deriveOverlay({ model, result: leak, scenario: null });
    const again = deriveOverlay({ model, result: simulate(model, { breaks: [{ mode: 'leak', node: 'tok' }] }), scenario: null }, first);
    for (const id of ['tok', 'role', 'db']) expect(nodeOverlayOf(again, id)).toBe(nodeOverlayOf(first, id));
    expect(edgeOverlayOf(again, 'e1')).toBe(edgeOverlayOf(first, 'e1'));

    const weaker = { breaks: [{ mode: 'leak' as const, node: 'tok' }], patches: [{ id: 'e2', props: { access: 'read' } }] };
    const next = deriveOverlay({ model, result: simulate(model, weaker), scenario: null }, again);
    expect(nodeOverlayOf(next, 'tok')).toBe(nodeOverlayOf(first, 'tok'));
    expect(nodeOverlayOf(next, 'db')).not.toBe(nodeOverlayOf(first, 'db'));
    expect(nodeOverlayOf(next, 'db').effect).toBe('read');
  });
});

describe('the impacts table', () => {
  it('has one row per impacted node with its highest effect and the steps from its break', () => {
    const model = chain();
    const r = simulate(model, { breaks: [{ mode: 'supply-chain', node: 'lib' }, { mode: 'outage', node: 'lib' }] });
    const rows = impactRows(model, r);
    expect(rows.map((x) => x.node).sort()).toEqual([...new Set(r.impacts.map((i) => i.node))].sort());
    const api = rows.find((x) => x.node === 'api')!;
    expect(api).toMatchObject({ effect: 'control', at: 24, also: { effect: 'down', at: 0 }, silent: true, pathLength: 1, kind: 'service' });
    expect(rows.find((x) => x.node === 'db')).toMatchObject({ effect: 'write', pathLength: 4 });
    expect(rows.find((x) => x.node === 'lib')).toMatchObject({ pathLength: 0 });
  });

  it('path lengths match the explanation the engine gives', () => {
    const model = chain();
    const r = simulate(model, { breaks: [{ mode: 'supply-chain', node: 'lib' }] });
    const lengths = pathLengths(r);
    for (const t of r.trace) expect(lengths.get(t), `${t.node}:${t.effect}`).toBe(explainPath(model, r, t.node, t.effect).length - 1);
  });

  it('sorts by any column either way, ties by time then name', () => {
    const model = chain();
    const rows = impactRows(model, simulate(model, { breaks: [{ mode: 'supply-chain', node: 'lib' }] }));
    expect(sortRows(rows, { key: 'at', dir: 'asc' }).map((r) => r.at)).toEqual([0, 24, 24, 24.5, 25]);
    expect(sortRows(rows, { key: 'at', dir: 'desc' }).map((r) => r.at)).toEqual([25, 24.5, 24, 24, 0]);
    expect(sortRows(rows, { key: 'effect', dir: 'asc' }).at(-1)!.effect).toBe('write');
    expect(sortRows(rows, { key: 'label', dir: 'asc' }).map((r) => r.label)).toEqual(['api', 'db', 'lib', 'role', 'tok']);
    expect(sortRows(rows, { key: 'pathLength', dir: 'desc' })[0].node).toBe('db');
  });
});

describe('the explained path highlight', () => {
  it('holds the nodes and edges of the steps', () => {
    const model = chain();
    const r = simulate(model, { breaks: [{ mode: 'leak', node: 'tok' }] });
    const h = pathHighlight(explainPath(model, r, 'db'));
    expect([...h.nodes]).toEqual(['tok', 'role', 'db']);
    expect([...h.edges]).toEqual(['e1', 'e2']);
  });
});
