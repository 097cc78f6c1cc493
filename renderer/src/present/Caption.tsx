/**
 * Presentation mode's caption: the hop on screen, large, told as the explain panel tells a step (the
 * engine's explainEntries: one source of the sentences): its hour, its sentence, the rule that fired and
 * the control that would have stopped it. A hop that reaches several nodes at once names the others; the
 * responses taken, stolen copies dying, detection and containment at that hour are told after it, or alone
 * when nothing is reached.
 */
import { useMemo } from 'react';
import { deadCopyText } from '../../../shared/analysis/index.ts';
import { EFFECTS, isSecurityEffect, PREVENTED_BECAUSE, RESPONSE_INFO } from '../../../shared/domain/index.ts';
import { explainEntries } from '../../../shared/engine/index.ts';
import { StepMeta, formatTime, useScenarioStore } from '../scenarios/index.ts';
import { Glyph } from '../scenarios/glyphs.tsx';
import { playbackOf, shownHopIndex } from './playback.ts';
import type { HopEvent } from './playback.ts';

/** "Response: rotate CI token. Stolen copies taken before this hour stop working…", "CI token: stolen, dead after 1 h…". */
function eventSentence(ev: HopEvent, label: (id: string) => string): string {
  switch (ev.kind) {
    case 'dead':
      return `${label(ev.node)}: ${deadCopyText(ev.at)}, before it carried anything`;
    case 'detected': {
      const contained = ev.containedAt === null ? '' : ` The response contains it at ${formatTime(ev.containedAt)}.`;
      return `Detected: ${label(ev.node)} is monitored, and notices the attack.${contained}`;
    }
    case 'contained':
      return 'Contained: the response cuts the attacker off. Nothing spreads after this.';
    case 'prevented':
      return `Prevented: ${label(ev.node)} ${PREVENTED_BECAUSE[ev.because]}.`;
    case 'response': {
      const { title, meaning } = RESPONSE_INFO[ev.action];
      return `Response: ${title.toLowerCase()} ${label(ev.node)}. ${meaning.charAt(0).toUpperCase()}${meaning.slice(1)}.`;
    }
    default:
      return ev satisfies never;
  }
}

/** An event's glyph: a dying copy is a control gone dashed; the rest have their own. */
const eventGlyph = (ev: HopEvent) => (ev.kind === 'dead' ? 'control' : ev.kind === 'response' ? ev.action : ev.kind);

/** Lines of the caption held for a hop's events, at most. */
const MAX_EVENT_LINES = 2;

/** The events of a hop, one a line; past the lines held for them (MAX_EVENT_LINES), the last says how many more. */
function EventLines({ events, label }: { events: readonly HopEvent[]; label: (id: string) => string }) {
  const told = events.length > MAX_EVENT_LINES ? events.slice(0, MAX_EVENT_LINES - 1) : events;
  return (
    <ul className="fl-caption-events" data-testid="present-events">
      {told.map((ev) => (
        <li key={`${ev.kind}:${ev.node ?? ''}:${ev.kind === 'response' ? ev.action : ''}`} className={`is-${ev.kind}`}>
          <Glyph name={eventGlyph(ev)} size={14} />
          <span>{eventSentence(ev, label)}</span>
        </li>
      ))}
      {told.length < events.length && (
        <li className="is-more">
          <span>and {events.length - told.length} more at this hour</span>
        </li>
      )}
    </ul>
  );
}


