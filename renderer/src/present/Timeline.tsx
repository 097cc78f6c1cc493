/**
 * The playback timeline: 0 h to the end on a log axis (timeScale.ts), a marker per hour something is
 * reached, detection, containment and the scenario's responses, and the scrubber. Dragging the scrubber shows the radius as it stood
 * at that hour; the buttons move one hop at a time or play. The same component sits under the canvas in
 * edit mode and at the foot of presentation mode.
 */
import './timeline.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatTime, useScenarioStore } from '../scenarios/index.ts';
import { Glyph } from '../scenarios/glyphs.tsx';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { usePlaybackActions, usePresent, usePresentApi } from './context.tsx';
import type { Marker } from './markers.ts';
import { timelineMarkers } from './markers.ts';
import { playbackOf, shownHopIndex } from './playback.ts';
import type { Speed } from './store.ts';
import { SPEEDS } from './store.ts';
import { snapTime, tickAlign, timeScale } from './timeScale.ts';

/**
 * An element's width, kept up to date. The element may mount after the component (the track waits for a scenario
 * to be shown), so the element is watched from a callback ref, not from an effect that runs once: presenting
 * before a scenario was picked drew a timeline without hour labels, its width read as 0.
 */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, (el: T | null) => void, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const attach = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    ref.current = el;
    if (!el) return;
    setWidth(el.clientWidth);
    observer.current = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.current.observe(el);
  }, []);
  return [ref, attach, width];
}

const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

function Controls() {
  const actions = usePlaybackActions();
  const player = usePresentApi();
  const playing = usePresent((s) => s.playing);
  const speed = usePresent((s) => s.speed);
  const follow = usePresent((s) => s.follow);
  // The keys work while presenting; in the editor → moves the selected node, so the tooltips promise none there.
  const presenting = usePresent((s) => s.on);
  const key = (k: string) => (presenting ? ` (${k})` : '');
  const index = useScenarioStore(() => actions.position().index);
  const count = useScenarioStore(() => actions.position().count);
  const atStart = index <= 0;
  const atEnd = index >= count - 1;
  return (
    <div className="fl-tl-controls" role="group" aria-label="Playback">
      <button type="button" className="fl-tl-button" data-testid="action-step-prev" onClick={actions.prev} disabled={atStart} title={`Previous hop${key('←')}`} aria-label="Previous hop">
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 3v10M13 3L6 8l7 5z" />
        </svg>
      </button>
      <button
        type="button"
        className="fl-tl-button is-play"
        data-testid="action-play"
        onClick={actions.togglePlay}
        aria-pressed={playing}
        disabled={count === 0}
        title={playing ? `Pause${key('P')}` : `Play hop by hop${key('P')}`}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">{playing ? <path d="M4 3h3v10H4zM9 3h3v10H9z" /> : <path d="M4 2.5l9.5 5.5L4 13.5z" />}</svg>
      </button>
      <button type="button" className="fl-tl-button" data-testid="action-step-next" onClick={actions.next} disabled={atEnd} title={`Next hop${key('→')}`} aria-label="Next hop">
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M12 3v10M3 3l7 5-7 5z" />
        </svg>
      </button>
      <select
        className="fl-tl-speed"
        data-testid="play-speed"
        aria-label="Playback speed"
        title="Playback speed"
        value={speed}
        onChange={(e) => player.getState().setSpeed(Number(e.target.value) as Speed)}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <label className="fl-tl-follow" title="The view follows each hop to the nodes it reaches">
        <input type="checkbox" data-testid="follow-toggle" aria-label="Follow" checked={follow} onChange={(e) => player.getState().setFollow(e.target.checked)} />
        <span className="fl-tl-follow-word">Follow</span>
      </label>
    </div>
  );
}

/**
 * One marker: re-rendered only when the playhead passes it (dragging the scrubber moves the playhead
 * every frame; the markers it did not cross stay as they are).
 */
