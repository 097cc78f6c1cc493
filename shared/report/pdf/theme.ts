/** The PDF's colours and text styles (effect, kind and severity colours come from shared/report/style.ts). */
import type { TextStyle } from './textLayout.ts';

export const C = {
  ink: '#0F172A',
  text: '#1E293B',
  muted: '#475569',
  faint: '#94A3B8',
  rule: '#E2E8F0',
  ruleStrong: '#CBD5E1',
  panel: '#F8FAFC',
  accent: '#C23B00',
  chip: '#EEF2F6',
  navy: '#0F172A',
} as const;

export const T = {
  body: { size: 9, color: C.text, lh: 1.42 },
  muted: { size: 9, color: C.muted, lh: 1.42 },
  small: { size: 7.5, color: C.muted, lh: 1.4 },
  h1: { size: 20, bold: true, color: C.ink, lh: 1.2 },
  h2: { size: 13, bold: true, color: C.ink, lh: 1.25 },
  callout: { size: 10, color: C.ink, lh: 1.45 },
} satisfies Record<string, TextStyle>;
