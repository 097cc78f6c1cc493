/**
 * The choke-point ranking resumes each candidate from its change (engine/trials.ts) instead of running the
 * whole scenario again. On random models it must give the same rows as the full re-simulation, row for
 * row: score after, reduction, closes, reason, order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankChokepoints } from '../../../shared/analysis/chokepoints.ts';
import { generateModel } from '../../../bench/generate.ts';
import { compileModel } from '../../../shared/engine/compile.ts';
import { deadMask, prepare } from '../../../shared/engine/run.ts';
import type { ScenarioInput } from '../../../shared/engine/simulate.ts';
import { Trials } from '../../../shared/engine/trials.ts';
import type { Model } from '../../../shared/domain/schema.ts';
import { caseArb } from './arbitrary.ts';

function same(model: Model, scenario: ScenarioInput): void {
  expect(rankChokepoints(model, scenario, { all: true })).toEqual(rankChokepoints(model, scenario, { all: true, exhaustive: true }));
}

describe('choke-point ranking resumed from the change', () => {
  it('gives the rows of the full re-simulation on random models', () => {
    fc.assert(
      fc.property(caseArb({ maxNodes: 24, maxEdges: 70 }), ({ model, breaks, responses }) => {
        same(model, { breaks, responses });
      }),
      { numRuns: 250 },
    );
  });

  it('gives them where nothing is detected, so that most candidates resume', () => {
    fc.assert(
      fc.property(caseArb({ monitored: false, maxNodes: 30, maxEdges: 90 }), ({ model, breaks }) => {
        same(model, { breaks });
      }),
      { numRuns: 300 },
    );
  });

  it('gives them with containment playing its part (short response, monitored nodes)', () => {
    fc.assert(
      fc.property(caseArb({ maxNodes: 24, maxEdges: 70 }), fc.constantFrom(0, 0.5, 1, 2), ({ model, breaks }, responseHours) => {
        same(model, { breaks, params: { responseHours } });
      }),
      { numRuns: 250 },
    );
  });

  it('gives them on generated models (every kind, holders, bound secrets, issuers)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 40, max: 120 }), (seed, nodes) => {
        const model = generateModel({ nodes, seed });
        same(model, model.scenarios[0]);
      }),
      { numRuns: 40 },
    );
  });

  it('gives them on a generated model of 400 nodes, with its edges left out in the scenario', () => {
    const model = generateModel({ nodes: 400, seed: 7 });
    const scenario = model.scenarios[0];
    same(model, scenario);
    same(model, { ...scenario, removed: model.edges.slice(0, 40).map((e) => e.id) });
  });

  it('resumes most candidates rather than running them in full (else the test above proves little)', () => {
    const model = generateModel({ nodes: 400, seed: 7 });
    const prep = prepare(compileModel(model), model.scenarios[0]);
    const trials = new Trials(prep, deadMask(prep));
    const how = { same: 0, resumed: 0, full: 0 };
    const used = new Set<number>();
    for (let i = 0; i < trials.base.count; i++) if (trials.base.entEdge[i] >= 0) used.add(trials.base.entEdge[i]);
    for (const e of used) how[trials.trial({ remove: e }).how]++;
    expect(how.resumed).toBeGreaterThan(how.full * 4);
    expect(how.resumed).toBeGreaterThan(used.size / 2);
  });

  it('reports progress up to the number of candidates', () => {
    const model = generateModel({ nodes: 200, seed: 3 });
    const seen: [number, number][] = [];
    rankChokepoints(model, model.scenarios[0], { onProgress: (done, total) => seen.push([done, total]) });
    const total = seen[0][1];
    expect(total).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0])).toBe(true);
  });
});
