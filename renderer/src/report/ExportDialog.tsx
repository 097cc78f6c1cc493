/**
 * "Export report…": what to include (scenarios, sections), the cover (title, author, organisation), the paper;
 * a preview of the cover, the diagram and the scenarios as they will print; progress while the PDF is made;
 * and the other formats (Markdown, HTML, CSV, JSON, the diagram as SVG or PNG).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Model } from '../../../shared/domain/schema.ts';
import { simulate } from '../../../shared/engine/simulate.ts';
import type { SimulationResult } from '../../../shared/engine/types.ts';
import { diagramViews, overlayOf, worldOf } from '../../../shared/report/diagram.ts';
import { diagramSvg } from '../../../shared/report/draw.ts';
import { formatPercent } from '../../../shared/report/format.ts';
import { PAPERS, diagramBox, landscape } from '../../../shared/report/page.ts';
import type { Paper } from '../../../shared/report/page.ts';
import { SECTION_KEYS, SECTION_TITLES } from '../../../shared/report/types.ts';
import type { SectionKey } from '../../../shared/report/types.ts';
import { canSaveExports } from './save.ts';
import type { ExportSettings, OtherFormat } from './useReportExport.ts';
import { today, useReportExport } from './useReportExport.ts';
import './exportDialog.css';

const OTHER_FORMATS: { format: OtherFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown', hint: 'for wikis and pull requests' },
  { format: 'html', label: 'HTML', hint: 'one file, diagrams inline' },
  { format: 'csv-impacts', label: 'CSV: impacts', hint: 'for trackers and spreadsheets' },
  { format: 'csv-findings', label: 'CSV: findings', hint: 'for trackers and spreadsheets' },
  { format: 'json', label: 'JSON: results', hint: 'the engine’s results' },
  { format: 'svg', label: 'Diagram: SVG', hint: 'the canvas as a vector picture' },
  { format: 'png', label: 'Diagram: PNG', hint: 'the canvas as an image' },
];

/** US and Canadian users print on Letter; everyone else on A4. */
const defaultPaper = (): Paper => (/^en-(US|CA)$|^es-(US|MX)$/.test(navigator.language) ? 'Letter' : 'A4');

const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

