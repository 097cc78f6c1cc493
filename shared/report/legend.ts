/**
 * What a diagram's marks mean, once for every format: the PDF's diagram pages, the HTML report's figures and the
 * canvas picture draw these entries (a swatch of primitives, then the words), so the three legends cannot drift
 * apart. A legend lists only what its diagram can show: responses and dead stolen copies when there are some.
 */
import { EFFECTS, RESPONSE_INFO } from '../domain/index.ts';
import { DEAD_COPY, EFFECT_LOOKS, MARK_LOOKS, RESPONSE_LOOK, deadColor, effectFill } from '../visual/index.ts';
import type { Primitive } from './draw.ts';
import { glyphPrimitive } from './draw.ts';
import { BREAK_COLOR, BREAK_GLYPH, EFFECT_STYLES, KIND_STYLES, RESPONSE_COLOR } from './style.ts';
import type { DiagramView } from './types.ts';

interface LegendEntry {
  label: string;
  /** The swatch's width for a legend row `size` tall. */
  width: (size: number) => number;
  /** The swatch with its left edge at x, centred on y, `size` tall. */
  swatch: (x: number, y: number, size: number) => Primitive[];
}

const glyphEntry = (label: string, glyph: Parameters<typeof glyphPrimitive>[0], color: string): LegendEntry => ({
  label,
  width: (size) => size,
  swatch: (x, y, size) => [glyphPrimitive(glyph, color, x + size / 2, y, size / 2)],
});

/** A small node box: its fill and its outline, dashed or not. */
const boxEntry = (label: string, fill: string, stroke: string, dashed: boolean): LegendEntry => ({
  label,
  width: (size) => size * 1.4,
  swatch: (x, y, size) => [
    { type: 'rect', x: x + size * 0.07, y: y - size * 0.4, width: size * 1.26, height: size * 0.8, rx: size * 0.18, fill, stroke, strokeWidth: size * 0.09, dash: dashed ? `${size * 0.2} ${size * 0.1}` : null },
  ],
});

export function diagramLegend(view: DiagramView): LegendEntry[] {
  if (!view.overlay) {
    return [...new Set(view.nodes.map((n) => n.kind))].map((k) => ({
      label: KIND_STYLES[k].label,
      width: (size) => size * 0.4,
      swatch: (x, y, size) => [{ type: 'rect', x, y: y - size / 2, width: size * 0.33, height: size, rx: 0, fill: KIND_STYLES[k].color, stroke: null, strokeWidth: 0, dash: null }],
    }));
  }
  const actions = [...new Set(view.nodes.flatMap((n) => n.responses))];
  const notReached = MARK_LOOKS['not-reached'];
  return [
    ...EFFECTS.map((e) => glyphEntry(EFFECT_STYLES[e].label, EFFECT_STYLES[e].glyph, EFFECT_STYLES[e].color)),
    glyphEntry(`${MARK_LOOKS.break.label} (ringed)`, BREAK_GLYPH, BREAK_COLOR),
    ...actions.map((a) => glyphEntry(`${RESPONSE_LOOK.label}: ${RESPONSE_INFO[a].title.toLowerCase()}`, RESPONSE_LOOK.glyphs[a], RESPONSE_COLOR)),
    ...(view.nodes.some((n) => n.dead) ? [boxEntry(`${DEAD_COPY.label} (faded, dashed)`, effectFill('control', true), deadColor('control'), true)] : []),
    boxEntry(notReached.label, '#F8FAFC', notReached.color.light, false),
    boxEntry('Dashed border: availability', effectFill('down'), EFFECT_LOOKS.down.color.light, true),
  ];
}
