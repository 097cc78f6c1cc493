/**
 * Every break mode has its behaviour in BREAK_INFO (§6), and the engine, the explanations and the report do
 * what the entry says. A mode added to BREAK_MODES without an entry does not compile; a mode whose entry the
 * engine or the words ignore fails here (a mode that simulates to an empty result fails the first test).
 */
import { describe, expect, it } from 'vitest';
import type { BreakMode, NodeKind } from '../../../shared/domain/index.ts';
import { BREAK_INFO, BREAK_MODES, breakApplies, NODE_KINDS } from '../../../shared/domain/index.ts';
import { explainPath, simulate } from '../../../shared/engine/index.ts';
import { breaksPhrase, labelsOf } from '../../../shared/report/index.ts';
import { buildModel } from './build.ts';

/** Every (mode, kind) pair the mode applies to. */
const PAIRS = BREAK_MODES.flatMap((mode) => BREAK_INFO[mode].appliesTo.map((kind) => [mode, kind] as [BreakMode, NodeKind]));

/** The node under the break, and one step out of it: `x` assumes `next` after 0.5 h (§4: rules apply whatever the kinds). */
const model = (kind: NodeKind, props: Record<string, unknown> = {}) =>
  buildModel(
    [
      ['x', kind, props, 'Node X'],
      ['next', 'identity'],
    ],
    [['e1', 'assumes', 'x', 'next', { delayHours: 0.5 }]],
  );

/** A mode that starts a compromise on the kind, to see what the node still carries after a `down` break. */
const attackOn = (kind: NodeKind): BreakMode => BREAK_MODES.find((m) => BREAK_INFO[m].starts === 'control' && breakApplies(m, kind))!;

describe('BREAK_INFO: each mode does what its entry says (§6)', () => {
  it('has an entry, with words, for every mode and no other', () => {
    expect(Object.keys(BREAK_INFO).sort()).toEqual([...BREAK_MODES].sort());
    for (const mode of BREAK_MODES) {
      const info = BREAK_INFO[mode];
      expect(info.title.length, mode).toBeGreaterThan(0);
      expect(info.meaning.length, mode).toBeGreaterThan(0);
      expect(info.tags.length, mode).toBeGreaterThan(0);
      expect(info.happened.length, mode).toBeGreaterThan(0);
      expect(info.appliesTo.length, mode).toBeGreaterThan(0);
      expect(info.appliesTo.every((k) => NODE_KINDS.includes(k)), mode).toBe(true);
    }
  });

  it.each(PAIRS)('%s on a %s starts the node at its effect at 0, with no via', (mode, kind) => {
    const r = simulate(model(kind), { breaks: [{ mode, node: 'x' }] });
    expect(r.prevented).toEqual([]);
    const effect = BREAK_INFO[mode].starts;
    expect(r.trace.find((t) => t.node === 'x' && t.effect === effect)).toEqual({ node: 'x', effect, at: 0, via: null });
    // A security start is a compromise: the step out of the node fires. A down start is not.
    expect(r.impacts.some((i) => i.node === 'next'), mode).toBe(effect === 'control');
  });

  it.each(PAIRS)('%s on a %s invalidates the node (it carries nothing after 0) as its entry says', (mode, kind) => {
    const attack = attackOn(kind);
    const r = simulate(model(kind), { breaks: [{ mode: attack, node: 'x' }, { mode, node: 'x' }] });
    expect(r.impacts.find((i) => i.node === 'x' && i.effect === 'control')?.at).toBe(0);
    expect(r.impacts.some((i) => i.node === 'next'), `${mode} on ${kind}`).toBe(!BREAK_INFO[mode].invalidates);
  });

  it.each(PAIRS.filter(([, kind]) => kind === 'secret'))('%s on a %s that renews itself is prevented as its entry says', (mode, kind) => {
    const r = simulate(model(kind, { autoRenew: true }), { breaks: [{ mode, node: 'x' }] });
    const preventedBy = BREAK_INFO[mode].preventedBy;
    expect(r.prevented).toEqual(preventedBy ? [{ mode, node: 'x', reason: preventedBy }] : []);
    expect(r.impacts.length === 0).toBe(preventedBy !== null);
  });

  it.each(PAIRS)('%s on a %s is told in its own words in the path and the report', (mode, kind) => {
    const m = model(kind);
    const r = simulate(m, { breaks: [{ mode, node: 'x' }] });
    const [first] = explainPath(m, r, 'x');
    expect(first.rule).toBe(`break: ${mode}`);
    expect(first.sentence).toBe(`Node X ${BREAK_INFO[mode].happened} at 0 h`);
    expect(breaksPhrase([{ mode, node: 'x' }], labelsOf(m))).toBe(BREAK_INFO[mode].phrase('Node X'));
    expect(BREAK_INFO[mode].phrase('Node X')).toContain('Node X');
  });
});
