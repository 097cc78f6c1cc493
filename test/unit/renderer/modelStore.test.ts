import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, move, setLabel } from '../../../renderer/src/editor/commands.ts';
import { createModelStore } from '../../../renderer/src/store/modelStore.ts';
import type { ModelStore } from '../../../renderer/src/store/modelStore.ts';
import { model, node } from './build.ts';

describe('the model store', () => {
  let store: ModelStore;
  const s = () => store.getState();
  const rename = (id: string, label: string, squash?: string) => s().apply(setLabel(s().model, id, label), { squash });

  beforeEach(() => {
    store = createModelStore(model({ nodes: [node('a', 'service'), node('b', 'secret')] }));
  });

  it('applies an edit, marks the document dirty, and undoes it back to clean', () => {
    rename('a', 'API');
    expect(s().model.nodes[0].label).toBe('API');
    expect(s()).toMatchObject({ dirty: true, canUndo: true, canRedo: false });
    s().undo();
    expect(s().model.nodes[0].label).toBe('a');
    expect(s()).toMatchObject({ dirty: false, canUndo: false, canRedo: true });
    s().redo();
    expect(s().model.nodes[0].label).toBe('API');
  });

  it('selection changes never enter history and never clear redo', () => {
    rename('a', 'API');
    s().undo();
    s().setSelection({ nodes: ['b'], edges: [], boundaries: [] });
    expect(s().canRedo).toBe(true);
    expect(s().canUndo).toBe(false);
    expect(s().dirty).toBe(false);
  });

  it('selection changes do not touch the model object (autosave subscribes to it)', () => {
    const before = s().model;
    s().setSelection({ nodes: ['a'], edges: [], boundaries: [] });
    expect(s().model).toBe(before);
  });

  it('is clean again when undone back to the saved state', () => {
    rename('a', 'one');
    s().markSaved({ fileName: 'x.faultline.json', filePath: null });
    expect(s().dirty).toBe(false);
    rename('a', 'two');
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().dirty).toBe(false);
    s().undo();
    expect(s().dirty).toBe(true);
  });

  it('typing after a save starts a new step, so the saved state stays reachable', () => {
    rename('a', 'x', 'label:a');
    s().markSaved({ fileName: 'f', filePath: null });
    rename('a', 'xy', 'label:a');
    s().undo();
    expect(s().model.nodes[0].label).toBe('x');
    expect(s().dirty).toBe(false);
  });

  it('selects what an edit asks for and restores the selection on undo', () => {
    s().setSelection({ nodes: ['b'], edges: [], boundaries: [] });
    const { patch, id } = addNode(s().model, 'tool', { x: 0, y: 0 });
    s().apply(patch, { select: { nodes: [id], edges: [], boundaries: [] } });
    expect(s().selection.nodes).toEqual([id]);
    s().undo();
    expect(s().selection.nodes).toEqual(['b']);
    s().redo();
    expect(s().selection.nodes).toEqual([id]);
  });

  it('loadModel replaces the document and starts a fresh history', () => {
    rename('a', 'API');
    s().loadModel(model({ nodes: [node('z', 'agent')] }), { fileName: 'z.faultline.json', filePath: null });
    expect(s()).toMatchObject({ dirty: false, canUndo: false, canRedo: false, fileName: 'z.faultline.json' });
    expect(s().selection).toEqual({ nodes: [], edges: [], boundaries: [] });
  });

  it('a move is one step, undone to the exact positions', () => {
    s().apply(move(s().model, { nodes: new Map([['a', { x: 40, y: 48 }]]) }));
    expect(s().model.nodes[0].position).toEqual({ x: 40, y: 48 });
    s().undo();
    expect(s().model.nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it('an edit that keeps every selected item keeps the selection itself (the canvas then maps only what moved)', () => {
    s().setSelection({ nodes: ['a'], edges: [], boundaries: [] });
    const selection = s().selection;
    s().apply(move(s().model, { nodes: new Map([['a', { x: 40, y: 48 }]]) }));
    expect(s().selection).toBe(selection);
    s().undo();
    expect(s().selection).toEqual(selection);
  });

  it('an empty edit changes nothing', () => {
    const before = s().model;
    s().apply([]);
    expect(s().model).toBe(before);
    expect(s().canUndo).toBe(false);
  });
});
