/**
 * The comparison marks (shared/visual/compare.ts) speak the one vocabulary: glyphs of their own, never an
 * effect's or a mark's, colours apart from one another for every colour vision and in greyscale print, visible
 * on both backgrounds; and the canvas gets them from the generated CSS, not from copied hex values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EFFECTS } from '../../../shared/domain/index.ts';
import type { CompareMark } from '../../../shared/visual/index.ts';
import { COMPARE_LOOKS, EFFECT_LOOKS, effectCss, GLYPHS, LIKELIHOOD_LOOK, MARK_LOOKS, RESPONSE_LOOK } from '../../../shared/visual/index.ts';
import { contrast, deltaE, deltaL } from './colourVision.ts';

const MARKS = Object.keys(COMPARE_LOOKS) as CompareMark[];
const pairs = MARKS.flatMap((a, i) => MARKS.slice(i + 1).map((b) => [a, b] as const));
const BACKGROUND = { light: '#FFFFFF', dark: '#1B202A' } as const;

describe('the comparison marks', () => {
  it('have glyphs of their own, apart from every effect, mark and response glyph', () => {
    const others = new Set<string>([
      ...EFFECTS.map((e) => EFFECT_LOOKS[e].glyph),
      ...Object.values(MARK_LOOKS).flatMap((m) => (m.glyph ? [m.glyph] : [])),
      ...Object.values(RESPONSE_LOOK.glyphs),
    ]);
    const glyphs = MARKS.map((m) => COMPARE_LOOKS[m].glyph);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    for (const g of glyphs) {
      expect(others.has(g), g).toBe(false);
      expect(GLYPHS[g].evenOdd, `${g} cuts its sign out of its shape`).toBe(true);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const vision of ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const) {
      it(`keeps the three colours apart with ${vision} vision (${theme} theme)`, () => {
        for (const [a, b] of pairs) {
          const d = deltaE(COMPARE_LOOKS[a].color[theme], COMPARE_LOOKS[b].color[theme], vision);
          expect(d, `${a} / ${b}: ΔE ${d.toFixed(1)}`).toBeGreaterThanOrEqual(15);
        }
      });
    }

    it(`draws each colour and the likelihood hue visibly on the ${theme} background`, () => {
      for (const m of MARKS) expect(contrast(COMPARE_LOOKS[m].color[theme], BACKGROUND[theme]), m).toBeGreaterThanOrEqual(3);
      expect(contrast(LIKELIHOOD_LOOK.color[theme], BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
    });
  }

  it('prints in greyscale with "newly reached" apart from "no longer reached", as well as by glyph', () => {
    const d = deltaL(COMPARE_LOOKS.new.color.light, COMPARE_LOOKS.gone.color.light, 'greyscale');
    expect(d, `ΔL* ${d.toFixed(1)}`).toBeGreaterThanOrEqual(7);
  });

  it('reach the canvas as generated custom properties, not as hex values copied into decide.css', () => {
    const [light, dark] = effectCss().split(":root[data-theme='dark']");
    for (const m of MARKS) {
      expect(light).toContain(`--dc-${m}: ${COMPARE_LOOKS[m].color.light};`);
      expect(dark).toContain(`--dc-${m}: ${COMPARE_LOOKS[m].color.dark};`);
    }
    expect(light).toContain(`--lk-hue: ${LIKELIHOOD_LOOK.color.light};`);
    const css = readFileSync(new URL('../../../renderer/src/decide/decide.css', import.meta.url), 'utf8');
    expect(css).not.toMatch(/--dc-(gone|new|changed)\s*:/);
    expect(css).not.toMatch(/--lk-hue\s*:/);
  });
});
