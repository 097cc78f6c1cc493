/**
 * The shown scenario's result (domain.md §8): score, exposure as a share, counts per effect, detection and
 * containment (or "undetected", or "does not apply" with no attacker), prevented breaks, and every impacted
 * node in a sortable table, stolen copies that died before carrying anything set apart at its end; a row
 * selects its node (and the explain panel then tells its path). A long table draws the rows in sight.
 */
import { useReactFlow } from '@xyflow/react';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { deadCopyText } from '../../../shared/analysis/index.ts';
import { BREAK_INFO, EFFECTS } from '../../../shared/domain/index.ts';
import { useModelStoreApi } from '../store/context.tsx';
import { useScenarioStore, useScenarioStoreApi } from './context.tsx';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { formatScore, formatShare, formatTime } from './format.ts';
import { Glyph } from './glyphs.tsx';
import type { ImpactRow, SortKey, SortOrder } from './overlay.ts';
import { sortRows } from './overlay.ts';
import { itemName } from './ScenarioDetails.tsx';
import { useRowWindow } from './useRowWindow.ts';

const COLUMNS: { key: SortKey; title: string; numeric?: boolean }[] = [
  { key: 'label', title: 'Node' },
  { key: 'kind', title: 'Kind' },
  { key: 'effect', title: 'Effect' },
  { key: 'at', title: 'Time', numeric: true },
  { key: 'pathLength', title: 'Steps', numeric: true },
];

