/** The PDF's type scale, colours and shared styles. */
import { StyleSheet } from '@react-pdf/renderer';
import type { Styles } from '@react-pdf/renderer';
import { FONT_STACK } from '../fonts.ts';

export type Style = Styles[string];

export const C = {
  ink: '#0F172A',
  text: '#1E293B',
  muted: '#475569',
  faint: '#94A3B8',
  rule: '#E2E8F0',
  ruleStrong: '#CBD5E1',
  panel: '#F8FAFC',
  accent: '#C23B00',
  accentSoft: '#FBE9E1',
  navy: '#0F172A',
} as const;

export const s = StyleSheet.create({
  page: {
    fontFamily: FONT_STACK as unknown as string,
    fontSize: 9,
    lineHeight: 1.42,
    color: C.text,
  },
  h1: { fontSize: 20, fontWeight: 700, color: C.ink, lineHeight: 1.2 },
  h1Number: { color: C.accent },
  h1Rule: { height: 2, backgroundColor: C.ink, marginTop: 6, marginBottom: 14, width: 48 },
  h2: { fontSize: 13, fontWeight: 700, color: C.ink, marginTop: 16, marginBottom: 6, lineHeight: 1.25 },
  h3: { fontSize: 10, fontWeight: 700, color: C.ink, marginTop: 12, marginBottom: 4 },
  p: { marginBottom: 5 },
  small: { fontSize: 7.5, lineHeight: 1.4, color: C.muted },
  muted: { color: C.muted },
  bold: { fontWeight: 700 },
  callout: {
    backgroundColor: C.panel,
    borderLeftWidth: 3,
    borderLeftColor: C.accent,
    paddingVertical: 8,
    paddingHorizontal: 10,
    marginBottom: 12,
  },
  calloutText: { fontSize: 10, lineHeight: 1.45, color: C.ink, marginBottom: 3 },
  row: { flexDirection: 'row' },
  bullet: { flexDirection: 'row', marginBottom: 3 },
  bulletMark: { width: 12, color: C.muted },
  bulletText: { flex: 1 },
});
