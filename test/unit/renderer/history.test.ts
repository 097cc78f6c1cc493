import { beforeEach, describe, expect, it } from 'vitest';
import { History } from '../../../renderer/src/editor/history.ts';
import { PatchBuilder, applyPatch } from '../../../renderer/src/editor/patch.ts';
import type { Patch } from '../../../renderer/src/editor/patch.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { model, node } from './build.ts';

const rename = (m: Model, id: string, label: string): Patch =>
  new PatchBuilder(m).update('nodes', id, (n) => ({ ...n, label })).build();

describe('History', () => {
  let history: History<string>;
  let doc: Model;
  const edit = (patch: Patch, options: Parameters<History<string>['record']>[1] = {}) => {
    doc = applyPatch(doc, patch);
    history.record(patch, options);
  };
  const undo = () => {
    const step = history.undo();
    if (step) doc = applyPatch(doc, step.patch);
    return step;
  };
  const redo = () => {
    const step = history.redo();
    if (step) doc = applyPatch(doc, step.patch);
    return step;
  };

  beforeEach(() => {
    history = new History<string>();
    doc = model({ nodes: [node('a', 'service'), node('b', 'secret')] });
  });

  it('undoes and redoes an edit exactly', () => {
    const original = doc;
    edit(rename(doc, 'a', 'API'));
    expect(doc.nodes[0].label).toBe('API');
    undo();
    expect(doc).toEqual(original);
    redo();
    expect(doc.nodes[0].label).toBe('API');
  });

  it('keeps one entry per record, undone last first', () => {
    edit(rename(doc, 'a', 'one'));
    edit(rename(doc, 'b', 'two'));
    expect(history.undoDepth).toBe(2);
    undo();
    expect(doc.nodes.map((n) => n.label)).toEqual(['one', 'b']);
    undo();
    expect(doc.nodes.map((n) => n.label)).toEqual(['a', 'b']);
    expect(history.canUndo).toBe(false);
    expect(undo()).toBeNull();
  });

  it('a new edit clears redo', () => {
    edit(rename(doc, 'a', 'one'));
    undo();
    expect(history.canRedo).toBe(true);
    edit(rename(doc, 'b', 'two'));
    expect(history.canRedo).toBe(false);
  });

  it('an empty patch records nothing and keeps redo (selection and viewport changes are not edits)', () => {
    edit(rename(doc, 'a', 'one'));
    undo();
    expect(history.record([])).toBeNull();
    expect(history.canRedo).toBe(true);
    expect(history.undoDepth).toBe(0);
  });

  it('squashes consecutive edits with one key into one step: typing in a field', () => {
    for (const label of ['A', 'AP', 'API']) edit(rename(doc, 'a', label), { squash: 'label:a' });
    expect(history.undoDepth).toBe(1);
    expect(history.undo()?.patch).toHaveLength(1);
  });

  it('starts a new step after breakSquash or another key', () => {
    edit(rename(doc, 'a', 'A'), { squash: 'label:a' });
    history.breakSquash();
    edit(rename(doc, 'a', 'AP'), { squash: 'label:a' });
    edit(rename(doc, 'b', 'B'), { squash: 'label:b' });
    expect(history.undoDepth).toBe(3);
  });

  it('a squashed step undoes to the state before the whole gesture', () => {
    const original = doc;
    for (const label of ['x', 'xy', 'xyz']) edit(rename(doc, 'a', label), { squash: 'k' });
    undo();
    expect(doc).toEqual(original);
  });

  it('gives each state an id, so the document knows when it is back where it was saved', () => {
    expect(history.currentId()).toBe(0);
    edit(rename(doc, 'a', 'one'));
    const saved = history.currentId();
    edit(rename(doc, 'a', 'two'));
    expect(history.currentId()).not.toBe(saved);
    undo();
    expect(history.currentId()).toBe(saved);
    undo();
    expect(history.currentId()).toBe(0);
  });

  it('returns the metadata recorded with an entry on undo and redo', () => {
    edit(rename(doc, 'a', 'one'), { before: 'sel-before', after: 'sel-after' });
    expect(undo()?.entry.before).toBe('sel-before');
    expect(redo()?.entry.after).toBe('sel-after');
  });

  it('drops the oldest entries past its limit', () => {
    const small = new History(3);
    for (let i = 0; i < 5; i++) small.record(rename(doc, 'a', `v${i}`));
    expect(small.undoDepth).toBe(3);
  });

  it('clear forgets everything', () => {
    edit(rename(doc, 'a', 'one'));
    undo();
    history.clear();
    expect(history.canUndo || history.canRedo).toBe(false);
  });
});