export function ResultsPanel() {
  const shown = useScenarioStore((s) => s.shown);
  const selected = useScenarioStore((s) => s.explain?.node ?? null);
  const ui = useScenarioStoreApi();
  const models = useModelStoreApi();
  const flow = useReactFlow();
  const [order, setOrder] = useState<SortOrder>({ key: 'at', dir: 'asc' });
  const rows = useScenarioStore((s) => s.rows);
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  const select = useCallback(
    (row: ImpactRow) => {
      models.getState().setSelection({ nodes: [row.node], edges: [], boundaries: [] });
      // The controller has just explained the node: frame its path.
      const path = [...ui.getState().path.nodes];
      // Hidden nodes too: a large model's dimmed cards may be a picture (canvas/usePictured.ts).
      if (path.length) void flow.fitView({ nodes: path.map((id) => ({ id })), duration: 250, maxZoom: 1.2, padding: 0.25, includeHiddenNodes: true });
    },
    [models, ui, flow],
  );

  if (!shown) {
    return (
      <section className="fx-panel fx-results" data-testid="results-panel" aria-label="Results">
        <p className="fx-empty">No result yet. Pick a scenario with at least one break, or right-click a node and choose what breaks.</p>
      </section>
    );
  }
  const { result, model, scenario } = shown;
  const { summary, detection } = result;
  // Detection is about an attacker: with only outages it does not apply (§7).
  const attacker = summary.counts.control + summary.counts.write + summary.counts.read > 0;
  const limit = scenario.params.maxExposure;
  const over = limit !== undefined && summary.exposure > limit;

  const sortBy = (key: SortKey) =>
    setOrder((o) => (o.key === key ? { key, dir: o.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'pathLength' ? 'desc' : 'asc' }));

  return (
    <section className="fx-panel fx-results" data-testid="results-panel" aria-label="Results">
      <div className="fx-summary">
        <div className="fx-stat">
          <span className="fx-stat-label">Score</span>
          <span className="fx-stat-value" data-testid="results-score">
            {formatScore(summary.score)}
          </span>
        </div>
        <div className={`fx-stat${over ? ' is-over' : ''}`} title="The share of the model's worth this scenario reaches">
          <span className="fx-stat-label">Exposure</span>
          <span className="fx-stat-value" data-testid="results-exposure">
            {formatShare(summary.exposure)}
          </span>
          {limit !== undefined && <span className="fx-stat-note">{over ? `over the ${formatShare(limit)} limit` : `limit ${formatShare(limit)}`}</span>}
        </div>
        <div className="fx-stat" data-testid="results-detection">
          <span className="fx-stat-label">Detection</span>
          {!attacker ? (
            <>
              <span className="fx-stat-value">Does not apply</span>
              <span className="fx-stat-note">no attacker: outages only</span>
            </>
          ) : detection.detectedAt === null ? (
            <span className="fx-stat-value is-bad">Undetected</span>
          ) : (
            <>
              <span className="fx-stat-value">{formatTime(detection.detectedAt)}</span>
              <span className="fx-stat-note">
                {detection.detectedBy ? `at ${itemName(model, detection.detectedBy)}, ` : ''}contained at {formatTime(detection.containedAt ?? 0)}
              </span>
            </>
          )}
        </div>
        <ul className="fx-counts" aria-label="Impacts per effect">
          {EFFECTS.map((e) => (
            <li key={e} data-testid={`results-count-${e}`} title={EFFECT_LOOKS[e].short}>
              <span className={`fx-swatch fx-swatch-${e}`}>
                <Glyph name={e} size={12} />
              </span>
              {EFFECT_LOOKS[e].label} <strong>{summary.counts[e]}</strong>
            </li>
          ))}
        </ul>
      </div>
      {attacker && detection.detectedAt === null && <p className="fx-note">No monitored node is reached: nobody notices, and nothing is contained.</p>}
      {result.prevented.map((p) => (
        <p key={`${p.mode}:${p.node}`} className="fx-note is-good" data-testid={`prevented-${p.node}`}>
          <Glyph name="prevented" size={13} /> {BREAK_INFO[p.mode].title} on {itemName(model, p.node)} was prevented: the secret renews
          itself (autoRenew), so it never expires.
        </p>
      ))}
      <table className="fx-table" data-testid="impacts-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                aria-sort={order.key === c.key ? (order.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                className={`fx-col-${c.key}${c.numeric ? ' is-num' : ''}`}
              >
                <button type="button" onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                  {c.title}
                  <span aria-hidden="true">{order.key === c.key ? (order.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <ImpactRows rows={sorted} selected={selected} onSelect={select} />
      </table>
    </section>
  );
}

type Entry = { heading: true } | { heading: false; row: ImpactRow };

/** The height of the rows not drawn, above or below those that are. */
function Blank({ height }: { height: number }) {
  return (
    <tr className="fx-row-blank" aria-hidden="true" style={{ height }}>
      <td colSpan={5} />
    </tr>
  );
}

/** Keys that move between rows, by how many entries (End and Home: as far as there are). */
const MOVES: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, End: Infinity, Home: -Infinity };

/**
 * The table body: re-rendered only when the rows or the selected node change. A long one draws the rows in
 * sight (useRowWindow.ts). One row is in the Tab order; the arrows, Page Up/Down, Home and End move between
 * rows, drawing the one moved to; Enter or Space selects it.
 */
const ImpactRows = memo(function ImpactRows({ rows, selected, onSelect }: { rows: readonly ImpactRow[]; selected: string | null; onSelect: (row: ImpactRow) => void }) {
  // Stolen copies that died before carrying anything come last (sortRows), under their own heading.
  const entries = useMemo(() => {
    const out: Entry[] = [];
    rows.forEach((row, i) => {
      if (row.deadAfter !== null && (i === 0 || rows[i - 1].deadAfter === null)) out.push({ heading: true });
      out.push({ heading: false, row });
    });
    return out;
  }, [rows]);
  const keys = useMemo(() => entries.map((e) => (e.heading ? 'heading:dead' : `row:${e.row.node}`)), [entries]);
  const body = useRef<HTMLTableSectionElement>(null);
  const { window: win, reveal } = useRowWindow(body, keys);
  const [active, setActive] = useState(0);
  const [focusing, setFocusing] = useState<number | null>(null);
  const tabStop = active >= win.start && active < win.end && !entries[active]?.heading ? active : entries.findIndex((e, i) => i >= win.start && !e.heading);

  useLayoutEffect(() => {
    if (focusing === null) return;
    const tr = body.current?.querySelector<HTMLElement>(`:scope > tr[data-index="${focusing}"]`);
    if (!tr) return;
    tr.focus();
    setFocusing(null);
  }, [focusing, win.start, win.end]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = Number((e.target as HTMLElement).closest<HTMLElement>('tr[data-index]')?.dataset.index ?? NaN);
    if (Number.isNaN(at)) return;
    const entry = entries[at];
    if ((e.key === 'Enter' || e.key === ' ') && entry && !entry.heading) {
      e.preventDefault();
      onSelect(entry.row);
      return;
    }
    const by = MOVES[e.key];
    if (by === undefined) return;
    e.preventDefault();
    let to = Math.min(entries.length - 1, Math.max(0, at + (Number.isFinite(by) ? by : by * entries.length)));
    // Over the heading, to the row beyond it (or back, at either end).
    const step = by > 0 ? 1 : -1;
    while (entries[to]?.heading) to = entries[to + step] ? to + step : to - step;
    reveal(to);
    setActive(to);
    setFocusing(to);
  };

  return (
    // data-own-keys: the editor's shortcuts leave these keys to the table (Home is otherwise "back to the
    // break", and an arrow would nudge the node a row selected).
    <tbody ref={body} data-own-keys="" onKeyDown={onKeyDown} onFocus={(e) => setActive(Number((e.target as HTMLElement).dataset.index ?? active))}>
      {win.before > 0 && <Blank height={win.before} />}
      {entries.slice(win.start, win.end).map((entry, k) => {
        const i = win.start + k;
        if (entry.heading)
          return (
            <tr key="dead-heading" className="fx-row-heading" data-testid="impacts-dead-heading" data-index={i} data-key={keys[i]}>
              <td colSpan={5}>Stolen, dead before carrying anything</td>
            </tr>
          );
        const r = entry.row;
        return (
          <tr
            key={r.node}
            data-index={i}
            data-key={keys[i]}
            data-testid={`impact-row-${r.node}`}
            data-effect={r.effect}
            data-dead={r.deadAfter !== null ? 'true' : undefined}
            className={[r.node === selected ? 'is-selected' : '', r.deadAfter !== null ? 'is-dead' : ''].filter(Boolean).join(' ') || undefined}
            onClick={() => onSelect(r)}
            tabIndex={i === tabStop ? 0 : -1}
          >
            <td className="fx-cell-node" title={r.label}>
              {r.label}
            </td>
            <td className="fx-cell-kind">{r.kind}</td>
            <td className="fx-cell-effect">
              <span className={`fx-effect-chip fx-chip-${r.effect}`}>
                <Glyph name={r.effect} size={11} />
                {r.effect}
              </span>
              {r.also && (
                <span className={`fx-effect-chip fx-chip-${r.also.effect}`} title={`also ${r.also.effect} at ${formatTime(r.also.at)}`}>
                  <Glyph name={r.also.effect} size={11} />
                  {r.also.effect}
                </span>
              )}
              {r.silent && <span className="fx-silent-chip">silent</span>}
              {r.deadAfter !== null && (
                <span className="fx-dead-chip" data-testid={`dead-copy-${r.node}`}>
                  {deadCopyText(r.deadAfter)}
                </span>
              )}
            </td>
            <td className="is-num">{formatTime(r.at)}</td>
            <td className="is-num">{r.pathLength}</td>
          </tr>
        );
      })}
      {win.after > 0 && <Blank height={win.after} />}
    </tbody>
  );
});
