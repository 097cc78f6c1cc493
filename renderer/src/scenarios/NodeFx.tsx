/**
 * The overlay on one canvas node: a class and data attributes for its fill pattern and dimming, and the
 * tags drawn around it (effect with time, break, silent outage, a stolen copy that died, responses with
 * their hour, findings, what-if). The node component
 * calls `useNodeFx(id)` and renders `<NodeFxDecor fx={…} />` inside itself.
 */
import { deadCopyText } from '../../../shared/analysis/stolen.ts';
import { BREAK_INFO, RESPONSE_INFO } from '../../../shared/domain/kinds.ts';
import { useNodeFindings, useNodeOnPath, useNodeOverlay } from './context.tsx';
import { EFFECT_LOOKS } from '../../../shared/visual/effects.ts';
import { formatTime } from './format.ts';
import { Glyph } from './glyphs.tsx';
import type { NodeFindings, NodeOverlay } from './overlay.ts';

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
    if (overlay.effect === 'none' && overlay.breaks.length === 0 && !onPath) cls.push('fx-dim');
    if (overlay.effect !== 'none') cls.push(`fx-${overlay.effect}`);
    if (overlay.availability && overlay.security) cls.push(`fx-also-${overlay.availability}`);
    if (overlay.breaks.length) cls.push('fx-break');
    if (overlay.deadAfter !== null) cls.push('fx-dead-copy');
  }
  if (onPath) cls.push('fx-path');
  if (overlay.patched) cls.push('fx-patched');
  const attrs: NodeFx['attrs'] = { 'data-effect': overlay.effect };
  if (overlay.breaks.length) attrs['data-break'] = 'true';
  if (overlay.availability) attrs['data-availability'] = overlay.availability;
  return { overlay, onPath, findings, className: cls.length ? ` ${cls.join(' ')}` : '', attrs };
}

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
          dead {formatTime(deadAfter)}
        </span>
      )}
    </span>
  );
}

/** The responses on a node: the defenders' colour (--fx-response, from shared/visual), the action's glyph and its hour. */
function ResponseTags({ responses }: { responses: NodeOverlay['responses'] }) {
  return (
    <div className="fx-response-tags">
      {responses.map((r) => (
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
      ))}
    </div>
  );
}

/** The tags around a node; nothing when the node has nothing to show. */
export function NodeFxDecor({ fx, far = false }: { fx: NodeFx; far?: boolean }) {
  const o = fx.overlay;
  const f = fx.findings;
  if (!o.active && !f && !o.patched) return null;
  if (far) return null;
  const breakTitle = o.breaks.map((m) => BREAK_INFO[m].title).join(' + ');
  return (
    <>
      {o.active && (o.security || o.availability) && (
        <div className="fx-tags">
          {o.security && <EffectTag effect={o.security} at={o.securityAt} deadAfter={o.deadAfter} />}
          {o.availability && <EffectTag effect={o.availability} at={o.availabilityAt} silent={o.silent} />}
        </div>
      )}
      {o.active && o.breaks.length > 0 && (
        <span
          className={`fx-break-tag${o.prevented ? ' is-prevented' : ''}`}
          title={o.prevented ? `${breakTitle}: prevented (the secret renews itself)` : `Break: ${breakTitle} at 0 h`}
        >
          <Glyph name={o.prevented ? 'prevented' : 'break'} size={13} />
          {o.prevented ? `${breakTitle} prevented` : breakTitle}
        </span>
      )}
      {o.active && o.responses.length > 0 && <ResponseTags responses={o.responses} />}
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
