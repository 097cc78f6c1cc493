/**
 * Probabilistic mode (§9): each run keeps each edge with its `likelihood` (after the scenario's patches);
 * per node, the share of runs in which each effect is reached.
 *
 * Counting: a node counts for a security level when it reached that level or a higher one (§3: a node at
 * a level has every lower level). It counts for `down` when it went down, and for `degraded` when it was
 * degraded or, being a kind that can be degraded (service, agent, tool, pipeline), went down: the
 * availability ladder degraded < down. Effects never reached and nodes never reached are left out.
 *
 * Seeded (mulberry32) and repeatable: edges draw in id order, and only edges with a likelihood strictly
 * between 0 and 1 draw at all, so neither file order nor certain edges shift the random stream.
 */
import type { Effect, Model } from '../domain/index.ts';
import { DEGRADABLE_KINDS, EFFECTS } from '../domain/index.ts';
import type { ScenarioInput } from '../engine/index.ts';
import { checkCompiled, cmpStr, compileModel, CONTROL, createWorkspace, deadMask, DEGRADED, DOWN, K, prepare, READ, runPrepared, WRITE } from '../engine/index.ts';

export interface MonteCarloResult {
  runs: number;
  seed: number;
  /** share 0..1 of runs reaching each effect, per node id */
  nodes: Record<string, Partial<Record<Effect, number>>>;
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE: Record<Effect, number> = { read: READ, write: WRITE, control: CONTROL, down: DOWN, degraded: DEGRADED };

interface MonteCarloOptions {
  runs: number;
  seed: number;
  /** called every `progressEvery` runs (default 50) and at the end: runs done of total */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export function monteCarlo(model: Model, scenario: ScenarioInput, options: MonteCarloOptions): MonteCarloResult {
  const { runs, seed } = options;
  if (!Number.isInteger(runs) || runs < 0) throw new RangeError(`runs: expected a whole number ≥ 0, got ${runs}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed: expected a number, got ${seed}`);
  const c = compileModel(model);
  const problem = checkCompiled(c, scenario);
  if (problem) throw problem;
  const prep = prepare(c, scenario);
  const { likelihood } = prep.params;
  const base = deadMask(prep) ?? new Uint8Array(c.m);
  const uncertain: number[] = [];
  const never: number[] = [];
  for (let e = 0; e < c.m; e++) {
    if (likelihood[e] <= 0) never.push(e);
    else if (likelihood[e] < 1) uncertain.push(e);
  }
  uncertain.sort((a, b) => cmpStr(c.edgeIds[a], c.edgeIds[b]));
  for (const e of never) base[e] = 1;
  const degradable = new Uint8Array(c.n);
  for (let v = 0; v < c.n; v++) degradable[v] = isDegradable(c.nodeKind[v]) ? 1 : 0;

  const random = mulberry32(seed);
  const counts = new Int32Array(c.n * 5);
  const dead = new Uint8Array(c.m);
  const workspace = createWorkspace(c.n);
  const every = Math.max(1, options.progressEvery ?? 50);
  for (let run = 0; run < runs; run++) {
    if (run % every === 0) options.onProgress?.(run, runs);
    dead.set(base);
    for (const e of uncertain) if (!(random() < likelihood[e])) dead[e] = 1;
    const core = runPrepared(prep, dead, workspace);
    for (let v = 0; v < c.n; v++) {
      const level = core.secLevel[v];
      for (let l = 0; l <= level; l++) counts[v * 5 + l]++;
      const down = core.downEntry[v] >= 0;
      if (down) counts[v * 5 + DOWN]++;
      if (core.degEntry[v] >= 0 || (down && degradable[v] === 1)) counts[v * 5 + DEGRADED]++;
    }
  }

  options.onProgress?.(runs, runs);
  const nodes: MonteCarloResult['nodes'] = {};
  const order = Array.from({ length: c.n }, (_, v) => v).sort((a, b) => c.rank[a] - c.rank[b]);
  for (const v of order) {
    let shares: Partial<Record<Effect, number>> | null = null;
    for (const effect of EFFECTS) {
      const k = counts[v * 5 + CODE[effect]];
      if (k > 0) (shares ??= {})[effect] = k / runs;
    }
    if (shares) nodes[c.nodeIds[v]] = shares;
  }
  return { runs, seed, nodes };
}

const DEGRADABLE_CODES = new Set(DEGRADABLE_KINDS.map((k) => K[k]));
const isDegradable = (kind: number): boolean => DEGRADABLE_CODES.has(kind);
