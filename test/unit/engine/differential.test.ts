/**
 * The engine's results, frozen: a few hundred seeded random models (every node and edge kind, break modes,
 * rotations, revokes, TTLs, monitors, containment, removed edges, patches) and generated bench models, each
 * simulated, some ranked (choke points) and estimated (Monte Carlo), compared with digests of the results
 * the engine gave before its speed work (engine2 at 70390c7). A speed change must leave every one equal.
 *
 * `UPDATE_GOLDEN=1 npx vitest run test/unit/engine/differential.test.ts` writes the file again: only when a
 * result is meant to change (a spec change), never to make this test pass.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate.ts';
import { monteCarlo, rankChokepoints } from '../../../shared/analysis/index.ts';
import type { Model, ScenarioResponse } from '../../../shared/domain/index.ts';
import { responseApplies } from '../../../shared/domain/index.ts';
import type { ScenarioInput } from '../../../shared/engine/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { caseArb } from './arbitrary.ts';

const FILE = join(import.meta.dirname, 'golden', 'differential.json');
const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);

interface Case {
  name: string;
  run: () => unknown;
}

/** Scenario variants of one random model: as drawn, with a response time and a removed edge, with patches. */
function randomCases(): Case[] {
  const out: Case[] = [];
  const drawn = fc.sample(caseArb({ maxNodes: 12, maxEdges: 32 }), { seed: 20261205, numRuns: 300 });
  drawn.forEach(({ model, breaks, responses }, i) => {
    const base: ScenarioInput = { breaks, responses };
    out.push({ name: `random ${i}`, run: () => simulate(model, base) });
    const e0 = model.edges[i % Math.max(1, model.edges.length)];
    const variant: ScenarioInput = {
      breaks,
      responses,
      params: { responseHours: [0, 0.5, 1, 3][i % 4] },
      removed: e0 ? [e0.id] : [],
    };
    out.push({ name: `random ${i} contained, one edge removed`, run: () => simulate(model, variant) });
    const patches = model.edges.slice(0, 3).map((e) => ({ id: e.id, props: { delayHours: (i % 3) * 0.5 } }));
    out.push({ name: `random ${i} delays patched`, run: () => simulate(model, { breaks, responses, patches }) });
    if (i % 5 === 0) out.push({ name: `random ${i} ranked`, run: () => rankChokepoints(model, base, { all: true }) });
  });
  return out;
}

/** Rotations and revokes on a generated model's secrets and identities, at hours that fall among its steps. */
function responsesFor(model: Model, count: number): ScenarioResponse[] {
  const out: ScenarioResponse[] = [];
  for (let i = 0; i < model.nodes.length && out.length < count; i += 7) {
    const node = model.nodes[i];
    const action = out.length % 2 === 0 ? 'rotate' : 'revoke';
    if (responseApplies(action, node.kind)) out.push({ action, node: node.id, at: [0, 0.5, 1, 2, 4][out.length % 5] });
  }
  return out;
}

function generatedCases(): Case[] {
  const out: Case[] = [];
  for (const [nodes, seeds] of [
    [200, [1, 2, 3, 4, 5, 6]],
    [1000, [7, 42]],
    [5000, [11]],
  ] as const) {
    for (const seed of seeds) {
      const model = generateModel({ nodes, seed });
      const scenario = model.scenarios[0];
      const name = `generated ${nodes} seed ${seed}`;
      out.push({ name, run: () => simulate(model, scenario) });
      out.push({ name: `${name} responses`, run: () => simulate(model, { ...scenario, responses: responsesFor(model, 12) }) });
      out.push({ name: `${name} contained`, run: () => simulate(model, { ...scenario, params: { responseHours: 2 } }) });
      if (nodes === 200) out.push({ name: `${name} ranked`, run: () => rankChokepoints(model, scenario, { all: true }) });
      if (nodes === 1000 && seed === 42) {
        out.push({ name: `${name} ranked`, run: () => rankChokepoints(model, scenario, { all: true }) });
        out.push({ name: `${name} Monte Carlo`, run: () => monteCarlo(model, scenario, { runs: 40, seed: 3 }) });
      }
    }
  }
  return out;
}

describe('engine results against the frozen ones (differential)', () => {
  it('gives every seeded model, scenario, ranking and estimate the result it gave before', () => {
    const cases = [...randomCases(), ...generatedCases()];
    const got: Record<string, string> = {};
    for (const c of cases) got[c.name] = digest(c.run());
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FILE)) {
      writeFileSync(FILE, `${JSON.stringify(got, null, 1)}\n`);
    }
    const want = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
    expect(Object.keys(got).length).toBeGreaterThan(900);
    const differ = Object.keys(want).filter((k) => got[k] !== want[k]);
    expect(differ, `results changed: ${differ.slice(0, 10).join('; ')}`).toEqual([]);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  }, 300_000);
});
