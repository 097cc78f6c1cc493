/** The canvas picture explains itself away from the app: a title, every edge's kind, and the legend. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { canvasView, edgeLabelPrimitives, overlayOf, pictureSvg } from '../../../shared/report/index.ts';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { SAMPLES } from './fixtures.ts';

const { model } = SAMPLES.find((s) => s.name === 'samples/cicd-pipeline') ?? SAMPLES[0];
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the canvas picture', () => {
  it('stays well-formed SVG when a label holds characters XML forbids', () => {
    const odd = { ...model, name: 'ctl\u0007model', nodes: model.nodes.map((n, i) => (i === 0 ? { ...n, label: `bell\u0007 \u001b[31mred \ud800 \u202eevil` } : n)) };
    const svg = pictureSvg(canvasView(odd));
    // XML 1.0 allows tab, line feed and carriage return among the controls, and no lone surrogate.
    // eslint-disable-next-line no-control-regex -- looking for them is the point
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]|[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(svg).toContain('<title>ctl\\u0007model</title>');
    expect(texts(svg).join(' ')).toContain('bell\\u0007');
  });


  it('carries the model name as its title and the edges\' kinds on the drawing', () => {
    const view = canvasView(model);
    const svg = pictureSvg(view);
    expect(svg).toContain(`<title>${model.name}</title>`);
    expect(texts(svg)).toContain(model.name);
    // A kind whose plate would cover a node is left out (the node's text matters more); the rest are drawn.
    const labels = edgeLabelPrimitives(view).filter((p) => p.type === 'text');
    expect(labels.length).toBeGreaterThan(0);
    const drawn = texts(svg);
    for (const label of labels) if (label.type === 'text') expect(drawn).toContain(label.text);
    for (const label of labels) if (label.type === 'text') expect(model.edges.map((e) => e.kind)).toContain(label.text);
  });

  it("of a scenario, names the scenario and explains the marks it uses in a legend", () => {
    const scenario = model.scenarios[0];
    const result = simulate(model, scenario);
    const svg = pictureSvg(canvasView(model, overlayOf(result), `Blast radius of “${scenario.name}”`));
    const words = texts(svg).join(' ');
    expect(words).toContain(`Blast radius of “${scenario.name}”`);
    const effects = new Set(result.impacts.map((i) => i.effect));
    expect(effects.size).toBeGreaterThan(0);
    for (const effect of effects) expect(words, effect).toContain(EFFECT_LOOKS[effect].label);
  });
});
