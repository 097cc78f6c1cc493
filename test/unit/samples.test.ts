/**
 * The models shipped in assets/samples and assets/templates are what people open first: each must load through
 * the one load path, stay a readable size, draw every edge between kinds it fits, and lay out cleanly on the canvas.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../assets/templates/index.ts';
import type { Boundary, Model, ModelNode } from '../../shared/domain/index.ts';
import { breakApplies, edgeFits } from '../../shared/domain/index.ts';
import { parseModelFile } from '../../shared/file/index.ts';
import { NODE_BOX } from '../../shared/visual/index.ts';
import type { Rect } from '../../shared/visual/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLES_DIR = join(ROOT, 'assets/samples');
const TEMPLATES_DIR = join(ROOT, 'assets/templates');

const modelFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.faultline.json'))
    .sort()
    .map((f) => join(dir, f));

const FILES = [...modelFiles(SAMPLES_DIR), ...modelFiles(TEMPLATES_DIR)];

/** Stands in for a file that fails to load, so the load test reports why and the rest fail without crashing. */
const UNLOADABLE = { nodes: [], edges: [], boundaries: [], scenarios: [] } as unknown as Model;

function nodeRect(n: ModelNode): Rect {
  if (!n.position) throw new Error(`node ${n.id} has no position`);
  return { x: n.position.x, y: n.position.y, width: NODE_BOX.width, height: NODE_BOX.height };
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Rect, b: Boundary) =>
  inner.x >= b.position.x &&
  inner.y >= b.position.y &&
  inner.x + inner.width <= b.position.x + b.size.width &&
  inner.y + inner.height <= b.position.y + b.size.height;
const boundaryRect = (b: Boundary): Rect => ({ ...b.position, ...b.size });

it('ships the CI/CD and AI-agent samples and the four templates', () => {
  expect(modelFiles(SAMPLES_DIR).map((f) => f.split('/').pop())).toEqual(
    expect.arrayContaining(['ai-support-agent.faultline.json', 'cicd-pipeline.faultline.json']),
  );
  expect(TEMPLATES.map((t) => t.id).sort()).toEqual([
    'ai-support-agent',
    'cicd-deploy-tokens',
    'microservices-mtls',
    'saas-integration',
  ]);
});

describe('template catalogue', () => {
  it('points every entry at a file that exists', () => {
    for (const t of TEMPLATES) expect(existsSync(join(TEMPLATES_DIR, t.file)), t.file).toBe(true);
  });

  it('lists every template file once, under its file name', () => {
    expect(TEMPLATES.map((t) => t.file).sort()).toEqual(modelFiles(TEMPLATES_DIR).map((f) => f.split('/').pop()));
    for (const t of TEMPLATES) expect(t.file).toBe(`${t.id}.faultline.json`);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });
});

describe.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_name, path) => {
  const result = parseModelFile(readFileSync(path, 'utf8'));

  it('loads through parseModelFile', () => {
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  });

  const model = result.ok ? result.value : UNLOADABLE;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));

  it('has between 15 and 40 nodes, a name, a description and the brief date', () => {
    expect(model.nodes.length).toBeGreaterThanOrEqual(15);
    expect(model.nodes.length).toBeLessThanOrEqual(40);
    expect(model.name).not.toBe('');
    expect(model.description).not.toBe('');
    expect(model.asOf).toBe('2026-11-27');
  });

  it('draws every edge between kinds that fit it', () => {
    const misfits = model.edges
      .filter((e) => !edgeFits(e.kind, byId.get(e.source)!.kind, byId.get(e.target)!.kind))
      .map((e) => `${e.id} (${e.kind}: ${byId.get(e.source)!.kind} -> ${byId.get(e.target)!.kind})`);
    expect(misfits).toEqual([]);
  });

  it('connects every node to something', () => {
    const touched = new Set(model.edges.flatMap((e) => [e.source, e.target]));
    expect(model.nodes.filter((n) => !touched.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  it('gives every node a label and a position', () => {
    expect(model.nodes.filter((n) => !n.label || !n.position).map((n) => n.id)).toEqual([]);
  });

  it('has 2 to 4 trust boundaries, each enclosing exactly its own nodes', () => {
    expect(model.boundaries.length).toBeGreaterThanOrEqual(2);
    expect(model.boundaries.length).toBeLessThanOrEqual(4);
    for (const b of model.boundaries) {
      for (const n of model.nodes) {
        const r = nodeRect(n);
        if (n.boundary === b.id) expect(within(r, b), `${n.id} inside ${b.id}`).toBe(true);
        else expect(overlaps(r, boundaryRect(b)), `${n.id} clear of ${b.id}`).toBe(false);
      }
    }
  });

  it('keeps boundaries apart', () => {
    const bs = model.boundaries;
    for (let i = 0; i < bs.length; i++)
      for (let j = i + 1; j < bs.length; j++)
        expect(overlaps(boundaryRect(bs[i]), boundaryRect(bs[j])), `${bs[i].id} / ${bs[j].id}`).toBe(false);
  });

  it('lays nodes out without overlaps', () => {
    const clashes: string[] = [];
    model.nodes.forEach((a, i) =>
      model.nodes.slice(i + 1).forEach((b) => {
        if (overlaps(nodeRect(a), nodeRect(b))) clashes.push(`${a.id} / ${b.id}`);
      }),
    );
    expect(clashes).toEqual([]);
  });

  it('saves 2 to 4 scenarios whose breaks apply to the nodes they name', () => {
    expect(model.scenarios.length).toBeGreaterThanOrEqual(2);
    expect(model.scenarios.length).toBeLessThanOrEqual(4);
    for (const s of model.scenarios) {
      expect(s.breaks.length, s.id).toBeGreaterThan(0);
      for (const b of s.breaks) {
        const node = byId.get(b.node);
        expect(node, `${s.id}: ${b.node}`).toBeDefined();
        expect(breakApplies(b.mode, node!.kind), `${s.id}: ${b.mode} on ${node!.kind}`).toBe(true);
      }
      expect(s.params.maxExposure, `${s.id} has a CI gate`).toBeGreaterThan(0);
    }
  });

  it('leaves some secrets and identities without an owner, and gives most of them one', () => {
    const nhis = model.nodes.filter((n) => n.kind === 'secret' || n.kind === 'identity');
    const owned = nhis.filter((n) => n.props.owner !== '');
    expect(owned.length).toBeLessThan(nhis.length);
    expect(owned.length * 2).toBeGreaterThan(nhis.length);
  });
});
