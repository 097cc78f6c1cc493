import { describe, expect, it } from 'vitest';
import {
  copySelection,
  parseClipboard,
  pasteContent,
  serializeClipboard,
} from '../../../renderer/src/editor/clipboard.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { parseModelJson } from '../../../shared/file/index.ts';
import { edge, model, node } from './build.ts';

const source = () =>
  model({
    boundaries: [{ id: 'b', position: { x: 0, y: 0 }, size: { width: 600, height: 300 } }],
    nodes: [
      node('api', 'service', 20, 20, { boundary: 'b' }),
      node('key', 'secret', 300, 20, { boundary: 'b' }),
      node('db', 'datastore', 900, 0),
    ],
    edges: [edge('e1', 'holds', 'api', 'key'), edge('e2', 'grants', 'key', 'db')],
  });

describe('copy and paste', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const c = copySelection(source(), { nodes: ['api', 'key'], edges: [], boundaries: [] })!;
    expect(c.nodes.map((n) => n.id)).toEqual(['api', 'key']);
    expect(c.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('copying a boundary takes its members along', () => {
    const c = copySelection(source(), { nodes: [], edges: [], boundaries: ['b'] })!;
    expect(c.nodes.map((n) => n.id)).toEqual(['api', 'key']);
  });

  it('pastes with fresh ids, remapped edge ends, shifted positions, and the result loads', () => {
    const m = source();
    const text = serializeClipboard(copySelection(m, { nodes: ['api', 'key'], edges: [], boundaries: [] })!);
    const { patch, selection } = pasteContent(m, parseClipboard(text)!, { x: 32, y: 32 });
    const after = applyPatch(m, patch);
    expect(selection.nodes).toEqual(['service-1', 'secret-1']);
    const pasted = after.edges.find((e) => e.id === selection.edges[0])!;
    expect(pasted).toMatchObject({ kind: 'holds', source: 'service-1', target: 'secret-1' });
    expect(after.nodes.find((n) => n.id === 'service-1')?.position).toEqual({ x: 52, y: 52 });
    const loaded = parseModelJson({ format: 'faultline', version: 1, model: after });
    expect(loaded.ok).toBe(true);
  });

  it('pastes into another model, where the ids may be taken', () => {
    const text = serializeClipboard(copySelection(source(), { nodes: [], edges: [], boundaries: ['b'] })!);
    const other = model({ nodes: [node('service-1', 'service', 2000, 2000)] });
    const { patch, selection } = pasteContent(other, parseClipboard(text)!, { x: 0, y: 0 });
    const after = applyPatch(other, patch);
    expect(selection.nodes).toEqual(['service-2', 'secret-1']);
    expect(after.boundaries).toHaveLength(1);
    expect(after.nodes.filter((n) => n.boundary === selection.boundaries[0])).toHaveLength(2);
  });

  it('reads a whole model file as clipboard content too, through the one load path', () => {
    const c = parseClipboard(JSON.stringify({ format: 'faultline', version: 1, model: source() }));
    expect(c?.nodes).toHaveLength(3);
    // A file a newer Faultline wrote, or a broken one, pastes nothing, as it would not open.
    expect(parseClipboard(JSON.stringify({ format: 'faultline', version: 9, model: source() }))).toBeNull();
    const broken = source();
    broken.nodes[0] = { ...broken.nodes[0], kind: 'nonsense' as never };
    expect(parseClipboard(JSON.stringify({ format: 'faultline', version: 1, model: broken }))).toBeNull();
  });

  it('refuses content nested too deep to save, which would break every save after it', () => {
    const deep = `${'['.repeat(20_000)}"bottom"${']'.repeat(20_000)}`;
    const text = `{"format":"faultline-clipboard","version":1,"nodes":[{"id":"y","kind":"tool","props":{"deep":${deep}}}],"edges":[],"boundaries":[]}`;
    expect(parseClipboard(text)).toBeNull();
  });

  it('ignores text that is not ours and drops invalid items', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"nodes": []}')).toBeNull();
    const c = parseClipboard(
      JSON.stringify({
        format: 'faultline-clipboard',
        version: 1,
        nodes: [
          { id: 'x', kind: 'nonsense' },
          { id: 'y', kind: 'tool' },
        ],
        edges: [],
        boundaries: [],
      }),
    );
    expect(c?.nodes.map((n) => n.id)).toEqual(['y']);
  });
});
