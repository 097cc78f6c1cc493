/**
 * The shown scenario's result (domain.md §8): score, exposure as a share, counts per effect, detection and
 * containment (or "undetected", or "does not apply" with no attacker), prevented breaks, and every impacted
 * node in a sortable table, stolen copies that died before carrying anything set apart at its end; a row
 * selects its node (and the explain panel then tells its path).
 */
import { useReactFlow } from '@xyflow/react';
import { memo, useCallback, useMemo, useState } from 'react';
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

/** Rows drawn at once; the rest behind "show all" (a 2,000-row table costs more than it tells). */
const FIRST_ROWS = 200;

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
  const [all, setAll] = useState(false);
  const rows = useScenarioStore((s) => s.rows);
  const visible = useMemo(() => {
    const sorted = sortRows(rows, order);
    return all ? sorted : sorted.slice(0, FIRST_ROWS);
  }, [rows, order, all]);
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
        <ImpactRows rows={visible} selected={selected} onSelect={select} />
      </table>
      {!all && rows.length > FIRST_ROWS && (
        <button type="button" className="fx-button" onClick={() => setAll(true)}>
          Show all {rows.length} impacts
        </button>
      )}
    </section>
  );
}

/** The table body: re-rendered only when the rows or the selected node change. */
const ImpactRows = memo(function ImpactRows({ rows, selected, onSelect }: { rows: readonly ImpactRow[]; selected: string | null; onSelect: (row: ImpactRow) => void }) {
  return (
        <tbody>
          {rows.map((r, i) => [
            // Stolen copies that died before carrying anything come last (sortRows), under their own heading.
            r.deadAfter !== null && (i === 0 || rows[i - 1].deadAfter === null) && (
              <tr key="dead-heading" className="fx-row-heading" data-testid="impacts-dead-heading">
                <td colSpan={5}>Stolen, dead before carrying anything</td>
              </tr>
            ),
            <tr
              key={r.node}
              data-testid={`impact-row-${r.node}`}
              data-effect={r.effect}
              data-dead={r.deadAfter !== null ? 'true' : undefined}
              className={[r.node === selected ? 'is-selected' : '', r.deadAfter !== null ? 'is-dead' : ''].filter(Boolean).join(' ') || undefined}
              onClick={() => onSelect(r)}
              tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(r);
                }
              }}
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
            </tr>,
          ])}
        </tbody>
  );
});
