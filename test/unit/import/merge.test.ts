import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { modelFromImport, planImport } from '../../../shared/import/index.ts';
import { importEdit } from '../../../renderer/src/import/applyImport.ts';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import { fixture, imported } from './fixtures.ts';
import { loadRepoModel } from '../cli/harness.ts';

const publish = () => imported('github-actions', [fixture('github-actions', 'powertools-publish.yml', '.github/workflows/')]);
const noLayout = async () => ({ nodes: new Map(), boundaries: new Map() });

describe('planning an import into a model', () => {
  it('adds everything to a model that has none of it', () => {
    const sample = loadRepoModel('assets/samples/cicd-pipeline.faultline.json');
    const plan = planImport(sample, publish().graph);
    expect(plan.nodes).toHaveLength(publish().graph.nodes.length);
    expect(plan.already).toEqual({ nodes: 0, edges: 0, boundaries: 0, notes: 0 });
  });

  it('keeps what an earlier import of the same files made, as the user left it', () => {
    const first = modelFromImport(publish(), 'CI');
    const edited: Model = { ...first, nodes: first.nodes.map((n) => (n.id === 'gha-secret-pypi-token' ? { ...n, label: 'PyPI token (rotated monthly)' } : n)) };
    const plan = planImport(edited, publish().graph);
    expect(plan.nodes).toEqual([]);
    expect(plan.edges).toEqual([]);
    expect(plan.already.nodes).toBe(first.nodes.length);
  });

  it('gives an id taken by another kind a suffix, and moves the edges with it', () => {
    const taken: Model = { ...loadRepoModel('assets/samples/cicd-pipeline.faultline.json') };
    const clash = { ...taken.nodes[0], id: 'gha-secret-pypi-token', kind: 'service' } as Model['nodes'][number];
    const plan = planImport({ ...taken, nodes: [...taken.nodes, clash] }, publish().graph);
    expect(plan.renamed).toBe(1);
    expect(plan.nodes.map((n) => n.id)).toContain('gha-secret-pypi-token-2');
    expect(plan.edges.some((e) => e.target === 'gha-secret-pypi-token-2' && e.kind === 'holds')).toBe(true);
  });
});

describe('applying an import as one edit', () => {
  it('sets the import beside the drawing, and one inverse patch takes it all back', async () => {
    const sample = loadRepoModel('assets/samples/cicd-pipeline.faultline.json');
    const plan = planImport(sample, imported('threat-dragon', [fixture('threat-dragon', 'v2-threat-model.json')]).graph);
    const { patch, selection } = await importEdit(sample, plan, noLayout);
    const after = applyPatch(sample, patch);
    expect(after.nodes).toHaveLength(sample.nodes.length + plan.nodes.length);
    expect(after.notes).toHaveLength(plan.notes.length);
    const right = Math.max(...sample.nodes.map((n) => n.position!.x)) + 184;
    expect(Math.min(...after.nodes.filter((n) => selection.nodes.includes(n.id)).map((n) => n.position!.x))).toBeGreaterThan(right);
    const undone = applyPatch(after, invertPatch(patch));
    expect(undone.nodes).toEqual(sample.nodes);
    expect(undone.edges).toEqual(sample.edges);
    expect(undone.notes).toEqual(sample.notes);
  });

  it('uses the layout it is given when the source has no usable drawing', async () => {
    const model: Model = { id: 'm', name: 'm', description: '', asOf: null, nodes: [], edges: [], boundaries: [], scenarios: [], notes: [] };
    const plan = planImport(model, publish().graph);
    let laidOut = 0;
    const layout = async (part: Model) => {
      laidOut = part.nodes.length;
      return { nodes: new Map(part.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }])), boundaries: new Map() };
    };
    const { patch } = await importEdit(model, plan, layout);
    expect(laidOut).toBe(plan.nodes.length);
    const after = applyPatch(model, patch);
    expect(new Set(after.nodes.map((n) => n.position!.x)).size).toBe(after.nodes.length);
  });
});
