/**
 * The library around the editor: reopens the last model, autosaves, takes automatic snapshots before
 * bulk edits, and shows the home view and the versions dialog on request.
 */
import './library.css';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Model } from '../../../shared/domain/index.ts';
import { plural } from '../../../shared/format.ts';
import { readOpenedFile } from '../desktop/browserApi.ts';
import { useDocumentActions } from '../shell/useDocumentActions.ts';
import { useModelStoreApi } from '../store/context.tsx';
import type { SaveStatus } from './autosave.ts';
import { useLibrary } from './context.tsx';
import { LibraryHome } from './LibraryHome.tsx';
import { setHead } from '../editor/patch.ts';
import { ReadOnlyBanner } from './ReadOnlyBanner.tsx';
import { restorePatch } from './restorePatch.ts';
import { useLibrarySession } from './useLibrarySession.ts';
import { VersionsPanel } from './VersionsPanel.tsx';

interface LibraryUi {
  status: SaveStatus;
  flush(): Promise<void>;
  showHome(): void;
  showVersions(): void;
  /** Brings a model opened from a file into the library (snapshotting what it replaces). */
  importModel(model: Model): Promise<void>;
}

const LibraryUiContext = createContext<LibraryUi | null>(null);

export function useLibraryUi(): LibraryUi {
  const ui = useContext(LibraryUiContext);
  if (!ui) throw new Error('useLibraryUi must be used inside <LibraryShell>');
  return ui;
}

/** A `.faultline.json` dropped anywhere on the window opens through the one decoder and load path. */
function useFileDrop(openText: (name: string, path: string | null, text: string) => boolean, refuse: (message: string) => void) {
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void readOpenedFile(file).then(
        (opened) => openText(opened.name, null, opened.text),
        (e: unknown) => refuse(`Could not open ${(e as Error).message}. Nothing was changed.`),
      );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openText, refuse]);
}

/**
 * The automatic version kept before an edit, if it is one to keep: an auto-layout, an import, or a delete of several
 * nodes or boundaries (or of five edges and more). One node with its edges is not a bulk delete: undo covers it.
 */
function versionBefore(label: string, prev: Model, next: Model): string | null {
  if (label === 'Auto-layout') return 'Before auto-layout';
  if (label === 'Import') return 'Before import';
  if (label !== 'Delete') return null;
  const nodes = prev.nodes.length - next.nodes.length;
  const boundaries = prev.boundaries.length - next.boundaries.length;
  const edges = prev.edges.length - next.edges.length;
  if (nodes + boundaries < 2 && !(nodes + boundaries === 0 && edges >= 5)) return null;
  const parts = [
    nodes ? plural(nodes, 'node') : '',
    boundaries ? plural(boundaries, 'boundary', 'boundaries') : '',
    nodes + boundaries === 0 ? plural(edges, 'edge') : '',
  ].filter(Boolean);
  return `Before deleting ${parts.join(' and ')}`;
}

/**
 * The library page and the versions dialog keep their keys (the editor's shortcuts do not reach through them)
 * and close on Escape; they take the focus when they open unless a field of theirs already has it.
 */
const focusOnOpen = (el: HTMLElement | null) => {
  if (el && !el.contains(document.activeElement)) el.focus();
};

export function LibraryShell({ children }: { children: ReactNode }) {
  const store = useModelStoreApi();
  const { open: openFile, openText } = useDocumentActions();
  const refuseDrop = useCallback((text: string) => store.getState().showNotice({ tone: 'error', text }), [store]);
  useFileDrop(openText, refuseDrop);
  const library = useLibrary();
  const session = useLibrarySession(store, library);
  const [view, setView] = useState<'editor' | 'home' | 'versions'>('editor');
  const modelName = useStore(store, (s) => s.model.name);

  useEffect(() => {
    if (session.readOnly) document.documentElement.dataset.readonly = '';
    else delete document.documentElement.dataset.readonly;
  }, [session.readOnly]);

  // Automatic versions before an auto-layout or a bulk delete.
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (!state.lastEdit || state.lastEdit === prev.lastEdit || state.model.id !== prev.model.id) return;
        const reason = versionBefore(state.lastEdit.label, prev.model, state.model);
        if (reason) void library.snapshotOf(prev.model, reason, true).catch(() => {});
      }),
    [store, library],
  );

  const importModel = useCallback(
    async (model: Model) => {
      await session.flush();
      await library.importModel(model);
    },
    [session, library],
  );

  const ui = useMemo<LibraryUi>(
    () => ({
      status: session.status,
      flush: session.flush,
      showHome: () => setView('home'),
      showVersions: () => setView('versions'),
      importModel,
    }),
    [session.status, session.flush, importModel],
  );

  // The open model's name lives in the editor: renaming it in the library goes through the store (one undo
  // step), and autosave writes it. Writing the library alone would be undone by the next autosave.
  const renameInLibrary = async (id: string, name: string) => {
    const { model, apply } = store.getState();
    if (model.id !== id) return library.rename(id, name);
    apply(setHead(model, { name }), { label: 'Rename model' });
    await session.flush();
  };

  const openFromLibrary = (model: Model) => {
    store.getState().loadModel(model, { fileName: null, filePath: null });
    setView('editor');
  };

  return (
    <LibraryUiContext.Provider value={ui}>
      {children}
      {session.readOnly && view === 'editor' && <ReadOnlyBanner name={modelName} onTakeOver={session.takeOver} />}
      {view === 'home' && (
        <div
          className="fl-overlay-page"
          data-own-keys
          tabIndex={-1}
          ref={focusOnOpen}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setView('editor');
          }}
        >
          <LibraryHome
            currentId={store.getState().model.id}
            onOpen={openFromLibrary}
            onOpenFile={() => {
              setView('editor');
              void openFile();
            }}
            onClose={() => setView('editor')}
            onRename={renameInLibrary}
          />
        </div>
      )}
      {view === 'versions' && (
        <div
          className="fl-modal-backdrop"
          role="dialog"
          aria-modal="true"
          aria-label="Versions"
          data-own-keys
          tabIndex={-1}
          ref={focusOnOpen}
          onClick={() => setView('editor')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setView('editor');
          }}
        >
          <div className="fl-modal" onClick={(e) => e.stopPropagation()}>
            <header className="fl-modal-head">
              <h2>Versions of “{store.getState().model.name}”</h2>
              <button type="button" aria-label="Close" data-testid="versions-close" onClick={() => setView('editor')}>
                ×
              </button>
            </header>
            <VersionsPanel
              model={store.getState().model}
              flush={session.flush}
              onRestore={(snapshot, name) => {
                const current = store.getState().model;
                store.getState().apply(restorePatch(current, snapshot), { label: `Restore “${name}”` });
                setView('editor');
              }}
            />
          </div>
        </div>
      )}
    </LibraryUiContext.Provider>
  );
}
