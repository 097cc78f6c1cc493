/**
 * The comparison of two scenarios (§9 "What-if comparison"): on the canvas, every node that changed
 * carries its mark (no longer reached, newly reached, changed: each its own colour, shape and word); here,
 * the summary (score and exposure before → after, the change, impacts added and removed) and the nodes
 * under each mark. "Side by side" shows the two blast radii as the report draws them, for a projector.
 */
import { useMemo } from 'react';
import type { Impact, SimulationResult } from '../../../shared/engine/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { formatHours, formatPercent, formatScore, plural } from '../../../shared/format.ts';
import { canvasView, diagramSvg, overlayOf } from '../../../shared/report/index.ts';
import { useModelStore, useModelStoreApi } from '../store/context.tsx';
import { useDecide, useDecideControls, useDecideStoreApi } from './context.tsx';
import type { CompareResult } from './jobs/protocol.ts';
import { DIFF_LOOK, DiffShape } from './looks.tsx';
import type { DiffMark } from './store.ts';

const MARKS: readonly DiffMark[] = ['gone', 'new', 'changed'];

const sign = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text}` : '±0');

/** A variant made by "Try it" reads by its fix first: the original's name is the same for both. */
const optionText = (name: string) => (name.includes(' + ') ? `↳ + ${name.slice(name.indexOf(' + ') + 3)}` : name);

function impactText(list: readonly Impact[]): string {
  return list.map((i) => `${i.effect} at ${formatHours(i.at)}`).join(', ');
}

export function CompareView() {
  const open = useDecide((s) => s.compareOpen);
  const mode = useDecide((s) => s.compareMode);
  if (!open) return null;
  return mode === 'side' ? <SideBySide /> : <ComparePanel />;
}

function Pickers() {
  const scenarios = useModelStore((s) => s.model.scenarios);
  const before = useDecide((s) => s.compareBefore);
  const after = useDecide((s) => s.compareAfter);
  const controls = useDecideControls();
  const pick = (which: 'before' | 'after', id: string) => (which === 'before' ? controls.compare(id, after ?? id) : controls.compare(before ?? id, id));
  const select = (which: 'before' | 'after', value: string | null) => (
    <label className="dc-pick">
      <span>{which === 'before' ? 'Before' : 'After'}</span>
      <select data-testid={`compare-${which}`} value={value ?? ''} onChange={(e) => pick(which, e.target.value)}>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id} title={s.name || s.id}>
            {optionText(s.name || s.id)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="dc-picks">
      {select('before', before)}
      {select('after', after)}
    </div>
  );
}

function Head() {
  const mode = useDecide((s) => s.compareMode);
  const controls = useDecideControls();
  const decide = useDecideStoreApi();
  return (
    <header className="dc-compare-head">
      <h3>Compare</h3>
      <div className="dc-segmented" role="radiogroup" aria-label="How to compare">
        {(['overlay', 'side'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} data-testid={`compare-mode-${m}`} onClick={() => decide.setState({ compareMode: m })}>
            {m === 'overlay' ? 'On the canvas' : 'Side by side'}
          </button>
        ))}
      </div>
      <button type="button" className="fx-x" data-testid="compare-close" aria-label="Close the comparison" title="Close the comparison" onClick={controls.cancelCompare}>
        ×
      </button>
    </header>
  );
}

function Summary({ c }: { c: CompareResult }) {
  const b = c.before.summary;
  const a = c.after.summary;
  const ds = a.score - b.score;
  const de = a.exposure - b.exposure;
  return (
    <div className="dc-summary" data-testid="compare-summary">
      <p className={`dc-big${ds < 0 ? ' is-better' : ds > 0 ? ' is-worse' : ''}`}>
        <span className="dc-big-label">Score</span>
        <strong data-testid="compare-score-before">{formatScore(b.score)}</strong> → <strong data-testid="compare-score-after">{formatScore(a.score)}</strong>
        <span className="dc-delta">{sign(ds, formatScore(Math.abs(ds)))}</span>
      </p>
      <p className={`dc-big${de < 0 ? ' is-better' : de > 0 ? ' is-worse' : ''}`}>
        <span className="dc-big-label">Exposure</span>
        <strong>{formatPercent(b.exposure)}</strong> → <strong>{formatPercent(a.exposure)}</strong>
        <span className="dc-delta">{sign(de, `${formatScore(Math.abs(de) * 100)} pts`)}</span>
      </p>
      <p className="dc-counts" data-testid="compare-counts" data-added={c.diff.added.length} data-removed={c.diff.removed.length} data-changed={c.diff.changed.length}>
        {plural(c.diff.added.length, 'impact')} added, {c.diff.removed.length} removed, {c.diff.changed.length} changed
      </p>
    </div>
  );
}

function NodeLists({ c, model }: { c: CompareResult; model: Model }) {
  const marks = useDecide((s) => s.diffMarks);
  const models = useModelStoreApi();
  const label = (id: string) => model.nodes.find((n) => n.id === id)?.label || id;
  const byNode = (r: SimulationResult, id: string) => r.impacts.filter((i) => i.node === id);
  return (
    <div className="dc-lists">
      {MARKS.map((mark) => {
        const ids = [...marks].filter(([, m]) => m === mark).map(([id]) => id);
        return (
          <section key={mark} className={`dc-list dc-list-${mark}`} data-testid={`compare-list-${mark}`} data-count={ids.length}>
            <h4>
              <DiffShape mark={mark} size={14} /> {DIFF_LOOK[mark].title} <span className="fx-muted">({ids.length})</span>
            </h4>
            {ids.length === 0 ? (
              <p className="fx-empty">None.</p>
            ) : (
              <ul>
                {ids.map((id) => (
                  <li key={id} data-testid={`compare-${mark}-${id}`}>
                    <button type="button" className="dc-link" onClick={() => models.getState().setSelection({ nodes: [id], edges: [], boundaries: [] })}>
                      {label(id)}
                    </button>
                    <span className="fx-muted">
                      {mark === 'new' ? impactText(byNode(c.after, id)) : mark === 'gone' ? `was ${impactText(byNode(c.before, id))}` : `${impactText(byNode(c.before, id))} → ${impactText(byNode(c.after, id))}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function Status() {
  const job = useDecide((s) => s.compareJob);
  if (job.status === 'error') return <p className="fx-error" role="alert">The comparison failed: {job.error}</p>;
  if (job.status === 'running') return <p className="fx-muted" role="status">Comparing…</p>;
  return null;
}

