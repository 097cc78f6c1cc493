/**
 * The choke-point ranking resumes each candidate from its change (engine/trials.ts) instead of running the
 * whole scenario again, and skips (prunes) a candidate whose every step has another it cannot touch. On
 * random models the pruned and resumed ranking must give the same rows as the full re-simulation, row for
 * row: score after, reduction, closes, reason, order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankChokepoints } from '../../../shared/analysis/index.ts';
import { generateModel } from '../../../bench/generate.ts';
import type { ScenarioInput } from '../../../shared/engine/index.ts';
import { compileModel, deadMask, prepare, Trials } from '../../../shared/engine/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { caseArb } from './arbitrary.ts';

/** The edges a trace entry names as its via: the ranking's candidates for removal. */
function viaEdges(trials: Trials): Set<number> {
  const used = new Set<number>();
  for (let i = 0; i < trials.base.count; i++) if (trials.base.entEdge[i] >= 0) used.add(trials.base.entEdge[i]);
  return used;
}

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

  it('prunes candidates whose every step has another the change cannot touch, with the same rows', () => {
    // The rows above cover pruned candidates only if pruning happens on these models: count it, with and
    // without detection (where times matter, the other step must tie; where they do not, it may come later).
    const how = { same: 0, pruned: 0, resumed: 0, full: 0 };
    const count = (model: Model, scenario: ScenarioInput) => {
      const prep = prepare(compileModel(model), scenario);
      const trials = new Trials(prep, deadMask(prep));
      for (const e of viaEdges(trials)) how[trials.trial({ remove: e }).how]++;
    };
    for (const monitored of [true, false]) {
      fc.assert(
        fc.property(caseArb({ monitored, maxNodes: 24, maxEdges: 70 }), ({ model, breaks }) => {
          same(model, { breaks });
          count(model, { breaks });
        }),
        { numRuns: 150, seed: monitored ? 19 : 20 },
      );
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 40, max: 120 }), (seed, nodes) => {
        const model = generateModel({ nodes, seed });
        same(model, model.scenarios[0]);
        count(model, model.scenarios[0]);
      }),
      { numRuns: 20, seed: 21 },
    );
    expect(how.pruned).toBeGreaterThan((how.pruned + how.resumed + how.full) / 20);
  });

  it('resumes most candidates rather than running them in full (else the test above proves little)', () => {
    const model = generateModel({ nodes: 400, seed: 7 });
    const prep = prepare(compileModel(model), model.scenarios[0]);
    const trials = new Trials(prep, deadMask(prep));
    const how = { same: 0, pruned: 0, resumed: 0, full: 0 };
    const used = viaEdges(trials);
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
