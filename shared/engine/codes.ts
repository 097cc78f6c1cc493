/** Integer codes the engine uses in place of strings: kinds, effects, rule codes. */
import type { EdgeKind, NodeKind } from '../domain/index.ts';
import { EDGE_KINDS, NODE_KINDS } from '../domain/index.ts';

export const K = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;
export const E = Object.fromEntries(EDGE_KINDS.map((k, i) => [k, i])) as Record<EdgeKind, number>;

/** Internal effect codes. Security levels are 0..2 so that `level >= READ` reads as "at least". */
export const READ = 0;
export const WRITE = 1;
export const CONTROL = 2;
export const DOWN = 3;
export const DEGRADED = 4;
/** premise of an edge without a forward rule */
export const NO_PREMISE = 3;
export const EFFECT_NAMES = ['read', 'write', 'control', 'down', 'degraded'] as const;

/** Availability rule codes on an edge whose target goes down (`availRev`). */
export const AV_NONE = 0;
export const AV_DOWN = 1;
export const AV_DEGRADED = 2;
/** `issued-by`: the source secret goes down its own `ttlHours` after the issuer. */
export const AV_DOWN_AFTER_TTL = 3;

/** §5 flag per edge: not a step out of a secret / stolen copy allowed / holder only. */
export const S5_NO = 0;
export const S5_COPY = 1;
export const S5_HOLDER_ONLY = 2;

/**
 * An edge's security facts packed in one byte (Params.sec), so that the forward scan reads one array where it
 * read four: bits 0-1 the premise (NO_PREMISE: none), bits 2-3 the forward level + 1 (0: none), bits 4-5 the
 * §5 rule, bit 6 set on a `holds` edge.
 */
export const secCode = (premise: number, fwd: number, s5: number, holds: boolean): number =>
  premise | ((fwd + 1) << 2) | (s5 << 4) | (holds ? SEC_HOLDS : 0);
export const SEC_HOLDS = 64;
export const premiseOf = (code: number): number => code & 3;
export const levelOf = (code: number): number => ((code >> 2) & 3) - 1;
export const s5Of = (code: number): number => (code >> 4) & 3;

/** Code-unit order, the same as `<` on strings: stable across platforms and locales. */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
