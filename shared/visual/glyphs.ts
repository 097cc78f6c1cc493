/**
 * The glyphs of the effect vocabulary (./effects.ts) as filled SVG paths in a 16 × 16 box, with the text
 * character that stands for each where one exists. The canvas draws them as inline SVG, the PDF as pdfkit
 * paths, the HTML and the canvas picture as SVG: one shape everywhere. Paths use only absolute M, L, H, V, C,
 * A and Z, so `placeGlyph` can move and scale them without a geometry library.
 */

export type GlyphName =
  | 'diamond'
  | 'triangle'
  | 'circle'
  | 'square'
  | 'half-circle'
  | 'bolt'
  | 'bell-slash'
  | 'shield-check'
  | 'rotate'
  | 'revoke'
  | 'minus-circle'
  | 'plus-diamond'
  | 'bang-triangle';

interface Glyph {
  /** Filled path in a 16 × 16 box. */
  d: string;
  /** Holes are drawn with the even-odd rule (a ring, a cut-out slash or tick). */
  evenOdd: boolean;
  /** The character that stands for the glyph in plain text (Markdown, tooltips); empty when none reads well. */
  char: string;
}

export const GLYPHS: Record<GlyphName, Glyph> = {
  diamond: { d: 'M8 0.8L15.2 8L8 15.2L0.8 8Z', evenOdd: false, char: '◆' },
  triangle: { d: 'M8 1.2L15.2 14.2H0.8Z', evenOdd: false, char: '▲' },
  circle: { d: 'M1.4 8A6.6 6.6 0 1 0 14.6 8A6.6 6.6 0 1 0 1.4 8Z', evenOdd: false, char: '●' },
  square: { d: 'M1.8 1.8H14.2V14.2H1.8Z', evenOdd: false, char: '■' },
  // A ring with its left half filled: half working.
  'half-circle': {
    d: 'M1.2 8A6.8 6.8 0 1 0 14.8 8A6.8 6.8 0 1 0 1.2 8ZM3.5 8A4.5 4.5 0 1 0 12.5 8A4.5 4.5 0 1 0 3.5 8ZM8 3.5A4.5 4.5 0 0 0 8 12.5Z',
    evenOdd: true,
    char: '◐',
  },
  bolt: { d: 'M9.6 0.6L2.6 9.2H7.2L6 15.4L13.4 6.6H8.8Z', evenOdd: false, char: '↯' },
  // A bell cut by a slash that continues past it: nothing rings.
  'bell-slash': {
    d: 'M8 1.6C5.4 1.6 3.9 3.6 3.9 6.2V9.8L2.4 11.8H13.6L12.1 9.8V6.2C12.1 3.6 10.6 1.6 8 1.6ZM6.3 12.9H9.7A1.7 1.7 0 0 1 6.3 12.9ZM1.3 2.5L2.5 1.3L14.7 13.5L13.5 14.7Z',
    evenOdd: true,
    char: '',
  },
  // A shield with a tick cut out of it.
  'shield-check': {
    d: 'M8 0.8L14.2 3.2V7.6C14.2 11.4 11.6 14.2 8 15.4C4.4 14.2 1.8 11.4 1.8 7.6V3.2ZM4.6 8.2L5.8 7L7.2 8.4L10.4 5.2L11.6 6.4L7.2 10.8Z',
    evenOdd: true,
    char: '',
  },
  // Two arrows chasing each other round a circle: a new secret replaces the old one.
  rotate: {
    d: 'M1.7 6.89A6.4 6.4 0 0 1 13.54 4.8L14.84 4.05L14.18 7.9L10.51 6.55L11.81 5.8A4.4 4.4 0 0 0 3.67 7.24Z' +
      'M14.3 9.11A6.4 6.4 0 0 1 2.46 11.2L1.16 11.95L1.82 8.1L5.49 9.45L4.19 10.2A4.4 4.4 0 0 0 12.33 8.76Z',
    evenOdd: false,
    char: '⟳',
  },
  // A credential card cut by a slash that continues past it: it no longer lets anyone in.
  revoke: {
    d: 'M2.6 3.4H13.4A1.4 1.4 0 0 1 14.8 4.8V11.2A1.4 1.4 0 0 1 13.4 12.6H2.6A1.4 1.4 0 0 1 1.2 11.2V4.8A1.4 1.4 0 0 1 2.6 3.4Z' +
      'M1.32 14.41L13.32 0.41L14.68 1.59L2.68 15.59Z',
    evenOdd: true,
    char: '⊘',
  },
  // The comparison marks (./compare.ts): a minus, a plus and a bang cut out of a shape.
  'minus-circle': { d: 'M1.8 8A6.2 6.2 0 1 0 14.2 8A6.2 6.2 0 1 0 1.8 8ZM4.6 7H11.4V9H4.6Z', evenOdd: true, char: '⊖' },
  'plus-diamond': { d: 'M8 0.9L15.1 8L8 15.1L0.9 8ZM7 4.4H9V7H11.6V9H9V11.6H7V9H4.4V7H7Z', evenOdd: true, char: '⊕' },
  'bang-triangle': { d: 'M8 1.2L15.2 14.3H0.8ZM7.05 5.8H8.95V10.2H7.05ZM7 12.1A1 1 0 1 0 9 12.1A1 1 0 1 0 7 12.1Z', evenOdd: true, char: '⚠' },
};

const round = (n: number) => String(Number(n.toFixed(2)));

/** How many numbers each command takes, and which of them are x (0), y (1), a length to scale (2) or a flag (3). */
const ARGS: Record<string, number[]> = {
  M: [0, 1],
  L: [0, 1],
  H: [0],
  V: [1],
  C: [0, 1, 0, 1, 0, 1],
  A: [2, 2, 3, 3, 3, 0, 1],
  Z: [],
};

/** A glyph's path centred on (cx, cy) and `size` wide, in the drawing's units. */
export function placeGlyph(name: GlyphName, cx: number, cy: number, size: number): string {
  const k = size / 16;
  const ox = cx - 8 * k;
  const oy = cy - 8 * k;
  const tokens = GLYPHS[name].d.match(/[A-Za-z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let out = '';
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++];
    const roles = ARGS[cmd];
    if (!roles) throw new Error(`glyph ${name}: unsupported path command ${cmd}`);
    out += cmd;
    // A command's numbers may repeat (implicit repetition is not used in GLYPHS, but cost nothing to honour).
    do {
      const parts = roles.map((role) => {
        const v = Number(tokens[i++]);
        return round(role === 0 ? ox + v * k : role === 1 ? oy + v * k : role === 2 ? v * k : v);
      });
      out += parts.join(' ');
      if (roles.length && i < tokens.length && !/[A-Za-z]/.test(tokens[i])) out += ' ';
    } while (roles.length && i < tokens.length && !/[A-Za-z]/.test(tokens[i]));
  }
  return out;
}
