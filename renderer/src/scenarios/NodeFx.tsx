/**
 * The overlay on one canvas node: a class and data attributes for its fill pattern and dimming, and the
 * tags drawn around it (effect with time, break, silent outage, a stolen copy that died, responses with
 * their hour, findings, what-if). The node component
 * calls `useNodeFx(id)` and renders `<NodeFxDecor fx={…} />` inside itself.
 */
import { deadCopyText } from '../../../shared/analysis/index.ts';
import { BREAK_INFO, RESPONSE_INFO } from '../../../shared/domain/index.ts';
import { useNodeFindings, useNodeOnPath, useNodeOverlay } from './context.tsx';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { formatTime } from './format.ts';
import { Glyph } from './glyphs.tsx';
import type { NodeFindings, NodeOverlay } from './overlay.ts';
import { drawnDimmed } from './overlay.ts';
import type { Size } from '../../../shared/visual/index.ts';

export interface NodeFx {
  overlay: NodeOverlay;
  onPath: boolean;
  /** Its findings badge, when it has findings and badges are on. */
  findings: NodeFindings | null;
  /** Classes to add to the node's root element (starts with a space, or empty). */
  className: string;
  /** `data-effect` (always) and `data-break` (on break nodes), for tests and styles. */
  attrs: { 'data-effect': string; 'data-break'?: 'true'; 'data-availability'?: string };
}

export function useNodeFx(id: string): NodeFx {
  const overlay = useNodeOverlay(id);
  const onPath = useNodeOnPath(id);
  const findings = useNodeFindings(id);
  const cls: string[] = [];
  if (overlay.active) {
    cls.push('fx-on');
    if (drawnDimmed(overlay, onPath)) cls.push('fx-dim');
    if (overlay.effect !== 'none') cls.push(`fx-${overlay.effect}`);
    if (overlay.availability && overlay.security) cls.push(`fx-also-${overlay.availability}`);
    if (overlay.breaks.length) cls.push('fx-break');
    if (overlay.deadAfter !== null) cls.push('fx-dead-copy');
  }
  if (onPath) cls.push('fx-path');
  if (overlay.patched) cls.push('fx-patched');
  if (overlay.fresh) cls.push('fx-fresh');
  const attrs: NodeFx['attrs'] = { 'data-effect': overlay.effect };
  if (overlay.breaks.length) attrs['data-break'] = 'true';
  if (overlay.availability) attrs['data-availability'] = overlay.availability;
  return { overlay, onPath, findings, className: cls.length ? ` ${cls.join(' ')}` : '', attrs };
}

/** Characters wide, roughly, in ems: tags are bold; the break tag is also upper case and spaced. */
const EM = { tag: 0.66, break: 0.74 };
/** A tag's glyph, padding and gaps, in ems (.fx-tag in scenarios.css). */
const TAG_PAD = 2.8;
/** A part inside a tag after a rule (its hour, "silent", "dead 2 h"): padding and rule, in ems. */
const PART_PAD = 0.6;

/**
 * The size of a node's tag row in model px, for placing it clear of other nodes (canvas/decor.ts), or
 * null when it has none. An estimate from the text; a little generous rather than short. The row holds the
 * break, the effects (with "silent" and a dead copy's hour) and the responses taken, as NodeFxDecor draws it.
 */
export function decorSize(o: NodeOverlay, tagPx: number, words: boolean): Size | null {
  if (!o.active) return null;
  const tags: number[] = [];
  const tag = (effect: NodeOverlay['effect'], at: number | null, extra = '') => {
    if (effect === 'none') return;
    const text = `${words ? EFFECT_LOOKS[effect].label : ''}${formatTime(at ?? 0)}`;
    tags.push((text.length * EM.tag + TAG_PAD + (extra ? extra.length * EM.tag + PART_PAD : 0)) * tagPx);
  };
  tag(o.security ?? 'none', o.securityAt, o.deadAfter !== null ? deadText(o.deadAfter) : '');
  tag(o.availability ?? 'none', o.availabilityAt, o.silent && words ? 'silent' : '');
  if (o.silent && !words) tags.push(1.4 * tagPx);
  if (o.breaks.length) {
    const title = o.breaks.map((m) => BREAK_INFO[m].title).join(' + ');
    tags.push(((words ? (o.prevented ? title.length + 10 : title.length) * EM.break : 0) + 2.6) * tagPx);
  }
  for (const r of o.responses) {
    const text = `${words ? RESPONSE_INFO[r.action].title : ''}${formatTime(r.at)}`;
    tags.push((text.length * EM.tag + TAG_PAD) * tagPx);
  }
  if (tags.length === 0) return null;
  return { width: tags.reduce((a, b) => a + b, 0) + (tags.length - 1) * 0.35 * tagPx, height: 1.75 * tagPx };
}

