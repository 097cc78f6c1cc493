/**
 * How effects and kinds look in every report format: taken from the one visual vocabulary (shared/visual/),
 * which the canvas draws with too. Effects differ by colour (apart for colour-vision deficiencies and in
 * greyscale) AND by glyph and line, so a greyscale print still tells them apart.
 */
import type { Effect, NodeKind } from '../domain/index.ts';
import { EFFECTS } from '../domain/index.ts';
import type { GlyphName } from '../visual/index.ts';
import { EFFECT_LOOKS, effectFill, GLYPHS, KIND_COLORS, MARK_LOOKS, placeGlyph, RESPONSE_LOOK } from '../visual/index.ts';

export { SEVERITY_COLORS } from '../visual/index.ts';

interface EffectStyle {
  label: string;
  meaning: string;
  /** Strong colour: marker, border, carried edges. */
  color: string;
  /** Light fill for the node box. */
  fill: string;
  glyph: GlyphName;
  /** Node border dashed: availability effects. */
  dashed: boolean;
  weight: number;
}

/** Score weights of domain.md §8. */
export const EFFECT_WEIGHTS: Record<Effect, number> = { control: 1.0, write: 0.6, read: 0.4, down: 0.8, degraded: 0.3 };

export const EFFECT_STYLES: Record<Effect, EffectStyle> = Object.fromEntries(
  EFFECTS.map((e) => {
    const look = EFFECT_LOOKS[e];
    return [e, { label: look.label, meaning: look.meaning, color: look.color.light, fill: effectFill(e), glyph: look.glyph, dashed: look.dashed, weight: EFFECT_WEIGHTS[e] }];
  }),
) as Record<Effect, EffectStyle>;

export const BREAK_COLOR = MARK_LOOKS.break.color.light;
export const BREAK_GLYPH = MARK_LOOKS.break.glyph!;

/** A response (rotate, revoke, §6): the defenders' colour, apart from every effect's; on the canvas and in the report. */
export const RESPONSE_COLOR = RESPONSE_LOOK.color.light;

interface KindStyle {
  label: string;
  plural: string;
  /** The kind inside a sentence: `AI agent`, `data store` (acronyms keep their capitals). */
  noun: string;
  nouns: string;
  color: string;
}

/** Kind names for the report, with the accent colours the canvas uses (shared/visual/palette.ts). */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  service: { label: 'Service', plural: 'Services', noun: 'service', nouns: 'services', color: KIND_COLORS.service },
  agent: { label: 'AI agent', plural: 'AI agents', noun: 'AI agent', nouns: 'AI agents', color: KIND_COLORS.agent },
  tool: { label: 'Tool', plural: 'Tools', noun: 'tool', nouns: 'tools', color: KIND_COLORS.tool },
  pipeline: { label: 'Pipeline', plural: 'Pipelines', noun: 'pipeline', nouns: 'pipelines', color: KIND_COLORS.pipeline },
  person: { label: 'Person', plural: 'People', noun: 'person', nouns: 'people', color: KIND_COLORS.person },
  identity: { label: 'Identity', plural: 'Identities', noun: 'identity', nouns: 'identities', color: KIND_COLORS.identity },
  secret: { label: 'Secret', plural: 'Secrets', noun: 'secret', nouns: 'secrets', color: KIND_COLORS.secret },
  issuer: { label: 'Issuer', plural: 'Issuers', noun: 'issuer', nouns: 'issuers', color: KIND_COLORS.issuer },
  datastore: { label: 'Data store', plural: 'Data stores', noun: 'data store', nouns: 'data stores', color: KIND_COLORS.datastore },
  location: { label: 'Location', plural: 'Locations', noun: 'location', nouns: 'locations', color: KIND_COLORS.location },
  dependency: { label: 'Dependency', plural: 'Dependencies', noun: 'dependency', nouns: 'dependencies', color: KIND_COLORS.dependency },
};

/** `1 AI agent`, `3 AI agents`, `2 identities`: a count of nodes of a kind, in a sentence. */
export const kindCount = (kind: NodeKind, n: number) => `${n} ${n === 1 ? KIND_STYLES[kind].noun : KIND_STYLES[kind].nouns}`;

/** A glyph of the vocabulary centred on (cx, cy) with half-size r, as an SVG path: for the PDF, the HTML and the canvas picture. */
export function glyphPath(glyph: GlyphName, cx: number, cy: number, r: number): string {
  return placeGlyph(glyph, cx, cy, 2 * r);
}

/** Whether a glyph's path is filled with the even-odd rule (its holes). */
export const glyphEvenOdd = (glyph: GlyphName): boolean => GLYPHS[glyph].evenOdd;
