/** The decision tools' pure parts: a fix as a what-if variant, comparison marks, likelihood shares, notes as patches, jobs. */
import { describe, expect, it } from 'vitest';
import { diffResults, monteCarlo, rankChokepoints } from '../../../shared/analysis/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { fixVariant } from '../../../renderer/src/decide/fixVariant.ts';
import { createJobRunner } from '../../../renderer/src/decide/jobs/runner.ts';
import { addNote, deleteNote, updateNote } from '../../../renderer/src/decide/notes/notesOps.ts';
import { badgesOf, marksOf, sharesOf } from '../../../renderer/src/decide/store.ts';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import { buildModel } from '../engine/build.ts';

const model = () =>
  buildModel(
    [
      ['bot', 'agent'],
      ['refund', 'tool'],
      ['key', 'secret', { ttlHours: null }],
      ['role', 'identity'],
      ['db', 'datastore', { sensitivity: 'restricted' }],
    ],
    [
      ['i1', 'invokes', 'bot', 'refund', { likelihood: 0.5 }],
      ['h1', 'holds', 'refund', 'key'],
      ['a1', 'authenticates', 'key', 'role', { likelihood: 0.7 }],
      ['g1', 'grants', 'role', 'db', { access: 'admin' }],
    ],
    [{ id: 's1', name: 'Injected', breaks: [{ mode: 'prompt-injection', node: 'bot' }] }],
  );

describe('fixVariant', () => {
  it('holds every ranked fix as the engine applies it: the variant scores exactly scoreAfter', () => {
    const m = model();
    const s = m.scenarios[0];
    const fixes = rankChokepoints(m, s);
    expect(fixes.length).toBeGreaterThan(3);
    for (const f of fixes) {
      const made = fixVariant(m, 's1', f)!;
      const next = applyPatch(m, made.patch);
      const variant = next.scenarios.find((x) => x.id === made.id)!;
      expect(variant.name).toBe(`Injected + ${f.description}`);
      expect(next.scenarios.indexOf(variant)).toBe(1);
      expect(simulate(next, variant).summary.score, f.id).toBeCloseTo(f.scoreAfter, 9);
    }
  });

  it('merges a patch into the scenario patch of the same item and is undone whole', () => {
    const m = model();
    m.scenarios[0].patches = [{ id: 'i1', props: { likelihood: 0.9 } }];
    const fix = rankChokepoints(m, m.scenarios[0]).find((f) => f.id === 'approval:i1')!;
    const made = fixVariant(m, 's1', fix)!;
    const next = applyPatch(m, made.patch);
    expect(next.scenarios[1].patches).toEqual([{ id: 'i1', props: { likelihood: 0.9, approval: true } }]);
    expect(applyPatch(next, invertPatch(made.patch)).scenarios).toEqual(m.scenarios);
  });
});

describe('comparison marks, badges and shares', () => {
  it('marks nodes no longer reached, newly reached and changed, from the engine diff', () => {
    const m = model();
    const before = simulate(m, m.scenarios[0]);
    const after = simulate(m, { ...m.scenarios[0], patches: [{ id: 'g1', props: { access: 'read' } }] });
    const gone = simulate(m, { ...m.scenarios[0], removed: ['h1'] });
    const marks = marksOf({ before, after, diff: diffResults(before, after) });
    expect(marks.get('db')).toBe('changed');
    const cut = marksOf({ before, after: gone, diff: diffResults(before, gone) });
    expect([...cut].filter(([, k]) => k === 'gone').map(([id]) => id).sort()).toEqual(['db', 'key', 'role']);
    const back = marksOf({ before: gone, after: before, diff: diffResults(gone, before) });
    expect([...back].filter(([, k]) => k === 'new').map(([id]) => id).sort()).toEqual(['db', 'key', 'role']);
  });

  it('badges the top three fixes on their edge, or their node', () => {
    const m = model();
    const fixes = rankChokepoints(m, m.scenarios[0]);
    const b = badgesOf(fixes);
    expect(b.edges.size + b.nodes.size).toBeLessThanOrEqual(3);
    expect(b.edges.get(fixes[0].edge!) ?? b.nodes.get(fixes[0].node!)).toBe(1);
  });

  it('shades by the largest share among a node’s effects', () => {
    const m = model();
    const r = monteCarlo(m, m.scenarios[0], { runs: 200, seed: 7 });
    const shares = sharesOf(r);
    expect(shares.get('bot')).toBe(1);
    expect(shares.get('db')).toBe(Math.max(...Object.values(r.nodes.db)));
  });
});

describe('notes as patches', () => {
  it('adds, moves, resizes (never below the minimum), edits and deletes, each one undoable step', () => {
    const m = { ...model(), notes: [] };
    const add = addNote(m, { x: 100, y: 100 });
    expect(add.id).toBe('note-1');
    let next = applyPatch(m, add.patch);
    expect(next.notes[0]).toMatchObject({ id: 'note-1', text: '', position: { x: -8, y: 32 }, size: { w: 220, h: 140 } });
    next = applyPatch(next, updateNote(next, 'note-1', { position: { x: 203, y: 397 }, text: 'hello' }));
    expect(next.notes[0]).toMatchObject({ position: { x: 200, y: 400 }, text: 'hello' });
    const tiny = updateNote(next, 'note-1', { size: { w: 10, h: 10 } });
    expect(applyPatch(next, tiny).notes[0].size).toEqual({ w: 120, h: 72 });
    expect(applyPatch(applyPatch(next, tiny), invertPatch(tiny))).toEqual(next);
    expect(updateNote(next, 'note-1', { text: 'hello' })).toEqual([]);
    expect(applyPatch(next, deleteNote(next, 'note-1')).notes).toEqual([]);
  });

  it('takes an id no node, edge or note has', () => {
    const m = { ...model(), notes: [{ id: 'note-1', text: '', position: { x: 0, y: 0 } }] };
    m.nodes[0] = { ...m.nodes[0], id: 'note-2' } as (typeof m.nodes)[number];
    expect(addNote(m, { x: 0, y: 0 }).id).toBe('note-3');
  });
});

describe('job runner (in-process)', () => {
  it('reports progress, answers, and a cancelled job answers null', async () => {
    const m = model();
    const runner = createJobRunner(null);
    const seen: number[] = [];
    const job = runner.start(JSON.stringify(m), { kind: 'montecarlo', scenario: m.scenarios[0], runs: 300, seed: 3 }, (done) => seen.push(done));
    expect(await job.done).toEqual(monteCarlo(m, m.scenarios[0], { runs: 300, seed: 3 }));
    expect(seen.at(-1)).toBe(300);
    const cancelled = runner.start(JSON.stringify(m), { kind: 'rank', scenario: m.scenarios[0] });
    cancelled.cancel();
    expect(await cancelled.done).toBeNull();
    const replaced = runner.start(JSON.stringify(m), { kind: 'rank', scenario: m.scenarios[0] });
    const latest = runner.start(JSON.stringify(m), { kind: 'rank', scenario: m.scenarios[0] });
    expect(await replaced.done).toBeNull();
    expect(await latest.done).toEqual(rankChokepoints(m, m.scenarios[0]));
  });

  it('rejects with the engine’s message for a bad scenario', async () => {
    const m = model();
    const job = createJobRunner(null).start(JSON.stringify(m), { kind: 'rank', scenario: { ...m.scenarios[0], breaks: [{ mode: 'leak', node: 'nope' }] } });
    await expect(job.done).rejects.toThrow(/nope/);
  });
});
