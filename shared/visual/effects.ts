/**
 * The one visual vocabulary of a blast radius: each effect's colour, glyph and words, and the marks around
 * them (the break, a silent outage, a node not reached, a prevented break). The canvas overlay and its legend,
 * the PDF, the HTML and Markdown reports and the canvas picture all draw from here; the app's CSS gets these
 * colours as generated custom properties (./css.ts), never as copied hex values.
 *
 * Colour is never the only signal: every effect has its own glyph too, and the colours stay apart for
 * protanopia, deuteranopia and tritanopia and in greyscale print (test/unit/visual/palette.test.ts checks it
 * in simulation). `light` is for paper and the light theme, `dark` for the dark theme.
 */
import type { Effect } from '../domain/kinds.ts';
import type { GlyphName } from './glyphs.ts';
import { GLYPHS } from './glyphs.ts';

export interface ThemeColor {
  light: string;
  dark: string;
}

export interface EffectLook {
  label: string;
  /** One line for legends and tooltips on the canvas. */
  short: string;
  /** The longer meaning the report's reading guide gives. */
  meaning: string;
  glyph: GlyphName;
  /** The strong colour: markers, rings, tags, carried edges. */
  color: ThemeColor;
  /** Text drawn on the strong colour (a tag's word and time). */
  ink: ThemeColor;
  /** Availability effects are drawn with a dashed outline, security effects with a solid one. */
  dashed: boolean;
  /** The canvas's fill pattern inside a node, as the legend names it. */
  pattern: string;
}

export const EFFECT_LOOKS: Record<Effect, EffectLook> = {
  control: {
    label: 'Control',
    short: 'the attacker acts as this node',
    meaning: 'an attacker can act as this node: use its credentials, change it, run code as it',
    glyph: 'diamond',
    color: { light: '#A11822', dark: '#F66C67' },
    ink: { light: '#FFFFFF', dark: '#1A0505' },
    dashed: false,
    pattern: 'solid tint',
  },
  write: {
    label: 'Write',
    short: 'the attacker can change its data',
    meaning: 'an attacker can change or delete its data (and read it)',
    glyph: 'triangle',
    color: { light: '#D67D1A', dark: '#E2B753' },
    ink: { light: '#1F1300', dark: '#1F1500' },
    dashed: false,
    pattern: 'diagonal hatch',
  },
  read: {
    label: 'Read',
    short: 'the attacker can read its data',
    meaning: 'an attacker can read its data',
    glyph: 'circle',
    color: { light: '#1A83BF', dark: '#0AA5FA' },
    ink: { light: '#00101A', dark: '#04141F' },
    dashed: false,
    pattern: 'dots',
  },
  down: {
    label: 'Down',
    short: 'stops working',
    meaning: 'stops working',
    glyph: 'square',
    color: { light: '#36393D', dark: '#9B9C9D' },
    ink: { light: '#FFFFFF', dark: '#111214' },
    dashed: true,
    pattern: 'grey with a slash',
  },
  degraded: {
    label: 'Degraded',
    short: 'works with reduced function',
    meaning: 'works with reduced function (a non-required dependency is down)',
    glyph: 'half-circle',
    color: { light: '#944F7B', dark: '#B580BF' },
    ink: { light: '#FFFFFF', dark: '#1C0E1F' },
    dashed: true,
    pattern: 'dashed outline',
  },
};

export type MarkName = 'break' | 'silent' | 'prevented' | 'not-reached';

export interface MarkLook {
  label: string;
  short: string;
  glyph: GlyphName | null;
  color: ThemeColor;
}

/** What the overlay draws besides effects. */
export const MARK_LOOKS: Record<MarkName, MarkLook> = {
  break: { label: 'Break', short: 'where the scenario starts, at 0 h', glyph: 'bolt', color: { light: '#111827', dark: '#E5E7EB' } },
  silent: { label: 'Silent', short: 'down with no health check to notice', glyph: 'bell-slash', color: { light: '#36393D', dark: '#9B9C9D' } },
  prevented: { label: 'Prevented', short: 'the break had no effect', glyph: 'shield-check', color: { light: '#1D7A4A', dark: '#5CCB8F' } },
  'not-reached': { label: 'Not reached', short: 'faded: the break does not get here', glyph: null, color: { light: '#CBD5E1', dark: '#3A4150' } },
};

/** Mixes `color` into white: `amount` 0 is white, 1 the colour. */
export function tint(color: string, amount: number): string {
  const n = parseInt(color.slice(1), 16);
  const ch = (v: number) => Math.round(255 - (255 - v) * amount).toString(16).padStart(2, '0');
  return `#${ch((n >> 16) & 255)}${ch((n >> 8) & 255)}${ch(n & 255)}`.toUpperCase();
}

/** The light fill of a reached node's box on paper. */
export const effectFill = (effect: Effect): string => tint(EFFECT_LOOKS[effect].color.light, 0.16);

/** An effect as text: its glyph's character, then its word (`◆ Control`). */
export function effectText(effect: Effect): string {
  const look = EFFECT_LOOKS[effect];
  const char = GLYPHS[look.glyph].char;
  return char ? `${char} ${look.label}` : look.label;
}