const TimelineMarker = memo(function TimelineMarker({ m, left, past }: { m: Marker; left: string; past: boolean }) {
  return (
    <span
      className={`fl-tl-marker is-${m.kind}${m.effect ? ` fx-chip-${m.effect}` : ''}${past ? ' is-past' : ''}`}
      style={{ left }}
      data-testid={`timeline-${m.kind}`}
      data-time={m.at}
      title={m.effect ? `${EFFECT_LOOKS[m.effect].label} · ${m.title}` : m.title}
    >
      {(m.kind === 'detected' || m.kind === 'contained') && <Glyph name={m.kind} />}
      {m.kind === 'response' && (
        <svg viewBox="0 0 16 16" aria-hidden="true" data-action={m.action}>
          {m.action === 'rotate' ? <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5v3h-3" /> : <path d="M3.5 3.5l9 9M8 2.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11z" />}
        </svg>
      )}
    </span>
  );
});

export function Timeline() {
  const shown = useScenarioStore((s) => s.shown);
  const playhead = useScenarioStore((s) => s.playhead);
  const actions = usePlaybackActions();
  const player = usePresentApi();
  // Presenting draws the ticks at 13 px instead of 10.5 px (timeline.css): wider labels need more room.
  const charPx = usePresent((s) => (s.on ? 8 : 6.5));
  const [track, attachTrack, width] = useWidth<HTMLDivElement>();
  const dragging = useRef<{ frame: number; p: number } | null>(null);

  const data = useMemo(() => {
    if (!shown) return null;
    const playback = playbackOf(shown.result);
    const scale = timeScale(playback.end);
    const labels = new Map(shown.model.nodes.map((n) => [n.id, n.label || n.id]));
    // Where each marker sits depends on the axis only: worked out once, not at every hour scrubbed.
    const markers = timelineMarkers(shown.result, (id) => labels.get(id) ?? id).map((marker) => ({ marker, left: pct(scale.x(marker.at)) }));
    const hours = [...new Set(playback.hops.map((h) => h.at))];
    const widestTime = [...hours, playback.end].map(formatTime).reduce((a, b) => (b.length > a.length ? b : a), '');
    return { playback, scale, markers, hours, widestTime };
  }, [shown]);

  const seekAt = useCallback(
    (clientX: number) => {
      const el = track.current;
      if (!el || !data) return;
      const box = el.getBoundingClientRect();
      const p = (clientX - box.left) / box.width;
      actions.seek(snapTime(data.scale, p, box.width, data.hours));
    },
    [track, data, actions],
  );

  // While dragging, one seek per frame: the overlay is derived once per frame however fast the pointer moves.
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0 || !data) return;
    player.getState().setPlaying(false);
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    dragging.current = { frame: 0, p: e.clientX };
    seekAt(e.clientX);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = dragging.current;
    if (!d) return;
    d.p = e.clientX;
    if (d.frame) return;
    d.frame = requestAnimationFrame(() => {
      d.frame = 0;
      seekAt(d.p);
    });
  };
  const onPointerUp = () => {
    const d = dragging.current;
    if (d?.frame) cancelAnimationFrame(d.frame);
    if (d) seekAt(d.p);
    dragging.current = null;
  };
  useEffect(() => () => {
    if (dragging.current?.frame) cancelAnimationFrame(dragging.current.frame);
  }, []);

  if (!shown || !data) return null;
  const { playback, scale, markers } = data;
  const time = playhead === null ? playback.end : Math.min(playhead.at, playback.end);
  const index = shownHopIndex(playback, playhead);
  const x = scale.x(time);
  const ticks = width > 0 ? scale.ticks(width, 6, charPx) : [];

  const onSliderKey = (e: React.KeyboardEvent) => {
    const go: Record<string, () => void> = { ArrowRight: actions.next, ArrowUp: actions.next, ArrowLeft: actions.prev, ArrowDown: actions.prev, Home: actions.first, End: actions.last };
    const f = go[e.key];
    if (!f) return;
    e.preventDefault();
    e.stopPropagation();
    f();
  };

  return (
    <section className="fl-timeline" data-testid="timeline" aria-label="Playback timeline">
      <Controls />
      <div className="fl-tl-track" ref={attachTrack} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <div className="fl-tl-axis" />
        <div className="fl-tl-elapsed" style={{ width: pct(x) }} />
        {markers.map(({ marker, left }, i) => (
          <TimelineMarker key={`${marker.kind}:${marker.at}:${i}`} m={marker} left={left} past={marker.at <= time} />
        ))}
        {ticks.map((t) => (
          <span key={t.hours} className={`fl-tl-tick is-${tickAlign(t)}`} style={{ left: pct(t.x) }}>
            {t.label}
          </span>
        ))}
        <div
          className="fl-tl-scrubber"
          role="slider"
          tabIndex={0}
          data-own-keys
          data-testid="timeline-scrubber"
          data-time={time}
          aria-label="Time after the break"
          aria-valuemin={0}
          aria-valuemax={playback.end}
          aria-valuenow={time}
          aria-valuetext={formatTime(time)}
          style={{ left: pct(x) }}
          onKeyDown={onSliderKey}
        />
      </div>
      <div className="fl-tl-now" data-testid="timeline-now" aria-live="polite">
        {/* Each line holds room for the widest it gets (data-widest, drawn unseen by timeline.css): the block,
            and so the track beside it, keep one width at every hop. A track that narrowed moved every marker
            and tick, and the whole timeline was painted again. */}
        <strong data-widest={data.widestTime}>{formatTime(time)}</strong>
        <span data-widest={`hop ${playback.hops.length} of ${playback.hops.length}`}>
          hop {index + 1} of {playback.hops.length}
        </span>
      </div>
    </section>
  );
}
