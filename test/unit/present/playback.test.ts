import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { EFFECTS } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { parseModelFile } from '../../../shared/file/index.ts';
import { cutAtTime, cutOfHop, entriesAt, hopIndexAt, playbackOf, resultAt } from '../../../renderer/src/present/playback.ts';
import { buildModel } from '../engine/build.ts';

/** tok leaks; role at 0.5 h; bucket (no delay) and cache (in the bucket) at 0.5 h; db at 1 h. */
function chain(): Model {
  return buildModel(
    [
      ['tok', 'secret'],
      ['role', 'identity'],
      ['db', 'datastore'],
      ['bucket', 'datastore'],
      ['cache', 'datastore'],
      ['other', 'service'],
    ],
    [
      ['e1', 'authenticates', 'tok', 'role'],
      ['e2', 'grants', 'role', 'db', { access: 'write' }],
      ['e3', 'grants', 'role', 'bucket', { access: 'read', delayHours: 0 }],
      ['e4', 'contains', 'bucket', 'cache'],
      ['e5', 'grants', 'tok', 'cache', { access: 'read', delayHours: 1.5 }],
    ],
  );
}

function template(name: string): Model {
  const parsed = parseModelFile(readFileSync(join(import.meta.dirname, '../../../assets/templates', `${name}.faultline.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const key = (t: { node: string; effect: string }) => `${t.node}:${t.effect}`;

/** Per node, the highest effect among what is shown, as the canvas draws it. */
function highest(result: SimulationResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of result.impacts) if (!out[i.node] || EFFECTS.indexOf(i.effect) < EFFECTS.indexOf(out[i.node] as never)) out[i.node] = i.effect;
  return out;
}

describe('the hops of a result', () => {
  it('starts with the break at 0 h and orders hops by hour, then by steps from the break', () => {
    const result = simulate(chain(), { breaks: [{ mode: 'leak', node: 'tok' }] });
    const { hops } = playbackOf(result);
    expect(hops.map((h) => [h.at, h.depth, h.entries.map(key)])).toEqual([
      [0, 0, ['tok:control']],
      [0.5, 1, ['role:control']],
      [0.5, 2, ['bucket:read']],
      [0.5, 3, ['cache:control']],
      [1, 2, ['db:write']],
    ]);
  });

  it('puts every trace entry in exactly one hop, never before the entry that explains it', () => {
    for (const name of ['ai-support-agent', 'cicd-deploy-tokens', 'microservices-mtls', 'saas-integration']) {
      const model = template(name);
      for (const scenario of model.scenarios) {
        const result = simulate(model, scenario);
        const { hops } = playbackOf(result);
        const all = hops.flatMap((h) => h.entries);
        expect(all.length).toBe(result.trace.length);
        expect(new Set(all).size).toBe(result.trace.length);
        const hopOf = new Map(hops.flatMap((h) => h.entries.map((e) => [key(e), h.index] as const)));
        for (const e of all) {
          if (!e.via) continue;
          expect(hopOf.get(`${e.via.from}:${e.via.fromEffect}`)!, `${name}/${scenario.id}: ${key(e)}`).toBeLessThan(hopOf.get(key(e))!);
        }
        // Hours never go back.
        for (let i = 1; i < hops.length; i++) expect(hops[i].at).toBeGreaterThanOrEqual(hops[i - 1].at);
      }
    }
  });

  it('splits a template break that reaches many nodes at 0 h into several hops', () => {
    const model = template('ai-support-agent');
    const result = simulate(model, model.scenarios.find((s) => s.id === 'poisoned-ticket')!);
    const atZero = playbackOf(result).hops.filter((h) => h.at === 0);
    expect(atZero.length).toBeGreaterThan(2);
    expect(atZero[0].entries.every((e) => e.via === null)).toBe(true);
  });

  it('ends at the last impact, or at containment when that comes later', () => {
    const model = template('ai-support-agent');
    const result = simulate(model, model.scenarios.find((s) => s.id === 'poisoned-ticket')!);
    expect(result.detection.containedAt).not.toBeNull();
    expect(playbackOf(result).end).toBe(result.detection.containedAt);
    const quiet = simulate(chain(), { breaks: [{ mode: 'leak', node: 'tok' }] });
    expect(playbackOf(quiet).end).toBe(1);
  });

  it('tells detection and containment as steps at their hours, containment last', () => {
    const model = template('ai-support-agent');
    const result = simulate(model, model.scenarios.find((s) => s.id === 'poisoned-ticket')!);
    const { detectedAt, detectedBy, containedAt } = result.detection;
    const { hops } = playbackOf(result);
    const told = hops.flatMap((h) => h.events.map((ev) => [h.at, ev.kind, ev.node]));
    expect(told).toEqual([
      [detectedAt, 'detected', detectedBy],
      [containedAt, 'contained', null],
    ]);
    // Noticed after the last impact: a step of its own, with nothing reached then.
    expect(hops.at(-1)).toMatchObject({ at: containedAt, entries: [] });
    const quiet = simulate(chain(), { breaks: [{ mode: 'leak', node: 'tok' }] });
    expect(playbackOf(quiet).hops.every((h) => h.events.length === 0)).toBe(true);
  });
});

describe('the radius at a moment', () => {
  it('shows at the end of each hour exactly the impacts the engine reached by then', () => {
    for (const name of ['ai-support-agent', 'cicd-deploy-tokens']) {
      const model = template(name);
      for (const scenario of model.scenarios) {
        const result = simulate(model, scenario);
        for (const t of new Set(result.trace.map((e) => e.at))) {
          const partial = resultAt(result, cutAtTime(t));
          const reached = new Set(result.trace.filter((e) => e.at <= t).map((e) => e.node));
          expect(new Set(partial.impacts.map((i) => i.node))).toEqual(reached);
          for (const i of result.impacts.filter((x) => x.at <= t)) expect(partial.impacts).toContainEqual(i);
        }
      }
    }
  });

  it('at every hop and every hour, lists the strongest impact per node and kind reached so far, in the result’s order', () => {
    // Built afresh from the entries shown, the way §8 builds a result's impacts.
    const expected = (result: SimulationResult, shown: ReturnType<typeof entriesAt>) => {
      const whole = new Map(result.impacts.map((i) => [`${i.node}|${i.effect}`, i]));
      const security = (e: string) => ['read', 'write', 'control'].includes(e);
      const top = new Map<string, SimulationResult['impacts'][number]>();
      for (const t of shown) {
        const key = `${t.node}|${security(t.effect)}`;
        const cur = top.get(key);
        if (cur && EFFECTS.indexOf(t.effect) >= EFFECTS.indexOf(cur.effect)) continue;
        // An effect the whole run bettered is not among its impacts: it was not silent, and no copy of it died.
        const w = whole.get(`${t.node}|${t.effect}`);
        top.set(key, w?.until !== undefined ? { ...t, silent: w.silent, until: w.until } : { ...t, silent: w?.silent ?? false });
      }
      return [...top.values()].sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0) || Number(!security(a.effect)) - Number(!security(b.effect)));
    };
    // The store is read at 0.5 h and written at 1 h: a level bettered, which no template has.
    const bettered = buildModel(
      [
        ['tok', 'secret'],
        ['reader', 'identity'],
        ['writer', 'identity'],
        ['db', 'datastore'],
      ],
      [
        ['a1', 'authenticates', 'tok', 'reader'],
        ['a2', 'authenticates', 'tok', 'writer', { delayHours: 1 }],
        ['g1', 'grants', 'reader', 'db', { access: 'read', delayHours: 0 }],
        ['g2', 'grants', 'writer', 'db', { access: 'write', delayHours: 0 }],
      ],
    );
    const cases: [Model, Model['scenarios'][number][]][] = [
      [bettered, [{ id: 'b', name: 'b', breaks: [{ mode: 'leak', node: 'tok' }], patches: [], removed: [], params: {}, responses: [] } as never]],
    ];
    for (const name of ['ai-support-agent', 'cicd-deploy-tokens', 'microservices-mtls', 'saas-integration']) cases.push([template(name), template(name).scenarios]);
    let cuts = 0;
    let betteredSeen = false;
    for (const [model, scenarios] of cases) {
      for (const scenario of scenarios) {
        const result = simulate(model, scenario);
        if (model === bettered) betteredSeen = result.trace.some((e) => e.node === 'db' && e.effect === 'read') && result.trace.some((e) => e.node === 'db' && e.effect === 'write');
        const playback = playbackOf(result);
        for (const cut of [...playback.hops.map(cutOfHop), ...[...new Set(result.trace.map((e) => e.at))].map(cutAtTime)]) {
          expect(resultAt(result, cut).impacts).toEqual(expected(result, entriesAt(playback, cut)));
          cuts += 1;
        }
      }
    }
    expect(cuts).toBeGreaterThan(100);
    expect(betteredSeen).toBe(true);
  });

  it('is the whole result at the last hop, and nothing before the break', () => {
    const result = simulate(chain(), { breaks: [{ mode: 'leak', node: 'tok' }] });
    const { hops } = playbackOf(result);
    const last = resultAt(result, cutOfHop(hops.at(-1)!));
    expect(last.impacts).toEqual(result.impacts);
    expect(last.summary.counts).toEqual(result.summary.counts);
    expect(resultAt(result, { at: -1, depth: 0 }).impacts).toEqual([]);
    expect(resultAt(result, null)).toBe(result);
  });

  it('shows a hop and everything before it, nothing after', () => {
    const result = simulate(chain(), { breaks: [{ mode: 'leak', node: 'tok' }] });
    const { hops } = playbackOf(result);
    expect(highest(resultAt(result, cutOfHop(hops[1])))).toEqual({ tok: 'control', role: 'control' });
    expect(highest(resultAt(result, cutOfHop(hops[2])))).toEqual({ tok: 'control', role: 'control', bucket: 'read' });
    expect(hopIndexAt(playbackOf(result), cutAtTime(0.4))).toBe(0);
    expect(hopIndexAt(playbackOf(result), cutAtTime(0.5))).toBe(3);
    expect(entriesAt(playbackOf(result), cutOfHop(hops[2])).map(key)).toEqual(['tok:control', 'role:control', 'bucket:read']);
  });

  it('draws a node read early and controlled later as read until the later step', () => {
    const model = buildModel(
      [
        ['tok', 'secret'],
        ['db', 'datastore'],
        ['key', 'secret'],
      ],
      [
        ['e1', 'grants', 'tok', 'db', { access: 'read', delayHours: 0 }],
        ['e2', 'grants', 'tok', 'key', { access: 'read', delayHours: 2 }],
        ['e3', 'grants', 'key', 'db', { access: 'admin', delayHours: 1 }],
      ],
    );
    const result = simulate(model, { breaks: [{ mode: 'leak', node: 'tok' }] });
    expect(result.impacts.find((i) => i.node === 'db')).toMatchObject({ effect: 'control', at: 3 });
    expect(highest(resultAt(result, cutAtTime(1)))).toEqual({ tok: 'control', db: 'read' });
    expect(resultAt(result, cutAtTime(1)).impacts.find((i) => i.node === 'db')!.at).toBe(0);
    expect(highest(resultAt(result, cutAtTime(3)))).toMatchObject({ db: 'control', key: 'control' });
  });

  it('counts detection and containment once they have happened', () => {
    const model = template('ai-support-agent');
    const result = simulate(model, model.scenarios.find((s) => s.id === 'poisoned-ticket')!);
    const detected = result.detection.detectedAt!;
    expect(resultAt(result, cutAtTime(detected - 0.1)).detection.detectedAt).toBeNull();
    expect(resultAt(result, cutAtTime(detected)).detection.detectedAt).toBe(detected);
  });
});

describe('the timeline’s markers', () => {
  it('marks each hour something is reached, detection, containment and every response', async () => {
    const { timelineMarkers } = await import('../../../renderer/src/present/markers.ts');
    const model = template('ai-support-agent');
    const scenario = model.scenarios.find((s) => s.id === 'poisoned-ticket')!;
    const responses = [
      { action: 'rotate' as const, node: 'zendesk-token', at: 4 },
      { action: 'revoke' as const, node: 'zendesk-token', at: 30 },
    ];
    // The responses come from the engine's echo of the scenario it simulated.
    const result = simulate(model, { ...scenario, responses });
    const markers = timelineMarkers(result, (id) => id.toUpperCase());
    expect(markers.filter((m) => m.kind === 'impact').map((m) => m.at)).toEqual([...new Set(result.trace.map((t) => t.at))].sort((a, b) => a - b));
    expect(markers.find((m) => m.kind === 'detected')!.at).toBe(result.detection.detectedAt);
    expect(markers.find((m) => m.kind === 'contained')!.at).toBe(result.detection.containedAt);
    expect(markers.filter((m) => m.kind === 'response').map((m) => m.title)).toEqual(['Rotate ZENDESK-TOKEN at 4 h', 'Revoke ZENDESK-TOKEN at 30 h']);
    for (let i = 1; i < markers.length; i++) expect(markers[i].at).toBeGreaterThanOrEqual(markers[i - 1].at);
  });
});

describe('playback with responses (domain 1.1)', () => {
  /** tok leaks; role at 0.5 h; db at 1 h; tok also reads a cache slowly, at 6.5 h. */
  const model = (): Model =>
    buildModel(
      [
        ['tok', 'secret', { ttlHours: null }],
        ['role', 'identity'],
        ['db', 'datastore'],
        ['cache', 'datastore'],
      ],
      [
        ['e1', 'authenticates', 'tok', 'role'],
        ['e2', 'grants', 'role', 'db', { access: 'write' }],
        ['e3', 'grants', 'tok', 'cache', { access: 'read', delayHours: 6.5 }],
      ],
    );

  it('a rotation cuts what arrives after it, and the radius at every hour is the engine’s impacts up to it', () => {
    const m = model();
    const rotated = simulate(m, { breaks: [{ mode: 'leak', node: 'tok' }], responses: [{ action: 'rotate', node: 'tok', at: 4 }] });
    expect(rotated.impacts.some((i) => i.node === 'cache')).toBe(false);
    const playback = playbackOf(rotated);
    // The axis reaches the response, which comes after the last impact.
    expect(playback.end).toBe(4);
    for (const t of [0, 0.25, 0.5, 1, 3.9, 4, 6.5, 10]) {
      const partial = resultAt(rotated, cutAtTime(t));
      expect(partial.impacts.map((i) => `${i.node}:${i.effect}@${i.at}`)).toEqual(rotated.impacts.filter((i) => i.at <= t).map((i) => `${i.node}:${i.effect}@${i.at}`));
    }
    // The stolen copy keeps its `until`, as the engine said.
    expect(resultAt(rotated, cutAtTime(1)).impacts.find((i) => i.node === 'tok')!.until).toBe(4);
    // The rotation is a step of its own: nothing is reached at 4 h, and stepping must still stop there.
    expect(playback.hops.map((h) => [h.at, h.entries.map(key), h.events])).toEqual([
      [0, ['tok:control'], []],
      [0.5, ['role:control'], []],
      [1, ['db:write'], []],
      [4, [], [{ kind: 'response', action: 'rotate', node: 'tok', at: 4 }]],
    ]);
    expect(playback.hops.map((h) => h.index)).toEqual([0, 1, 2, 3]);
    expect(hopIndexAt(playback, cutOfHop(playback.hops[3]))).toBe(3);
    expect(entriesAt(playback, cutOfHop(playback.hops[3])).map(key)).toEqual(['tok:control', 'role:control', 'db:write']);
  });

  it('shows a response on its node once taken, and a copy as dead once it died', async () => {
    const { deriveOverlay, nodeOverlayOf } = await import('../../../renderer/src/scenarios/overlay.ts');
    const m = model();
    // Rotated at 15 min: the copy dies before its first step (30 min) and carries nothing.
    const scenario = { id: 's', name: 's', breaks: [{ mode: 'leak' as const, node: 'tok' }], patches: [], removed: [], params: { responseHours: 648 }, responses: [{ action: 'rotate' as const, node: 'tok', at: 0.25 }] };
    const result = simulate(m, scenario);
    expect(result.impacts.map((i) => i.node)).toEqual(['tok']);
    const playback = playbackOf(result);
    expect([...playback.dead]).toEqual([['tok', 0.25]]);
    // The rotation and the copy it kills share the step at 15 min, after the break's.
    expect(playback.hops.map((h) => [h.at, h.entries.map(key), h.events.map((e) => `${e.kind}:${e.node}`)])).toEqual([
      [0, ['tok:control'], []],
      [0.25, [], ['response:tok', 'dead:tok']],
    ]);
    expect(playback.end).toBe(0.25);
    const step = (i: number) => nodeOverlayOf(deriveOverlay({ model: m, result: resultAt(result, cutOfHop(playback.hops[i])), scenario, moment: { now: playback.hops[i].at, dead: playback.dead } }), 'tok');
    expect(step(0)).toMatchObject({ responses: [], deadAfter: null });
    expect(step(1)).toMatchObject({ responses: [{ action: 'rotate', at: 0.25 }], deadAfter: 0.25 });
    const at = (now: number) => nodeOverlayOf(deriveOverlay({ model: m, result: resultAt(result, cutAtTime(now)), scenario, moment: { now, dead: playback.dead } }), 'tok');
    expect(at(0)).toMatchObject({ security: 'control', responses: [], deadAfter: null });
    expect(at(0.25)).toMatchObject({ security: 'control', responses: [{ action: 'rotate', at: 0.25 }], deadAfter: 0.25 });
    // The whole result (no playhead) shows both, as the editor always has.
    expect(nodeOverlayOf(deriveOverlay({ model: m, result, scenario }), 'tok')).toMatchObject({ responses: [{ action: 'rotate', at: 0.25 }], deadAfter: 0.25 });
  });

  it('a revoke response is a hop of its own at its hour, after what came before', () => {
    const m = model();
    const revoked = simulate(m, { breaks: [{ mode: 'leak', node: 'tok' }], responses: [{ action: 'revoke', node: 'role', at: 0.75 }] });
    const { hops } = playbackOf(revoked);
    const down = hops.find((h) => h.entries.some((e) => e.node === 'role' && e.effect === 'down'))!;
    expect(down.at).toBe(0.75);
    // The revoke is told on the hop of the down it causes, not on a hop of its own.
    expect(down.events).toEqual([{ kind: 'response', action: 'revoke', node: 'role', at: 0.75 }]);
    expect(hops.filter((h) => h.events.length > 0)).toHaveLength(1);
    expect(highest(resultAt(revoked, cutAtTime(0.5)))).toEqual({ tok: 'control', role: 'control' });
    // Revoked before its grant arrived (1 h): the db is never reached.
    expect(revoked.impacts.some((i) => i.node === 'db')).toBe(false);
  });
});

describe('the legend’s counts at a moment', () => {
  it('counts nodes per effect, the responses taken and the copies dead by then', async () => {
    const { deriveOverlay } = await import('../../../renderer/src/scenarios/overlay.ts');
    const { overlayCounts } = await import('../../../renderer/src/scenarios/LegendStrip.tsx');
    // tok leaks and reads the cache at 6.5 h; a second token leaks too and is rotated at 15 min, before its
    // only step (30 min): its copy dies; the role is revoked at 2 h, after it was controlled.
    const m = buildModel(
      [
        ['tok', 'secret', { ttlHours: null }],
        ['tok2', 'secret', { ttlHours: null }],
        ['role', 'identity'],
        ['db', 'datastore'],
        ['cache', 'datastore'],
      ],
      [
        ['e1', 'authenticates', 'tok', 'role'],
        ['e2', 'grants', 'role', 'db', { access: 'write' }],
        ['e3', 'grants', 'tok', 'cache', { access: 'read', delayHours: 6.5 }],
        ['e4', 'authenticates', 'tok2', 'role'],
      ],
    );
    const scenario = {
      id: 's',
      name: 's',
      breaks: [
        { mode: 'leak' as const, node: 'tok' },
        { mode: 'leak' as const, node: 'tok2' },
      ],
      patches: [],
      removed: [],
      params: { responseHours: 648 },
      responses: [
        { action: 'rotate' as const, node: 'tok2', at: 0.25 },
        { action: 'revoke' as const, node: 'role', at: 2 },
      ],
    };
    const result = simulate(m, scenario);
    const playback = playbackOf(result);
    expect([...playback.dead]).toEqual([['tok2', 0.25]]);
    const countsAt = (now: number) => overlayCounts(deriveOverlay({ model: m, result: resultAt(result, cutAtTime(now)), scenario, moment: { now, dead: playback.dead } }));
    expect(countsAt(0)).toMatchObject({ control: 2, write: 0, read: 0, down: 0, response: 0, dead: 0 });
    expect(countsAt(0.25)).toMatchObject({ control: 2, response: 1, dead: 1 });
    expect(countsAt(1)).toMatchObject({ control: 3, write: 1, response: 1, dead: 1 });
    // The role stays controlled (the attacker keeps what was reached) and is also down from 2 h.
    expect(countsAt(2)).toMatchObject({ control: 3, write: 1, down: 1, response: 2, dead: 1 });
    expect(countsAt(10)).toMatchObject({ control: 3, write: 1, read: 1, down: 1, response: 2, dead: 1 });
    // The whole result counts what the engine counts, and every response.
    const whole = overlayCounts(deriveOverlay({ model: m, result, scenario }));
    for (const e of EFFECTS) expect(whole[e]).toBe(result.summary.counts[e]);
    expect(whole).toMatchObject({ response: 2, dead: 1 });
  });
});