/**
 * How a node's tag row is cut down to fit `room` (model px) on its card's top edge or inside it, where it
 * cannot reach past the card: its words dropped, else its hours too, each tag its glyph alone. Null when
 * it fits whole. A tag cut off at the card's edge showed a sliver of colour and said nothing. `width`: the
 * row's decorSize, when the caller has it.
 */
export function decorTight(o: NodeOverlay, tagPx: number, words: boolean, room: number, width = decorSize(o, tagPx, words)?.width ?? 0): DecorTight | null {
  if (width <= room) return null;
  return words && decorSize(o, tagPx, false)!.width <= room ? 'words' : 'glyphs';
}
export type DecorTight = 'words' | 'glyphs';

/** What a dead copy's tag adds after its hour: "dead 15 min". */
const deadText = (until: number) => `dead ${formatTime(until)}`;

function EffectTag({ effect, at, silent, deadAfter = null }: { effect: NodeOverlay['effect']; at: number | null; silent?: boolean; deadAfter?: number | null }) {
  if (effect === 'none') return null;
  const look = EFFECT_LOOKS[effect];
  const dead = deadAfter !== null ? `: ${deadCopyText(deadAfter)}, before it carried anything` : '';
  return (
    <span
      className={`fx-tag fx-tag-${effect}${deadAfter !== null ? ' is-dead' : ''}`}
      title={`${look.label} at ${formatTime(at ?? 0)}: ${look.short}${silent ? ' (silently: no health check)' : ''}${dead}`}
    >
      <Glyph name={effect} size={13} />
      <span className="fx-tag-word">{look.label}</span>
      <span className="fx-tag-time" data-testid="fx-time">
        {formatTime(at ?? 0)}
      </span>
      {silent && (
        <span className="fx-tag-silent">
          <Glyph name="silent" size={12} />
          <span className="fx-tag-word">silent</span>
        </span>
      )}
      {deadAfter !== null && (
        <span className="fx-tag-dead" data-testid="fx-dead">
          {deadText(deadAfter)}
        </span>
      )}
    </span>
  );
}

/** The responses taken on a node: the defenders' colour (--fx-response, from shared/visual), the action's glyph and its hour, in the tag row. */
function ResponseTags({ responses }: { responses: NodeOverlay['responses'] }) {
  return responses.map((r) => (
    <span
      key={`${r.action}:${r.at}`}
      className="fx-response-tag"
      data-testid="fx-response"
      data-response={r.action}
      title={`${RESPONSE_INFO[r.action].title} at ${formatTime(r.at)}: ${RESPONSE_INFO[r.action].meaning}`}
    >
      <Glyph name={r.action} size={13} />
      <span className="fx-tag-word">{RESPONSE_INFO[r.action].title}</span>
      <span className="fx-tag-time">{formatTime(r.at)}</span>
    </span>
  ));
}

/** The tags around a node; nothing when the node has nothing to show. */
export function NodeFxDecor({ fx, far = false }: { fx: NodeFx; far?: boolean }) {
  const o = fx.overlay;
  const f = fx.findings;
  if (!o.active && !f && !o.patched) return null;
  if (far) return null;
  const breakTitle = o.breaks.map((m) => BREAK_INFO[m].title).join(' + ');
  // One row, placed clear of other nodes (data-decor on the node: above, below, or inside its top edge).
  const hasTags = o.active && (o.security || o.availability || o.breaks.length > 0 || o.responses.length > 0);
  return (
    <>
      {hasTags && (
        <div className="fx-tags">
          {o.breaks.length > 0 && (
            <span
              className={`fx-break-tag${o.prevented ? ' is-prevented' : ''}`}
              title={o.prevented ? `${breakTitle}: prevented (the secret renews itself)` : `Break: ${breakTitle} at 0 h`}
            >
              <Glyph name={o.prevented ? 'prevented' : 'break'} size={13} />
              <span className="fx-tag-word">{o.prevented ? `${breakTitle} prevented` : breakTitle}</span>
            </span>
          )}
          {o.security && <EffectTag effect={o.security} at={o.securityAt} deadAfter={o.deadAfter} />}
          {o.availability && <EffectTag effect={o.availability} at={o.availabilityAt} silent={o.silent} />}
          <ResponseTags responses={o.responses} />
        </div>
      )}
      {f && (
        <span className={`fx-finding-badge sev-${f.severity}`} title={`${f.count} finding${f.count > 1 ? 's' : ''}, worst ${f.severity}`} data-testid="finding-badge">
          <Glyph name="finding" size={11} />
          {f.count}
        </span>
      )}
      {o.patched && (
        <span className="fx-whatif-tag" title="Changed for this scenario only (what-if)">
          <Glyph name="whatif" size={10} />
          what-if
        </span>
      )}
    </>
  );
}
