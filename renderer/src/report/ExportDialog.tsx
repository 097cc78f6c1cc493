/**
 * "Export report…": what to include (scenarios, sections), the cover (title, author, organisation), the paper;
 * a live preview of the report; progress while the PDF is made; and the other formats (Markdown, HTML, CSV,
 * JSON, the canvas as SVG or PNG).
 *
 * The preview is the report model's standalone HTML in a sandboxed iframe (`srcdoc`, no scripts, opaque
 * origin), not the PDF itself: showing a PDF needs Chromium's PDF viewer, a plugin that the hardened
 * Electron window does not enable (`plugins: false`), that `object-src 'none'` forbids in <object>/<embed>,
 * and that headless Chromium lacks, so it could not be tested. The HTML is drawn from the same ReportDocument
 * as the PDF, so the preview shows the same sections, scenarios, numbers and cover.
 */
import { useEffect, useRef, useState } from 'react';
import type { Model } from '../../../shared/domain/index.ts';
import type { Paper } from '../../../shared/report/index.ts';
import { SECTION_KEYS } from '../../../shared/report/index.ts';
import { useFocusTrap } from '../shell/useFocusTrap.ts';
import { useEscapeToClose } from '../shell/useEscapeToClose.ts';
import { ExportOptions } from './ExportOptions.tsx';
import { loadExportPrefs, saveExportPrefs } from './exportPrefs.ts';
import type { OtherFormat } from './formats.ts';
import { EXPORT_FORMATS, formatsFrom } from './formats.ts';
import type { ExportSettings } from './useReportExport.ts';
import { useReportExport } from './useReportExport.ts';
import { usePreparedScenarios, useReportPreview } from './useReportPreview.ts';
import './exportDialog.css';

/** The report's HTML is sized for a browser window; in the dialog it reads better a little smaller, like a page. */
const asPreview = (html: string) => html.replace('</head>', '<style>html{zoom:0.8}</style></head>');

/** US and Canadian users print on Letter; everyone else on A4. */
const defaultPaper = (): Paper => (/^en-(US|CA)$|^es-(US|MX)$/.test(navigator.language) ? 'Letter' : 'A4');

export function ExportDialog({ model, onClose }: { model: Model; onClose: () => void }) {
  const [settings, setSettings] = useState<ExportSettings>(() => {
    const prefs = loadExportPrefs();
    return {
      scenarioIds: model.scenarios.map((s) => s.id),
      sections: [...SECTION_KEYS],
      title: model.name,
      author: prefs.author,
      organisation: prefs.organisation,
      paper: prefs.paper ?? defaultPaper(),
    };
  });
  useEffect(() => saveExportPrefs({ author: settings.author, organisation: settings.organisation, paper: settings.paper }), [settings.author, settings.organisation, settings.paper]);
  const [diagramOf, setDiagramOf] = useState('');
  const change = (patch: Partial<ExportSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const { progress, exportPdf, exportFormat, cancel } = useReportExport(model);
  const { prepared, simulated, ranked } = usePreparedScenarios(model);
  const preview = useReportPreview(model, settings, prepared, ranked);
  const busy = !['idle', 'done', 'error'].includes(progress.phase);
  const dialog = useRef<HTMLDivElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  useFocusTrap(dialog, titleInput);

  useEscapeToClose(onClose, busy);

  // A scenario that cannot run stays out of every export; the options say why.
  const runnable = { ...settings, scenarioIds: settings.scenarioIds.filter((id) => !(prepared.results.get(id) instanceof Error)) };
  const nothing = settings.sections.length === 0;
  const shown = model.scenarios.find((s) => s.id === diagramOf);
  const shownResult = shown ? prepared.results.get(shown.id) : undefined;
  const radius =
    shown && shownResult && !(shownResult instanceof Error) ? { result: shownResult, title: shown.name || shown.id, removed: shown.removed } : null;
  // Until every scenario has run, which ones cannot is unknown, and so is a radius to draw.
  const unready = (format: OtherFormat) => !simulated && (EXPORT_FORMATS[format].from === 'report' || (EXPORT_FORMATS[format].from === 'diagram' && diagramOf !== ''));
  const formatButton = (format: OtherFormat) => (
    <button
      key={format}
      type="button"
      title={EXPORT_FORMATS[format].hint}
      data-testid={`action-export-${format}`}
      disabled={busy || unready(format) || (EXPORT_FORMATS[format].needsSections && nothing)}
      onClick={() => void exportFormat(format, runnable, radius, prepared)}
    >
      {EXPORT_FORMATS[format].label}
    </button>
  );

  return (
    <div className="fl-modal-backdrop" onMouseDown={() => !busy && onClose()} data-own-keys>
      <div
        ref={dialog}
        className="fl-modal fl-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby="fl-export-title"
        data-testid="export-dialog"
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <header>
          <h2 id="fl-export-title">Export report</h2>
          <button type="button" aria-label="Close" data-testid="action-close-export" disabled={busy} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="fl-export-body">
          <ExportOptions model={model} settings={settings} onChange={change} results={prepared.results} titleRef={titleInput} />
          <section className="fl-export-preview" aria-label="Preview" data-testid="export-preview" data-state={preview.kind}>
            <p className="fl-export-note">
              Preview of the content. The PDF sets it on {settings.paper} pages, each diagram on a landscape page; nothing is cut.
            </p>
            {preview.kind === 'ready' ? (
              <iframe
                className="fl-export-frame"
                data-testid="export-preview-frame"
                title="Report preview"
                sandbox=""
                referrerPolicy="no-referrer"
                srcDoc={asPreview(preview.html)}
              />
            ) : (
              <div className="fl-export-frame fl-export-frame-empty" role={preview.kind === 'error' ? 'alert' : undefined}>
                {preview.kind === 'waiting' ? (simulated ? 'Trying the fixes for each scenario…' : 'Simulating each scenario…') : preview.message}
              </div>
            )}
          </section>
        </div>

        <div className="fl-export-status" role="status" aria-live="polite" data-testid="export-progress" data-phase={progress.phase}>
          {busy || progress.phase === 'done' ? <progress max={progress.total} value={progress.phase === 'done' ? progress.total : progress.step} /> : null}
          <span>{progress.message}</span>
        </div>

        <footer className="fl-export-footer">
          <div className="fl-export-others" role="group" aria-label="Other formats">
            <span className="fl-export-label">Also as</span>
            {formatsFrom('report').map(formatButton)}
            <span className="fl-export-label">Canvas</span>
            <select
              aria-label="What the canvas picture shows"
              data-testid="export-diagram-of"
              value={diagramOf}
              onChange={(e) => setDiagramOf(e.target.value)}
            >
              <option value="">the model</option>
              {model.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  radius of {s.name || s.id}
                </option>
              ))}
            </select>
            {formatsFrom('diagram').map(formatButton)}
            <span className="fl-export-label">Model</span>
            {formatsFrom('model').map(formatButton)}
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
            <button
              type="button"
              className="fl-primary"
              data-testid="action-export-pdf"
              disabled={busy || nothing || !simulated}
              onClick={() => void exportPdf(runnable, prepared)}
            >
              {busy ? 'Working…' : 'Export PDF'}
            </button>
          </div>
        </footer>
      </div>
    </div>
  );
}
