import { useLibraryUi } from '../library/LibraryShell.tsx';
import { LayoutToggles } from './LayoutToggles.tsx';
import { useModelStore, useUiStoreApi } from '../store/context.tsx';
import { SAMPLES } from '../samples.ts';
import { useDocumentActions } from './useDocumentActions.ts';

export function TopBar({ theme, onToggleTheme, onPresent }: { theme: 'light' | 'dark'; onToggleTheme: () => void; onPresent: () => void }) {
  const name = useModelStore((s) => s.model.name);
  const { open, save, newModel, openText } = useDocumentActions();
  const { showHome, showVersions } = useLibraryUi();
  const ui = useUiStoreApi();
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <header className="fl-topbar" role="banner">
      <div className="fl-brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2l8 3.5v6c0 5-3.4 9-8 10.5C7.4 20.5 4 16.5 4 11.5v-6z" fill="var(--accent)" />
          <path d="M13 5l-3 6h3l-2 7" stroke="var(--bg)" strokeWidth="1.8" fill="none" strokeLinejoin="round" />
        </svg>
        <span>Faultline</span>
      </div>
      <div className="fl-model-name" data-testid="model-name" title={name}>
        {name}
      </div>
      <nav className="fl-actions" aria-label="File">
        <button type="button" data-testid="action-library" onClick={showHome} title="Your models">
          Library
        </button>
        <button type="button" data-testid="action-versions" onClick={showVersions} title="Named versions of this model">
          Versions
        </button>
        <button type="button" data-testid="action-new" onClick={newModel} title="New model (Ctrl+N)">
          New
        </button>
        <button type="button" data-testid="action-open" onClick={() => void open()} title="Open a .faultline.json file (Ctrl+O)">
          Open…
        </button>
        <button type="button" data-testid="action-save" onClick={() => void save()} title="Save (Ctrl+S)">
          Save
        </button>
        <button
          type="button"
          data-testid="action-import"
          onClick={() => ui.getState().setOverlay('import')}
          title={`Import GitHub Actions workflows, Kubernetes manifests, compose files, Threat Dragon or OTM models (${mod}I)`}
        >
          Import…
        </button>
        <button
          type="button"
          data-testid="action-export-report"
          onClick={() => ui.getState().setOverlay('export')}
          title={`Export a report: PDF, Markdown, HTML, CSV, JSON or a picture of the canvas (${mod}E)`}
        >
          Export report…
        </button>
        <select
          data-testid="action-open-sample"
          aria-label="Open a sample model"
          value=""
          onChange={(e) => {
            const sample = SAMPLES.find((s) => s.id === e.target.value);
            if (sample) openText(sample.fileName, null, sample.text);
          }}
        >
          <option value="">Samples…</option>
          {SAMPLES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="action-theme"
          onClick={onToggleTheme}
          title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          aria-label="Toggle theme"
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </nav>
      <LayoutToggles />
      <button
        type="button"
        className="fl-present-button"
        data-testid="action-present"
        onClick={onPresent}
        title={`Present to a room: full screen, hop by hop (F5 or ${mod}Shift+P)`}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 2.5l9.5 5.5L4 13.5z" fill="currentColor" />
        </svg>
        Present
      </button>
    </header>
  );
}
