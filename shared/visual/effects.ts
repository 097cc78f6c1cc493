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
import type { Effect, ResponseAction } from '../domain/index.ts';
import type { GlyphName } from './glyphs.ts';
import { GLYPHS } from './glyphs.ts';

export interface ThemeColor {
  light: string;
  dark: string;
}

interface EffectLook {
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

interface MarkLook {
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

/**
 * Responses (rotate, revoke at an hour, domain.md §6): the defenders' colour, one glyph per action. The words
 * (title, meaning) are the domain's RESPONSE_INFO. The colour is a violet because every teal or green stays
 * within reach of `read`, `degraded` or `prevented` for someone with deuteranopia or tritanopia; a response is
 * never a node's fill, so in greyscale print its glyph and its word tell it apart, not its lightness.
 */
export const RESPONSE_LOOK = {
  label: 'Response',
  short: 'rotate or revoke, at the hour on its tag',
  color: { light: '#6D28D9', dark: '#7C64FC' },
  ink: { light: '#FFFFFF', dark: '#0B0720' },
  glyphs: { rotate: 'rotate', revoke: 'revoke' },
} as const satisfies { label: string; short: string; color: ThemeColor; ink: ThemeColor; glyphs: Record<ResponseAction, GlyphName> };

/**
 * A stolen secret whose copy died before it carried anything ("stolen, dead after N h", §5): drawn with its
 * effect's glyph, its colours faded to `saturation` (`deadColor`: the canvas gets them as
 * `--fx-dead-control` and so on, the reports call it) and a dashed outline, so it reads as stolen but harmless.
 */
export const DEAD_COPY = {
  label: 'Stolen, dead',
  short: 'a stolen copy that stopped working before it carried anything',
  saturation: 0.35,
} as const;

/** `color` through CSS's `saturate(amount)` filter matrix (Filter Effects 1): less colour, about the same luminance. */
export function saturate(color: string, amount: number): string {
  const n = parseInt(color.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const s = amount;
  const m = [
    [0.213 + 0.787 * s, 0.715 - 0.715 * s, 0.072 - 0.072 * s],
    [0.213 - 0.213 * s, 0.715 + 0.285 * s, 0.072 - 0.072 * s],
    [0.213 - 0.213 * s, 0.715 - 0.715 * s, 0.072 + 0.928 * s],
  ];
  const ch = (row: number[]) => Math.round(Math.min(255, Math.max(0, row[0] * r + row[1] * g + row[2] * b))).toString(16).padStart(2, '0');
  return `#${m.map(ch).join('')}`.toUpperCase();
}

/** An effect's colour on a dead stolen copy. */
export const deadColor = (effect: Effect, theme: keyof ThemeColor = 'light'): string => saturate(EFFECT_LOOKS[effect].color[theme], DEAD_COPY.saturation);

/** Mixes `color` into white: `amount` 0 is white, 1 the colour. */
function tint(color: string, amount: number): string {
  const n = parseInt(color.slice(1), 16);
  const ch = (v: number) => Math.round(255 - (255 - v) * amount).toString(16).padStart(2, '0');
  return `#${ch((n >> 16) & 255)}${ch((n >> 8) & 255)}${ch(n & 255)}`.toUpperCase();
}

/** The light fill of a reached node's box on paper; faded on a dead stolen copy. */
export const effectFill = (effect: Effect, dead = false): string => tint(dead ? deadColor(effect) : EFFECT_LOOKS[effect].color.light, 0.16);

/** An effect as text: its glyph's character, then its word (`◆ Control`). */
export function effectText(effect: Effect): string {
  const look = EFFECT_LOOKS[effect];
  const char = GLYPHS[look.glyph].char;
  return char ? `${char} ${look.label}` : look.label;
}
