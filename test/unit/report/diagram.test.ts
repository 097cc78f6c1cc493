/**
 * Diagram geometry: a report never cuts a diagram. Every node box, label, boundary and edge stays in the page
 * box, big models get an overview and close-ups that between them show every node with its label.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import type { DiagramView } from '../../../shared/report/index.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import { buildReport, diagramBox, diagramPrimitives, diagramShapes, diagramViews, inflationOf, landscape, overlayOf, rectInside, regionsOf, textWidth, worldOf } from '../../../shared/report/index.ts';
import { bigModel } from '../../report/bigModel.ts';
import { buildModel } from '../engine/build.ts';
import { SHIPPED, reportOf } from './fixtures.ts';
import { NODE_BOX } from '../../../shared/visual/index.ts';

const pageRect = (v: DiagramView): Rect => ({ x: 0, y: 0, width: v.page.width, height: v.page.height });

function expectInside(view: DiagramView) {
  expect(rectInside(view.box, pageRect(view)), `${view.id}: box inside the page`).toBe(true);
  for (const n of view.nodes) expect(rectInside(n.rect, view.box), `${view.id}: node ${n.id} inside the box`).toBe(true);
  for (const b of view.boundaries) expect(rectInside(b.rect, view.box), `${view.id}: boundary ${b.id}`).toBe(true);
  for (const e of view.edges) {
    for (const [x, y] of [
      [e.x1, e.y1],
      [e.x2, e.y2],
    ]) {
      expect(rectInside({ x, y, width: 0, height: 0 }, view.box), `${view.id}: edge ${e.id}`).toBe(true);
    }
  }
  for (const p of diagramShapes(view)) {
    if (p.type === 'rect') expect(rectInside(p, view.box, 0.01), `${view.id}: shape inside the box`).toBe(true);
    if (p.type === 'text') {
      const w = textWidth(p.text, p.size, p.bold);
      const x0 = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - w / 2 : p.x - w;
      expect(rectInside({ x: x0, y: p.y - p.size, width: w, height: p.size }, view.box, 0.5), `${view.id}: "${p.text}" inside the box`).toBe(true);
    }
  }
}

describe.each(SHIPPED)('diagrams of $name', ({ model }) => {
  const { doc } = reportOf(model);

  it('keeps every node, boundary, edge and label inside the page box', () => {
    for (const view of [...doc.model!.diagrams, ...doc.scenarios.flatMap((s) => s.diagrams)]) expectInside(view);
  });

  it('draws the whole model on one page, every node labelled', () => {
    const [view] = doc.model!.diagrams;
    expect(doc.model!.diagrams).toHaveLength(1);
    expect(view.kind).toBe('full');
    expect(view.nodes).toHaveLength(model.nodes.length);
    for (const n of view.nodes) expect(n.text?.lines.length, n.id).toBeGreaterThan(0);
  });

  it('fits each label in its box', () => {
    for (const n of doc.model!.diagrams[0].nodes) {
      for (const line of n.text!.lines) expect(textWidth(line, n.text!.fontSize, true)).toBeLessThanOrEqual(n.rect.width);
    }
  });

  it("colours the scenario's radius and marks its break", () => {
    const s = doc.scenarios[0];
    const view = s.diagrams[0];
    const reached = new Set(s.impacts.map((i) => i.node));
    for (const n of view.nodes) expect(n.dim).toBe(!reached.has(n.id));
    expect(view.nodes.filter((n) => n.isBreak).map((n) => n.id)).toEqual(s.breaks.map((b) => b.node));
  });
});

describe('a 300-node model', () => {
  const model = bigModel();
  const results = model.scenarios.map((s) => simulate(model, s));
  const doc = buildReport(model, model.scenarios, results, { sections: ['model', 'scenarios'], chokepoints: {} });

  it('gets an overview and close-ups that keep every node inside the page box', () => {
    const views = [...doc.model!.diagrams, ...doc.scenarios.flatMap((s) => s.diagrams)];
    expect(doc.model!.diagrams[0].kind).toBe('overview');
    for (const view of views) expectInside(view);
  });

  it('shows every node, with its label, on exactly one close-up of the model section', () => {
    const closeUps = doc.model!.diagrams.filter((v) => v.kind === 'closeup');
    const seen = closeUps.flatMap((v) => v.nodes.map((n) => n.id));
    expect([...seen].sort()).toEqual(model.nodes.map((n) => n.id).sort());
    for (const v of closeUps) for (const n of v.nodes) expect(n.text?.fontSize ?? 0, `${v.id} ${n.id}`).toBeGreaterThanOrEqual(5);
  });

  it('draws the overview in the same box, with lettered regions', () => {
    const overview = doc.model!.diagrams[0];
    expect(overview.nodes).toHaveLength(300);
    expect(overview.regions.length).toBeGreaterThan(1);
    expect(overview.regions.length).toBeLessThanOrEqual(12);
    for (const r of overview.regions) expect(rectInside(r.rect, overview.box)).toBe(true);
  });

  it("limits a scenario's close-ups to the regions its radius touches most", () => {
    for (const s of doc.scenarios) {
      expect(s.diagrams.filter((v) => v.kind === 'closeup').length).toBeLessThanOrEqual(3);
      if (s.impacts.length > 1) expect(s.diagrams[0].kind).toBe('overview');
    }
  });

  it('merges shapes of one paint, so a 300-node overview is a few dozen paths', () => {
    const overview = doc.model!.diagrams[0];
    expect(diagramShapes(overview).length).toBeGreaterThan(1000);
    expect(diagramPrimitives(overview).length).toBeLessThan(80);
  });
});

describe('diagram geometry', () => {
  const box = diagramBox('A4');
  const page = landscape('A4');

  it('places nodes without a position on the canvas fallback grid', () => {
    const model = buildModel([
      ['a', 'service'],
      ['b', 'service'],
    ]);
    const world = worldOf(model);
    const [a, b] = world.nodes.map((n) => n.rect);
    // Grown about their centres, so the centres keep the canvas's 184 + 80 spacing.
    expect(b.x - a.x).toBeCloseTo(NODE_BOX.width + 80, 6);
    expect(b.y).toBe(a.y);
  });

  it('enlarges boxes only as far as they stay apart', () => {
    const rects = [
      { x: 0, y: 0, width: 184, height: 64 },
      { x: 264, y: 0, width: 184, height: 64 },
    ];
    const k = inflationOf(rects);
    expect(k).toBeGreaterThan(1);
    expect(184 * k).toBeLessThan(264);
    expect(inflationOf([{ x: 0, y: 0, width: 184, height: 64 }])).toBe(1.6);
    // Boxes that already overlap on the canvas do not stop the others growing.
    expect(inflationOf([...rects, { x: -10, y: 10, width: 184, height: 64 }])).toBe(k);
  });

  it('draws a tiny model at a modest size, centred', () => {
    const model = buildModel([['only', 'service']]);
    const [view] = diagramViews({ model, world: worldOf(model), box, page, idPrefix: 'm', title: 'T', overlay: null });
    const n = view.nodes[0].rect;
    expect(n.width).toBeLessThanOrEqual(NODE_BOX.width * 0.75);
    expect(n.x + n.width / 2).toBeCloseTo(box.x + box.width / 2, 0);
  });

  it('keeps a very tall or very wide layout inside the box', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, kind: 'service', label: `Service ${i}`, position: { x: 0, y: i * 500 } }));
    const tall = { ...buildModel([]), nodes } as unknown as ReturnType<typeof buildModel>;
    for (const view of diagramViews({ model: tall, world: worldOf(tall), box, page, idPrefix: 't', title: 'T', overlay: null })) expectInside(view);
    const wide = { ...tall, nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 3000, y: (i % 3) * -900 } })) } as unknown as typeof tall;
    for (const view of diagramViews({ model: wide, world: worldOf(wide), box, page, idPrefix: 'w', title: 'W', overlay: null })) expectInside(view);
  });

  it('ends edges to other regions at the frame of a close-up', () => {
    const model = bigModel();
    const world = worldOf(model);
    const regions = regionsOf(world, box);
    const views = diagramViews({ model, world, box, page, idPrefix: 'm', title: 'T', overlay: null });
    const closeUp = views.find((v) => v.kind === 'closeup')!;
    const members = new Set(regions.find((r) => closeUp.id.endsWith(`:${r.id}`))!.members);
    const outgoing = closeUp.edges.filter((e) => {
      const edge = model.edges.find((x) => x.id === e.id)!;
      return members.has(edge.source) && !members.has(edge.target);
    });
    expect(outgoing.length).toBeGreaterThan(0);
    for (const e of outgoing) expect(e.arrow).toBe(false);
  });

  it('marks the edges that carried the break', () => {
    const model = buildModel(
      [
        ['k', 'secret'],
        ['r', 'identity'],
        ['x', 'service'],
      ],
      [
        ['e1', 'authenticates', 'k', 'r'],
        ['e2', 'runs-as', 'x', 'r'],
      ],
    );
    const result = simulate(model, { breaks: [{ mode: 'leak', node: 'k' }] });
    const [view] = diagramViews({ model, world: worldOf(model), box, page, idPrefix: 's', title: 'T', overlay: overlayOf(result) });
    expect(view.edges.find((e) => e.id === 'e1')!.carried).toBe('control');
    expect(view.edges.find((e) => e.id === 'e2')!.carried).toBeNull();
  });
});
