/**
 * How the decision tools draw: the three comparison marks take their colour, glyph and words from the one
 * visual vocabulary (shared/visual/compare.ts; CSS gets the colours as --dc-gone and so on), and the fix badge.
 */
import { COMPARE_LOOKS, GLYPHS } from '../../../shared/visual/index.ts';
import type { DiffMark } from './store.ts';

export const DIFF_LOOK = COMPARE_LOOKS;

export function DiffShape({ mark, size = 14 }: { mark: DiffMark; size?: number }) {
  const glyph = GLYPHS[COMPARE_LOOKS[mark].glyph];
  return (
    <svg className={`dc-shape dc-shape-${mark}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" data-glyph={COMPARE_LOOKS[mark].glyph}>
      <path d={glyph.d} fill="currentColor" fillRule={glyph.evenOdd ? 'evenodd' : undefined} />
    </svg>
  );
}

/** A wrench: a fix. */
export function FixGlyph({ size = 12 }: { size?: number }) {
  return (
    <svg className="dc-fix-glyph" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M13.9 4.1l-2.4 2.4-2-.5-.5-2 2.4-2.4A4 4 0 0 0 6.2 6.8L1.6 11.4a1.7 1.7 0 0 0 2.4 2.4l4.6-4.6a4 4 0 0 0 5.3-5.1z"
        fill="currentColor"
      />
    </svg>
  );
}
