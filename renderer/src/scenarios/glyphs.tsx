/**
 * The overlay's glyphs as inline SVG (no emoji font needed): one per effect, plus the break, a silent
 * outage, a finding, a what-if edit and the two responses (rotate, revoke). They carry meaning without colour.
 */
import type { Effect } from '../../../shared/domain/kinds.ts';

type GlyphName = Effect | 'break' | 'silent' | 'finding' | 'whatif' | 'prevented' | 'rotate' | 'revoke';

const PATHS: Record<GlyphName, React.ReactNode> = {
  // A skull: the attacker controls this.
  control: (
    <>
      <path
        fillRule="evenodd"
        fill="currentColor"
        d="M8 1.2c-3.4 0-5.8 2.4-5.8 5.5 0 1.9.9 3.3 2.1 4.1V13c0 .6.4 1 1 1h5.4c.6 0 1-.4 1-1v-2.2c1.2-.8 2.1-2.2 2.1-4.1 0-3.1-2.4-5.5-5.8-5.5zM4.2 7.3a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0-3.2 0zM8.6 7.3a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0-3.2 0zM7.2 10.6L8 9.3l.8 1.3z"
      />
    </>
  ),
  write: (
    <path d="M10.8 2.2l3 3-8.3 8.3-3.8.8.8-3.8zM9.3 3.7l3 3" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />
  ),
  read: (
    <>
      <path d="M1.2 8S3.7 3.3 8 3.3 14.8 8 14.8 8 12.3 12.7 8 12.7 1.2 8 1.2 8z" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <circle cx="8" cy="8" r="2.2" fill="currentColor" />
    </>
  ),
  down: (
    <>
      <circle cx="8" cy="8" r="5.9" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M3.9 12.1L12.1 3.9" stroke="currentColor" strokeWidth="1.8" />
    </>
  ),
  degraded: (
    <>
      <circle cx="8" cy="8" r="5.9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.6 1.9" />
      <path d="M2.1 8a5.9 5.9 0 0 0 11.8 0z" fill="currentColor" />
    </>
  ),
  break: <path d="M9.4.8L2.6 9.2h4.3l-1.3 6 6.8-8.6H8.2z" fill="currentColor" />,
  silent: (
    <>
      <path d="M4 11.5V7.2a4 4 0 0 1 8 0v4.3l1.2 1.2H2.8zM6.6 14.2a1.5 1.5 0 0 0 2.8 0" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M1.8 1.8l12.4 12.4" stroke="currentColor" strokeWidth="1.7" />
    </>
  ),
  finding: <path d="M3.5 15V1.8M3.5 2.3h9l-2 3.3 2 3.3h-9" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />,
  whatif: (
    <path d="M8 1.8L14.5 13.5H1.5z" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />
  ),
  // Two arrows chasing each other: a new secret replaces the old one.
  rotate: (
    <>
      <path d="M13.2 6.3A5.4 5.4 0 0 0 3.3 5M2.8 9.7A5.4 5.4 0 0 0 12.7 11" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <path d="M2.4 2.2v3.6H6M13.6 13.8v-3.6H10" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" strokeLinecap="round" />
    </>
  ),
  // A credential card struck through: it no longer authenticates anything.
  revoke: (
    <>
      <rect x="1.6" y="3.6" width="12.8" height="8.8" rx="1.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M2.2 14.6L13.8 1.4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  prevented: (
    <>
      <path d="M8 1.3l5.6 2.2v4c0 3.4-2.4 6.1-5.6 7.2-3.2-1.1-5.6-3.8-5.6-7.2v-4z" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M5.3 8.1l1.9 1.9 3.6-3.8" fill="none" stroke="currentColor" strokeWidth="1.7" />
    </>
  ),
};

export function Glyph({ name, size = 14, title }: { name: GlyphName; size?: number; title?: string }) {
  return (
    <svg className={`fx-glyph fx-glyph-${name}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined}>
      {title && <title>{title}</title>}
      {PATHS[name]}
    </svg>
  );
}
