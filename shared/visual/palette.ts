/**
 * The other colours the canvas and the reports share: finding severities (badges, report headings). Defined
 * once here, beside the effect vocabulary (./effects.ts); the node kinds' accents are in ./kinds.ts.
 */
import type { Severity } from '../analysis/index.ts';

/** Badge colours of finding severities, with white text on them. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#9F1239',
  high: '#C2410C',
  medium: '#A16207',
  low: '#475569',
};