export function ExportDialog({ model, onClose }: { model: Model; onClose: () => void }) {
  const [scenarioIds, setScenarioIds] = useState<string[]>(() => model.scenarios.map((s) => s.id));
  const [sections, setSections] = useState<SectionKey[]>([...SECTION_KEYS]);
  const [title, setTitle] = useState(model.name);
  const [author, setAuthor] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [paper, setPaper] = useState<Paper>(defaultPaper);
  const [diagramOf, setDiagramOf] = useState<string>('');
  const { progress, exportPdf, exportFormat, cancel } = useReportExport(model);
  const busy = !['idle', 'done', 'error'].includes(progress.phase);
  const settings: ExportSettings = { scenarioIds, sections, title, author, organisation, paper };

  // The preview: every chosen scenario simulated (fast), the first page of the diagram as it will print.
  const results = useMemo(() => {
    const out = new Map<string, SimulationResult | Error>();
    for (const s of model.scenarios) {
      try {
        out.set(s.id, simulate(model, s));
      } catch (e) {
        out.set(s.id, e as Error);
      }
    }
    return out;
  }, [model]);
  const shownScenario = model.scenarios.find((s) => s.id === diagramOf) ?? null;
  const preview = useMemo(() => {
    const r = shownScenario ? results.get(shownScenario.id) : null;
    const overlay = r && !(r instanceof Error) ? overlayOf(r, shownScenario?.removed ?? []) : null;
    const [view] = diagramViews({
      model,
      world: worldOf(model),
      box: diagramBox(paper),
      page: landscape(paper),
      idPrefix: 'preview',
      title: shownScenario ? `Blast radius of “${shownScenario.name || shownScenario.id}”` : 'Model diagram',
      overlay,
    });
    return { url: svgUrl(diagramSvg(view)), view };
  }, [model, paper, results, shownScenario]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const chosen = model.scenarios.filter((s) => scenarioIds.includes(s.id));
  const maxExposure = Math.max(0.0001, ...chosen.map((s) => {
    const r = results.get(s.id);
    return r && !(r instanceof Error) ? r.summary.exposure : 0;
  }));
  const nothing = sections.length === 0;
  const others = canSaveExports();
  const radius = (() => {
    const r = shownScenario ? results.get(shownScenario.id) : null;
    return shownScenario && r && !(r instanceof Error)
      ? { result: r, title: shownScenario.name || shownScenario.id, removed: shownScenario.removed }
      : null;
  })();

  return (
    <div className="fl-modal-backdrop" onMouseDown={() => !busy && onClose()} data-own-keys>
      <div
        className="fl-modal fl-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby="fl-export-title"
        data-testid="export-dialog"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <header>
          <h2 id="fl-export-title">Export report</h2>
          <button type="button" aria-label="Close" data-testid="action-close-export" disabled={busy} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="fl-export-body">
          <form className="fl-export-form" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>Cover</legend>
              <label>
                Title
                <input data-testid="export-title" value={title} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <label>
                Author
                <input data-testid="export-author" value={author} placeholder="Who prepared it" onChange={(e) => setAuthor(e.target.value)} />
              </label>
              <label>
                Organisation
                <input data-testid="export-organisation" value={organisation} placeholder="For whom" onChange={(e) => setOrganisation(e.target.value)} />
              </label>
            </fieldset>
            <fieldset className="fl-export-paper">
              <legend>Paper</legend>
              {PAPERS.map((p) => (
                <label key={p}>
                  <input type="radio" name="paper" data-testid={`export-paper-${p}`} checked={paper === p} onChange={() => setPaper(p)} />
                  {p}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Scenarios ({chosen.length} of {model.scenarios.length})</legend>
              {model.scenarios.length === 0 ? <p className="fl-export-note">The model has no saved scenarios.</p> : null}
              {model.scenarios.map((s) => {
                const r = results.get(s.id);
                return (
                  <label key={s.id} className="fl-export-check">
                    <input
                      type="checkbox"
                      data-testid={`export-scenario-${s.id}`}
                      checked={scenarioIds.includes(s.id)}
                      disabled={r instanceof Error}
                      onChange={(e) => setScenarioIds(toggle(scenarioIds, s.id, e.target.checked))}
                    />
                    <span>{s.name || s.id}</span>
                    {r instanceof Error ? <em title={r.message}>cannot run</em> : null}
                  </label>
                );
              })}
            </fieldset>
            <fieldset>
              <legend>Sections</legend>
              {SECTION_KEYS.map((k) => (
                <label key={k} className="fl-export-check">
                  <input
                    type="checkbox"
                    data-testid={`export-section-${k}`}
                    checked={sections.includes(k)}
                    onChange={(e) => setSections(SECTION_KEYS.filter((x) => (x === k ? e.target.checked : sections.includes(x))))}
                  />
                  <span>{SECTION_TITLES[k]}</span>
                </label>
              ))}
            </fieldset>
          </form>

          <section className="fl-export-preview" aria-label="Preview" data-testid="export-preview">
            <div className={`fl-export-cover fl-export-${paper.toLowerCase()}`}>
              <small>Non-human identity threat model</small>
              <strong>{title || model.name}</strong>
              <span>{[author, organisation, today()].filter(Boolean).join(' · ')}</span>
              <span>Model as of {model.asOf ?? 'not set'} · {paper}</span>
            </div>
            <div className="fl-export-diagram">
              <img src={preview.url} alt={preview.view.title} data-testid="export-preview-diagram" />
              <label>
                Diagram of
                <select data-testid="export-diagram-of" value={diagramOf} onChange={(e) => setDiagramOf(e.target.value)}>
                  <option value="">the model</option>
                  {model.scenarios.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name || s.id}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {chosen.length ? (
              <ol className="fl-export-bars">
                {chosen.map((s) => {
                  const r = results.get(s.id);
                  const share = r && !(r instanceof Error) ? r.summary.exposure : 0;
                  return (
                    <li key={s.id}>
                      <span>{s.name || s.id}</span>
                      <i style={{ width: `${(share / maxExposure) * 100}%` }} />
                      <b>{formatPercent(share)}</b>
                    </li>
                  );
                })}
              </ol>
            ) : null}
            <p className="fl-export-note">
              {nothing
                ? 'Choose at least one section.'
                : `Cover, then ${sections.map((k) => SECTION_TITLES[k].split(':')[0].toLowerCase()).join(', ')}. Big models get an overview diagram and close-ups; nothing is cut.`}
            </p>
          </section>
        </div>

        <div className="fl-export-status" role="status" aria-live="polite" data-testid="export-progress" data-phase={progress.phase}>
          {busy || progress.phase === 'done' ? <progress max={progress.total} value={progress.phase === 'done' ? progress.total : progress.step} /> : null}
          <span>{progress.message}</span>
        </div>

        <footer className="fl-export-footer">
          <div className="fl-export-others">
            {OTHER_FORMATS.map((f) => (
              <button
                key={f.format}
                type="button"
                title={others ? f.hint : 'This version saves the PDF only'}
                data-testid={`action-export-${f.format}`}
                disabled={busy || !others || (nothing && f.format !== 'svg' && f.format !== 'png' && f.format !== 'json')}
                onClick={() => void exportFormat(f.format, settings, f.format === 'svg' || f.format === 'png' ? radius : null)}
              >
                {f.label}
              </button>
            ))}
          </div>
          <div className="fl-export-actions">
            {busy ? (
              <button type="button" data-testid="action-export-cancel" onClick={cancel}>
                Cancel
              </button>
            ) : (
              <button type="button" onClick={onClose}>
                Close
              </button>
            )}
            <button type="button" className="fl-primary" data-testid="action-export-pdf" disabled={busy || nothing} onClick={() => void exportPdf(settings)}>
              {busy ? 'Working…' : 'Export PDF'}
            </button>
          </div>
        </footer>
      </div>
    </div>
  );
}
