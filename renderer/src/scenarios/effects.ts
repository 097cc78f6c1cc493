/**
 * How each effect is drawn and named. Colour is never the only signal: every effect also has a glyph, a
 * fill pattern and a word (the legend shows all three).
 */
import type { Effect } from '../../../shared/domain/kinds.ts';

export interface EffectLook {
  title: string;
  /** One line for the legend and tooltips. */
  meaning: string;
  /** The pattern as the legend names it, for people who cannot tell the colours apart. */
  pattern: string;
}

export const EFFECT_LOOK: Record<Effect, EffectLook> = {
  control: { title: 'Control', meaning: 'the attacker acts as this node', pattern: 'solid fill, skull' },
  write: { title: 'Write', meaning: 'the attacker can change its data', pattern: 'diagonal hatch, pen' },
  read: { title: 'Read', meaning: 'the attacker can read its data', pattern: 'dots, eye' },
  down: { title: 'Down', meaning: 'stops working', pattern: 'grey with a slash' },
  degraded: { title: 'Degraded', meaning: 'works with reduced function', pattern: 'dashed outline' },
};
