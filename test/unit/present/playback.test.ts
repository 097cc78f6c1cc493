import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EFFECTS } from '../../../shared/domain/kinds.ts';
import type { Model } from '../../../shared/domain/schema.ts';
import { simulate } from '../../../shared/engine/simulate.ts';
import type { SimulationResult } from '../../../shared/engine/types.ts';
import { parseModelFile } from '../../../shared/file/loader.ts';
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
    const result = simulate(model, scenario);
    const responses = [
      { action: 'rotate' as const, node: 'zendesk-token', at: 4 },
      { action: 'revoke' as const, node: 'zendesk-token', at: 30 },
    ];
    const markers = timelineMarkers(result, (id) => id.toUpperCase(), responses);
    expect(markers.filter((m) => m.kind === 'impact').map((m) => m.at)).toEqual([...new Set(result.trace.map((t) => t.at))].sort((a, b) => a - b));
    expect(markers.find((m) => m.kind === 'detected')!.at).toBe(result.detection.detectedAt);
    expect(markers.find((m) => m.kind === 'contained')!.at).toBe(result.detection.containedAt);
    expect(markers.filter((m) => m.kind === 'response').map((m) => m.title)).toEqual(['Rotate ZENDESK-TOKEN at 4 h', 'Revoke ZENDESK-TOKEN at 30 h']);
    for (let i = 1; i < markers.length; i++) expect(markers[i].at).toBeGreaterThanOrEqual(markers[i - 1].at);
  });
});
