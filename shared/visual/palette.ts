/**
 * The other colours the canvas and the reports share: node kinds (the accent bar of a node) and finding
 * severities (badges, report headings). Defined once here, beside the effect vocabulary (./effects.ts).
 */
import type { Severity } from '../analysis/index.ts';
import type { NodeKind } from '../domain/index.ts';

/** Accent per kind; the same in both themes, chosen to stay apart for common colour-vision deficiencies. */
export const KIND_COLORS: Record<NodeKind, string> = {
  service: '#2563EB',
  agent: '#7C3AED',
  tool: '#0891B2',
  pipeline: '#EA580C',
  person: '#64748B',
  identity: '#059669',
  secret: '#D97706',
  issuer: '#0D9488',
  datastore: '#4F46E5',
  location: '#BE123C',
  dependency: '#A16207',
};

/** Badge colours of finding severities, with white text on them. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#9F1239',
  high: '#C2410C',
  medium: '#A16207',
  low: '#475569',
};
