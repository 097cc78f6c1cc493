import { describe, expect, it } from 'vitest';
import { defaultEdgeKind, EDGE_ENDS, EDGE_KINDS, edgeFits, edgeKindsFor, NODE_KINDS } from '../../../shared/domain/index.ts';

describe('the default edge kind for a drawn pair', () => {
  it.each([
    ['service', 'secret', 'holds'],
    ['service', 'identity', 'runs-as'],
    ['secret', 'identity', 'authenticates'],
    ['secret', 'issuer', 'signs'],
    ['secret', 'datastore', 'grants'],
    ['identity', 'identity', 'assumes'],
    ['identity', 'datastore', 'grants'],
    ['identity', 'issuer', 'trusts'],
    ['agent', 'tool', 'invokes'],
    ['location', 'secret', 'contains'],
    ['location', 'agent', 'instructs'],
    ['pipeline', 'service', 'deploys'],
    ['service', 'dependency', 'depends-on'],
    ['service', 'service', 'calls'],
    ['service', 'datastore', 'calls'],
  ] as const)('%s → %s is %s', (source, target, kind) => {
    expect(defaultEdgeKind(source, target)).toBe(kind);
  });

  it('is a kind that fits the pair whenever some kind fits it', () => {
    for (const s of NODE_KINDS) {
      for (const t of NODE_KINDS) {
        const fitting = EDGE_KINDS.filter((k) => edgeFits(k, s, t));
        if (fitting.length > 0) expect(fitting, `${s} → ${t}`).toContain(defaultEdgeKind(s, t));
      }
    }
  });

  it('falls back to calls, marked as a misfit, when nothing fits', () => {
    expect(edgeKindsFor('issuer', 'person')).toEqual([]);
    expect(defaultEdgeKind('issuer', 'person')).toBe('calls');
    expect(edgeFits('calls', 'issuer', 'person')).toBe(false);
  });

  it('lists every fitting kind once, the plausible one first', () => {
    expect(edgeKindsFor('pipeline', 'service')).toEqual(['deploys', 'calls', 'depends-on']);
    for (const s of NODE_KINDS) {
      for (const t of NODE_KINDS) {
        const kinds = edgeKindsFor(s, t);
        expect(new Set(kinds).size).toBe(kinds.length);
        expect(kinds.every((k) => edgeFits(k, s, t))).toBe(true);
      }
    }
  });

  it('names ends for every edge kind', () => {
    for (const k of EDGE_KINDS) {
      expect(EDGE_ENDS[k].sources.length).toBeGreaterThan(0);
      expect(EDGE_ENDS[k].targets.length).toBeGreaterThan(0);
    }
  });
});