function ComparePanel() {
  const c = useDecide((s) => s.compare);
  const model = useModelStore((s) => s.model);
  return (
    <section className="dc-compare" data-testid="compare-view" data-mode="overlay" aria-label="Compare two scenarios">
      <Head />
      <Pickers />
      <Status />
      {c && (
        <>
          <Summary c={c} />
          <ul className="dc-legend" aria-label="Comparison marks">
            {MARKS.map((m) => (
              <li key={m}>
                <span className={`dc-legend-swatch dc-diff-${m}`}>
                  <DiffShape mark={m} size={14} />
                </span>
                {DIFF_LOOK[m].title} <span className="fx-muted">— {DIFF_LOOK[m].shape}</span>
              </li>
            ))}
          </ul>
          <NodeLists c={c} model={model} />
        </>
      )}
    </section>
  );
}

function Picture({ model, result, title }: { model: Model; result: SimulationResult; title: string }) {
  const url = useMemo(() => {
    const view = canvasView(model, overlayOf(result, result.scenario.removed), title);
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagramSvg(view, { tight: true }))}`;
  }, [model, result, title]);
  return <img className="dc-side-picture" src={url} alt={`Blast radius of ${title}`} />;
}

function SideBySide() {
  const c = useDecide((s) => s.compare);
  const model = useModelStore((s) => s.model);
  const before = useDecide((s) => s.compareBefore);
  const after = useDecide((s) => s.compareAfter);
  const name = (id: string | null) => {
    const s = model.scenarios.find((x) => x.id === id);
    return s ? s.name || s.id : '';
  };
  return (
    <section className="dc-side" data-testid="compare-view" data-mode="side" aria-label="Two scenarios side by side">
      <div className="dc-side-bar">
        <Head />
        <Pickers />
        {c && <Summary c={c} />}
        <Status />
      </div>
      {c && (
        <div className="dc-side-pair">
          {[
            { which: 'Before', id: before, r: c.before },
            { which: 'After', id: after, r: c.after },
          ].map((side) => (
            <figure key={side.which} className="dc-side-one" data-testid={`compare-side-${side.which.toLowerCase()}`}>
              <figcaption>
                <span className="dc-side-name" title={name(side.id)}>
                  <span className="dc-side-which">{side.which}</span> {name(side.id)}
                </span>
                <span>
                  score <strong>{formatScore(side.r.summary.score)}</strong> · exposure <strong>{formatPercent(side.r.summary.exposure)}</strong>
                </span>
              </figcaption>
              <Picture model={model} result={side.r} title={name(side.id)} />
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