export function Caption() {
  const shown = useScenarioStore((s) => s.shown);
  const playhead = useScenarioStore((s) => s.playhead);
  const activeId = useScenarioStore((s) => s.activeId);
  const running = useScenarioStore((s) => s.run.status === 'running');

  const told = useMemo(() => {
    if (!shown) return null;
    const playback = playbackOf(shown.result);
    const index = shownHopIndex(playback, playhead);
    const hop = playback.hops[index];
    if (!hop) return { index, count: playback.hops.length, at: 0, steps: [], events: [] };
    // The strongest security step first: that is the one the room asks about.
    const entries = [...hop.entries].sort((a, b) => Number(isSecurityEffect(b.effect)) - Number(isSecurityEffect(a.effect)) || EFFECTS.indexOf(a.effect) - EFFECTS.indexOf(b.effect));
    const steps = explainEntries(shown.model, shown.result, entries, shown.scenario);
    return { index, count: playback.hops.length, at: hop.at, steps, events: hop.events };
  }, [shown, playhead]);

  // A line more for each event the busiest hop tells: held for the whole scenario, so the canvas above does not
  // move from hop to hop, and a response under a two-line sentence is not cut off.
  const eventLines = useMemo(() => {
    const hops = shown ? playbackOf(shown.result).hops : [];
    return Math.min(MAX_EVENT_LINES, hops.reduce((most, h) => Math.max(most, h.events.length), 0));
  }, [shown]);
  const labels = useMemo(() => new Map(shown?.model.nodes.map((n) => [n.id, n.label || n.id]) ?? []), [shown]);
  // The nodes whose outage nothing notices (§7 silent): once per result, not at every hop the scrubber crosses.
  const silent = useMemo(() => new Set(shown?.result.impacts.filter((i) => i.silent).map((i) => i.node)), [shown]);
  const label = (id: string) => labels.get(id) ?? id;
  let body: React.ReactNode;
  if (!told) {
    body = (
      <p className="fl-caption-sentence is-muted">
        {activeId === null ? 'No scenario to present: right-click a node and choose what breaks, or press 1 to 9.' : running ? 'Simulating…' : 'This scenario has no break yet.'}
      </p>
    );
  } else if (told.steps.length === 0 && told.events.length > 0) {
    // Nothing reached at this hour, only what the defenders did or a stolen copy dying.
    const [first, ...others] = told.events;
    body = (
      <>
        <p className="fl-caption-sentence" data-testid="present-sentence">
          <span className={`fx-swatch fx-swatch-${first.kind}`}>
            <Glyph name={eventGlyph(first)} size={16} />
          </span>
          {eventSentence(first, label)}
        </p>
        {others.length > 0 && (
          <div className="fl-caption-meta">
            <EventLines events={others} label={label} />
          </div>
        )}
      </>
    );
  } else if (told.steps.length === 0) {
    body = <p className="fl-caption-sentence is-muted">Nothing is reached: every break was prevented.</p>;
  } else {
    const [first, ...others] = told.steps;
    body = (
      <>
        <p className="fl-caption-sentence" data-testid="present-sentence">
          <span className={`fx-swatch fx-swatch-${first.effect}`}>
            <Glyph name={told.index === 0 ? 'break' : first.rule.startsWith('response') ? 'revoke' : first.effect} size={16} />
          </span>
          {first.sentence}
        </p>
        <div className="fl-caption-meta">
          <StepMeta step={first} silent={silent.has(first.node) && !isSecurityEffect(first.effect)} />
          {others.length > 0 && (
            // How many comes first: where the line is cut short, the room still knows how many nodes it names.
            <p className="fl-caption-more" data-testid="present-more" title={others.map((s) => label(s.node)).join(', ')}>
              Also at this hop ({others.length}): {others.map((s) => label(s.node)).join(', ')}
            </p>
          )}
          {told.events.length > 0 && <EventLines events={told.events} label={label} />}
        </div>
      </>
    );
  }
  return (
    <section
      className="fl-caption"
      data-testid="present-caption"
      style={{ '--event-lines': eventLines } as React.CSSProperties}
      aria-live="polite"
      aria-label="Current hop"
    >
      <div className="fl-caption-time">
        <strong data-testid="present-time">{told ? formatTime(told.at) : '—'}</strong>
        {told && told.count > 0 && (
          <span>
            hop {told.index + 1}/{told.count}
          </span>
        )}
      </div>
      <div className="fl-caption-body">{body}</div>
    </section>
  );
}
