import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import type { NodeKind } from '../../shared/domain/kinds.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { useEditorActions } from './editor/useEditorActions.ts';
import { useKeyboard } from './editor/useKeyboard.ts';
import { AboutDialog } from './shell/AboutDialog.tsx';
import { ConfirmDialog } from './shell/ConfirmDialog.tsx';
import { Inspector } from './shell/Inspector.tsx';
import { LayoutProgress } from './shell/LayoutProgress.tsx';
import { StartPanel } from './shell/StartPanel.tsx';
import { NoticeBar } from './shell/NoticeBar.tsx';
import { Palette } from './shell/Palette.tsx';
import { QuickAdd } from './shell/QuickAdd.tsx';
import type { QuickAddPick } from './shell/QuickAdd.tsx';
import { SearchBox } from './shell/SearchBox.tsx';
import { ShortcutsOverlay } from './shell/ShortcutsOverlay.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { Toolbar } from './shell/Toolbar.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useDocumentActions } from './shell/useDocumentActions.ts';
import { useMenuCommands } from './shell/useMenuCommands.ts';
import { useTheme } from './shell/useTheme.ts';
import { ExportDialog } from './report/ExportDialog.tsx';
import { ImportHost } from './import/ImportHost.tsx';
import { ScenarioCanvasLayer, ScenarioDock, ScenarioProvider } from './scenarios/index.ts';
import { installDebugHook } from './store/debugHook.ts';
import { useModelStore, useModelStoreApi, useUiStore, useUiStoreApi } from './store/context.tsx';

/**
 * The read-only test hook exists in the development server and in the end-to-end build (`--mode e2e`)
 * only: the condition is constant at build time, so production bundles leave the hook out entirely.
 */
const TEST_HOOK = import.meta.env.DEV || import.meta.env.MODE === 'e2e';

/** The editor: palette, toolbar, canvas with its overlays, inspector. Needs the React Flow provider. */
function Workspace({ toggleTheme }: { toggleTheme: () => void }) {
  const actions = useEditorActions();
  const ui = useUiStoreApi();
  useKeyboard(actions);
  useMenuCommands(actions, toggleTheme);
  // A kind alone is placed and named inline; a kind with a name typed after it is placed named.
  const placeAndName = useCallback(
    (kind: NodeKind) => ui.getState().setRenaming(actions.addNodeAt(kind)),
    [actions, ui],
  );
  const placePick = useCallback(
    ({ kind, label }: QuickAddPick) => (label ? void actions.addNodeAt(kind, undefined, label) : placeAndName(kind)),
    [actions, placeAndName],
  );
  return (
    <div className="fl-main">
      <Palette onAdd={placeAndName} />
      <main className="fl-canvas" aria-label="Trust graph canvas">
        <Toolbar actions={actions} />
        <Canvas />
        <QuickAdd onPlace={placePick} />
        <LayoutProgress />
        <StartPanel onAddFirst={() => actions.openOverlay('quick-add')} />
        <SearchBox onJump={actions.focusNode} />
        <ScenarioCanvasLayer />
      </main>
      <Inspector />
      <ShortcutsOverlay />
      <AboutDialog />
      <ConfirmDialog />
    </div>
  );
}

/** "Export report…" (toolbar button, Mod+E, File menu) over the whole window, for the model as it is now. */
function ExportReport() {
  const open = useUiStore((s) => s.overlay === 'export');
  const model = useModelStore((s) => s.model);
  const ui = useUiStoreApi();
  const close = useCallback(() => ui.getState().setOverlay(null), [ui]);
  return open ? <ExportDialog model={model} onClose={close} /> : null;
}

export function App() {
  const { theme, toggleTheme } = useTheme();
  const { open, save, newModel } = useDocumentActions();
  const store = useModelStoreApi();
  const ui = useUiStoreApi();
  const name = useModelStore((s) => s.fileName ?? s.model.name);
  const dirty = useModelStore((s) => s.dirty);

  useEffect(() => (TEST_HOOK ? installDebugHook(store) : undefined), [store]);

  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Faultline`;
  }, [name, dirty]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 'o') void open();
      else if (key === 's') void save(e.shiftKey);
      else if (key === 'n') newModel();
      else if (key === 'i' && !e.shiftKey) ui.getState().setOverlay('import');
      else return;
      e.preventDefault();
    },
    [open, save, newModel, ui],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <ReactFlowProvider>
      <ScenarioProvider>
        <div className="fl-app">
          <TopBar theme={theme} onToggleTheme={toggleTheme} />
          <NoticeBar />
          <Workspace toggleTheme={toggleTheme} />
          <ScenarioDock />
          <StatusBar />
          <ExportReport />
          <ImportHost />
        </div>
      </ScenarioProvider>
    </ReactFlowProvider>
  );
}
