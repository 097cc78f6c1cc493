/**
 * The effect vocabulary (./effects.ts: effects, marks, responses, dead stolen copies), the comparison and
 * likelihood marks (./compare.ts), severities and kind accents (./palette.ts) as CSS custom properties, for
 * both themes. The app's build turns this into a stylesheet (renderer/build/effectCss.ts), so the canvas draws
 * with exactly the report's colours.
 */
import { EFFECTS } from '../domain/index.ts';
import { COMPARE_LOOKS, LIKELIHOOD_LOOK } from './compare.ts';
import type { CompareMark } from './compare.ts';
import { EFFECT_LOOKS, MARK_LOOKS, RESPONSE_LOOK, deadColor } from './effects.ts';
import type { MarkName } from './effects.ts';
import { NODE_BOX } from './node.ts';
import { KIND_COLORS } from './kinds.ts';
import { SEVERITY_COLORS } from './palette.ts';

const MARKS = Object.keys(MARK_LOOKS) as MarkName[];

function declarations(theme: 'light' | 'dark'): string[] {
  return [
    ...EFFECTS.flatMap((e) => [`--fx-${e}: ${EFFECT_LOOKS[e].color[theme]};`, `--fx-${e}-ink: ${EFFECT_LOOKS[e].ink[theme]};`]),
    ...MARKS.map((m) => `--fx-${m}: ${MARK_LOOKS[m].color[theme]};`),
    `--fx-response: ${RESPONSE_LOOK.color[theme]};`,
    `--fx-response-ink: ${RESPONSE_LOOK.ink[theme]};`,
    ...EFFECTS.map((e) => `--fx-dead-${e}: ${deadColor(e, theme)};`),
    ...Object.entries(SEVERITY_COLORS).map(([s, c]) => `--sev-${s}: ${c};`),
    ...Object.entries(KIND_COLORS).map(([k, c]) => `--kind-${k}: ${c};`),
    ...(Object.keys(COMPARE_LOOKS) as CompareMark[]).map((m) => `--dc-${m}: ${COMPARE_LOOKS[m].color[theme]};`),
    `--lk-hue: ${LIKELIHOOD_LOOK.color[theme]};`,
    // Sizes are the same in both themes; the node card's box is the one the report draws (./node.ts).
    `--node-w: ${NODE_BOX.width}px;`,
    `--node-h: ${NODE_BOX.height}px;`,
  ];
}

/** `:root { --fx-control: …; --fx-control-ink: …; … }` and the same for `:root[data-theme='dark']`. */
export function effectCss(): string {
  const block = (selector: string, theme: 'light' | 'dark') => `${selector} {\n${declarations(theme).map((d) => `  ${d}`).join('\n')}\n}\n`;
  return `/* Generated from shared/visual/effects.ts: edit the colours there. */\n${block(':root', 'light')}${block(":root[data-theme='dark']", 'dark')}`;
}
