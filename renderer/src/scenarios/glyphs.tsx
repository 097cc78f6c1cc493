/**
 * The overlay's glyphs as inline SVG (no emoji font needed). Effects, the break, a silent outage, a prevented
 * break and the two responses (rotate, revoke) draw the one vocabulary's shapes (shared/visual/), as the PDF
 * and HTML do; a finding, a what-if edit, detection and containment are the app's own marks. They carry meaning
 * without colour.
 */
import type { Effect } from '../../../shared/domain/index.ts';
import type { GlyphName as ShapeName } from '../../../shared/visual/index.ts';
import { EFFECT_LOOKS, GLYPHS, MARK_LOOKS, RESPONSE_LOOK } from '../../../shared/visual/index.ts';

type GlyphName = Effect | 'break' | 'silent' | 'finding' | 'whatif' | 'prevented' | 'rotate' | 'revoke' | 'detected' | 'contained';

const SHAPES: Partial<Record<GlyphName, ShapeName>> = {
  ...Object.fromEntries(Object.entries(EFFECT_LOOKS).map(([e, look]) => [e, look.glyph])),
  break: MARK_LOOKS.break.glyph!,
  silent: MARK_LOOKS.silent.glyph!,
  prevented: MARK_LOOKS.prevented.glyph!,
  ...RESPONSE_LOOK.glyphs,
};

const CANVAS_ONLY: Partial<Record<GlyphName, React.ReactNode>> = {
  finding: <path d="M3.5 15V1.8M3.5 2.3h9l-2 3.3 2 3.3h-9" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />,
  whatif: <path d="M8 1.8L14.5 13.5H1.5z" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />,
  // Playback's marks for the defenders: an eye when a monitored node notices, a shield when the attack is contained.
  detected: (
    <g fill="none" stroke="currentColor" strokeWidth="1.7">
      <path d="M1.5 8S4 3.8 8 3.8 14.5 8 14.5 8 12 12.2 8 12.2 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
    </g>
  ),
  contained: <path d="M8 1.5l5.5 2.2v4c0 3.3-2.3 5.8-5.5 6.8-3.2-1-5.5-3.5-5.5-6.8v-4z" fill="none" stroke="currentColor" strokeWidth="1.7" />,
};

function shape(name: GlyphName): React.ReactNode {
  const s = SHAPES[name];
  if (!s) return CANVAS_ONLY[name];
  const g = GLYPHS[s];
  return <path d={g.d} fill="currentColor" fillRule={g.evenOdd ? 'evenodd' : undefined} />;
}

export function Glyph({ name, size = 14, title }: { name: GlyphName; size?: number; title?: string }) {
  return (
    <svg className={`fx-glyph fx-glyph-${name}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} data-glyph={SHAPES[name]}>
      {title && <title>{title}</title>}
      {shape(name)}
    </svg>
  );
}
