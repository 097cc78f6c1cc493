/**
 * How the decision tools draw: the three comparison marks each with a colour, a shape and a word (so
 * colour is never the only signal, as for effects), and the fix badge. CSS takes the colours from the
 * variables in decide.css; the shapes are inline SVG, like the overlay's glyphs.
 */
import type { DiffMark } from './store.ts';

export const DIFF_LOOK: Record<DiffMark, { title: string; meaning: string; shape: string }> = {
  gone: { title: 'No longer reached', meaning: 'reached before, not after', shape: 'circle, dashed outline' },
  new: { title: 'Newly reached', meaning: 'reached after, not before', shape: 'diamond, double outline' },
  changed: { title: 'Changed', meaning: 'reached both times, at another level or time', shape: 'triangle, dotted outline' },
};

const SHAPES: Record<DiffMark, React.ReactNode> = {
  gone: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="currentColor" />
      <path d="M4.8 8h6.4" stroke="var(--dc-ink, #fff)" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  new: (
    <>
      <path d="M8 0.9L15.1 8 8 15.1 0.9 8z" fill="currentColor" />
      <path d="M8 4.6v6.8M4.6 8h6.8" stroke="var(--dc-ink, #fff)" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  changed: (
    <>
      <path d="M8 1.2L15.2 14.3H0.8z" fill="currentColor" />
      <path d="M8 6v4.2" stroke="var(--dc-ink, #fff)" strokeWidth="1.9" strokeLinecap="round" />
      <circle cx="8" cy="12.1" r="1" fill="var(--dc-ink, #fff)" />
    </>
  ),
};

export function DiffShape({ mark, size = 14 }: { mark: DiffMark; size?: number }) {
  return (
    <svg className={`dc-shape dc-shape-${mark}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      {SHAPES[mark]}
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
