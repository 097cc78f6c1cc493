/**
 * Colour maths for checking the effect palette: sRGB ↔ linear ↔ CIELAB, colour-vision-deficiency simulation
 * (Machado, Oliveira & Fernandes 2009, severity 1.0: protanopia, deuteranopia, tritanopia) and greyscale
 * (CIE lightness, as a greyscale printer keeps it), WCAG contrast.
 */
type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255) as Rgb;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => {
  const v = Math.min(1, Math.max(0, c));
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
};

const MACHADO: Record<'protanopia' | 'deuteranopia' | 'tritanopia', number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export type Vision = 'normal' | keyof typeof MACHADO | 'greyscale';
export const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia', 'greyscale'];

/** The colour as seen with the given vision (sRGB 0-1). */
export function simulate(hex: string, vision: Vision): Rgb {
  const rgb = hexToRgb(hex);
  if (vision === 'normal') return rgb;
  const lin = rgb.map(toLinear) as Rgb;
  if (vision === 'greyscale') {
    const y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    const g = toSrgb(y);
    return [g, g, g];
  }
  const m = MACHADO[vision];
  return m.map((row) => toSrgb(row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])) as Rgb;
}

/** CIELAB (D65) of an sRGB colour. */
export function lab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(toLinear);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference between two colours as seen with `vision`. */
export function deltaE(a: string, b: string, vision: Vision): number {
  const p = lab(simulate(a, vision));
  const q = lab(simulate(b, vision));
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Difference in CIE lightness L* (0-100) as seen with `vision`. */
export function deltaL(a: string, b: string, vision: Vision): number {
  return Math.abs(lab(simulate(a, vision))[0] - lab(simulate(b, vision))[0]);
}

/** WCAG 2 contrast ratio. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bb] = hexToRgb(hex).map(toLinear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * bb;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
