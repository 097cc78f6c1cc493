/**
 * The effect vocabulary (shared/visual/) stays readable for everyone: each effect keeps its own glyph, and its
 * colours stay apart as people with protanopia, deuteranopia and tritanopia see them, and as a greyscale printer
 * prints them (simulated); text on the colours and the colours on their background have contrast.
 */
import { describe, expect, it } from 'vitest';
import { EFFECTS } from '../../../shared/domain/index.ts';
import { DEAD_COPY, deadColor, EFFECT_LOOKS, effectCss, effectText, GLYPHS, MARK_LOOKS, placeGlyph, RESPONSE_LOOK, saturate } from '../../../shared/visual/index.ts';
import type { Vision } from './colourVision.ts';
import { contrast, deltaE, deltaL, hexToRgb, lab } from './colourVision.ts';

const pairs = EFFECTS.flatMap((a, i) => EFFECTS.slice(i + 1).map((b) => [a, b] as const));
const COLOUR_VISION: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
/** CIE76 ΔE: about 2 is a just-noticeable difference; 15 tells two marks apart at a glance. */
const APART = 15;
/** L* points: greyscale print keeps lightness only; 7 keeps two greys apart on paper. */
const GREY_APART = 7;
const BACKGROUND = { light: '#FFFFFF', dark: '#1B202A' } as const;

describe('the effect vocabulary', () => {
  it('gives every effect and mark its own glyph, and every effect a character for plain text', () => {
    const glyphs = [...EFFECTS.map((e) => EFFECT_LOOKS[e].glyph), ...Object.values(MARK_LOOKS).flatMap((m) => (m.glyph ? [m.glyph] : []))];
    expect(new Set(glyphs).size).toBe(glyphs.length);
    const chars = EFFECTS.map((e) => GLYPHS[EFFECT_LOOKS[e].glyph].char);
    expect(chars.every((c) => c.length > 0)).toBe(true);
    expect(new Set(chars).size).toBe(chars.length);
    expect(effectText('control')).toBe('◆ Control');
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const vision of COLOUR_VISION) {
      it(`keeps every two effect colours apart with ${vision} vision (${theme} theme)`, () => {
        for (const [a, b] of pairs) {
          const d = deltaE(EFFECT_LOOKS[a].color[theme], EFFECT_LOOKS[b].color[theme], vision);
          expect(d, `${a} / ${b}: ΔE ${d.toFixed(1)}`).toBeGreaterThanOrEqual(APART);
        }
      });
    }

    it(`draws every effect colour visibly on its background, and its text readably on it (${theme} theme)`, () => {
      for (const e of EFFECTS) {
        const { color, ink } = EFFECT_LOOKS[e];
        expect(contrast(color[theme], BACKGROUND[theme]), `${e} on the background`).toBeGreaterThanOrEqual(3);
        expect(contrast(color[theme], ink[theme]), `${e}'s ink on it`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('prints in greyscale with every two effects apart in lightness, as well as by glyph', () => {
    for (const [a, b] of pairs) {
      const d = deltaL(EFFECT_LOOKS[a].color.light, EFFECT_LOOKS[b].color.light, 'greyscale');
      expect(d, `${a} / ${b}: ΔL* ${d.toFixed(1)}`).toBeGreaterThanOrEqual(GREY_APART);
      expect(EFFECT_LOOKS[a].glyph).not.toBe(EFFECT_LOOKS[b].glyph);
    }
  });

  it('fails a palette that only differs in hue (the check can tell)', () => {
    // An orange and an olive: far apart with normal vision, nearly one colour with deuteranopia.
    expect(deltaE('#D55E00', '#8A8A00', 'normal')).toBeGreaterThan(APART);
    expect(deltaE('#D55E00', '#8A8A00', 'deuteranopia')).toBeLessThan(APART);
    // A red and a blue of about one lightness: one grey on paper.
    expect(deltaL('#C04040', '#4080C0', 'greyscale')).toBeLessThan(GREY_APART);
  });
});

describe('responses and dead stolen copies (domain 1.1)', () => {
  it('give rotate and revoke glyphs of their own, apart from every effect and mark', () => {
    const others = [...EFFECTS.map((e) => EFFECT_LOOKS[e].glyph), ...Object.values(MARK_LOOKS).flatMap((m) => (m.glyph ? [m.glyph] : []))];
    const responses = Object.values(RESPONSE_LOOK.glyphs);
    expect(new Set(responses).size).toBe(2);
    for (const g of responses) expect(others).not.toContain(g);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const vision of COLOUR_VISION) {
      it(`keep the responses' colour apart from every effect's and the prevented mark's with ${vision} vision (${theme} theme)`, () => {
        for (const [name, color] of [...EFFECTS.map((e) => [e, EFFECT_LOOKS[e].color[theme]] as const), ['prevented', MARK_LOOKS.prevented.color[theme]] as const]) {
          const d = deltaE(RESPONSE_LOOK.color[theme], color, vision);
          expect(d, `response / ${name}: ΔE ${d.toFixed(1)}`).toBeGreaterThanOrEqual(APART);
        }
      });
    }

    it(`draw the responses' tag readably (${theme} theme)`, () => {
      expect(contrast(RESPONSE_LOOK.color[theme], BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
      expect(contrast(RESPONSE_LOOK.color[theme], RESPONSE_LOOK.ink[theme])).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('fade a dead copy: visibly less colour than the live effect (the dashed outline tells it apart on paper)', () => {
    expect(saturate('#808080', DEAD_COPY.saturation)).toBe('#808080');
    const chroma = (hex: string) => {
      const [, a, b] = lab(hexToRgb(hex));
      return Math.hypot(a, b);
    };
    for (const e of ['control', 'write', 'read'] as const) {
      const live = EFFECT_LOOKS[e].color.light;
      expect(chroma(deadColor(e)), e).toBeLessThan(chroma(live) * 0.6);
      expect(deltaE(live, deadColor(e), 'normal'), e).toBeGreaterThan(APART);
    }
  });
});

describe('glyph placement', () => {
  it('centres and scales a glyph', () => {
    expect(placeGlyph('diamond', 100, 50, 32)).toBe('M100 35.6L114.4 50L100 64.4L85.6 50Z');
    // Arcs keep their flags and scale their radii.
    expect(placeGlyph('circle', 8, 8, 16)).toBe(GLYPHS.circle.d);
    expect(placeGlyph('circle', 0, 0, 8)).toBe('M-3.3 0A3.3 3.3 0 1 0 3.3 0A3.3 3.3 0 1 0 -3.3 0Z');
  });
});

describe('CSS from the vocabulary', () => {
  it('gives the canvas each effect colour and its ink as custom properties, for both themes', () => {
    const css = effectCss();
    const [light, dark] = css.split(":root[data-theme='dark']");
    for (const e of EFFECTS) {
      expect(light).toContain(`--fx-${e}: ${EFFECT_LOOKS[e].color.light};`);
      expect(light).toContain(`--fx-${e}-ink: ${EFFECT_LOOKS[e].ink.light};`);
      expect(dark).toContain(`--fx-${e}: ${EFFECT_LOOKS[e].color.dark};`);
    }
    expect(light).toContain(`--fx-break: ${MARK_LOOKS.break.color.light};`);
    expect(light).toContain(`--fx-response: ${RESPONSE_LOOK.color.light};`);
    expect(dark).toContain(`--fx-response: ${RESPONSE_LOOK.color.dark};`);
    expect(light).toContain(`--fx-dead-control: ${deadColor('control')};`);
  });
});
