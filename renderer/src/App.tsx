import './shell/layout.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { NodeKind } from '../../shared/domain/index.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { fileActionFor } from './editor/keyboard.ts';
import { useEditorActions } from './editor/useEditorActions.ts';
import type { KeyTargets } from './editor/useKeyboard.ts';
import { useKeyboard } from './editor/useKeyboard.ts';
import { PresentProvider, usePlaybackActions, usePresent, usePresentApi } from './present/context.tsx';
import { PlaybackStrip, PresentBottom, PresentTop } from './present/PresentLayer.tsx';
import { useFollow } from './present/useFollow.ts';
import { usePlayer } from './present/usePlayer.ts';
import { useFullScreenExit, usePresentation } from './present/usePresentation.ts';
import { AboutDialog } from './shell/AboutDialog.tsx';
import { ConfirmDialog } from './shell/ConfirmDialog.tsx';
import { Inspector } from './shell/Inspector.tsx';
import { createLayoutStore, minimapShown, panelShown } from './shell/layout.ts';
import { LayoutProvider, useLayout, useLayoutApi } from './shell/layoutContext.tsx';
import { LayoutProgress } from './shell/LayoutProgress.tsx';
import { StartPanel } from './shell/StartPanel.tsx';
import { NoticeBar } from './shell/NoticeBar.tsx';
import { PanelBoundary } from './shell/PanelBoundary.tsx';
import { Palette } from './shell/Palette.tsx';
import { QuickAdd } from './shell/QuickAdd.tsx';
import type { QuickAddPick } from './shell/QuickAdd.tsx';
import { SearchBox } from './shell/SearchBox.tsx';
import { ShortcutsOverlay } from './shell/ShortcutsOverlay.tsx';
import { SidePanel } from './shell/SidePanel.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { Toolbar } from './shell/Toolbar.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { documentName, useDesktopDocument } from './shell/useDesktopDocument.ts';
import { useDocumentActions } from './shell/useDocumentActions.ts';
import { useMenuCommands } from './shell/useMenuCommands.ts';
import { useTheme } from './shell/useTheme.ts';
import { ExportDialog } from './report/ExportDialog.tsx';
import { ImportHost } from './import/ImportHost.tsx';
import { ScenarioCanvasLayer, ScenarioDock, ScenarioProvider } from './scenarios/index.ts';
import { DecideCanvasLayer, DecideProvider } from './decide/index.ts';
import { desktopApi } from './desktop/api.ts';
import { useModelStore, useUiStore, useUiStoreApi } from './store/context.tsx';

/** What the keyboard reaches besides editing: layout, presentation mode, the player. */
function useKeyTargets(): KeyTargets {
  const player = usePresentApi();
  const layout = useLayoutApi();
  const presentation = usePresentation();
  const playback = usePlaybackActions();
  return useMemo(
    () => ({
      mode: () => (player.getState().on ? 'present' : 'edit'),
      present: presentation.enter,
      leave: presentation.leave,
      toggleFocus: () => layout.getState().toggleFocus(),
      pickScenario: presentation.pick,
      toggleTimeline: () => player.getState().setTimeline(!player.getState().timeline),
      togglePlay: playback.togglePlay,
      next: playback.next,
      prev: playback.prev,
      first: playback.first,
      last: playback.last,
    }),
    [player, layout, presentation, playback],
  );
}

/** The window's size, for what depends on it (the minimap's default). */
function useWindowSize() {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/** The editor: palette, toolbar, canvas with its overlays, inspector. Needs the React Flow provider. */
function Workspace({ toggleTheme }: { toggleTheme: () => void }) {
  const actions = useEditorActions();
  const ui = useUiStoreApi();
  const layout = useLayoutApi();
  const targets = useKeyTargets();
  useKeyboard(actions, targets);
  useMenuCommands(actions, toggleTheme);
  useFollow();
  usePlayer();
  useFullScreenExit(targets.leave);
  const presenting = usePresent((s) => s.on);
  const restore = usePresent((s) => s.restore?.viewport ?? null);
  const palette = useLayout((s) => panelShown(s, 'palette'));
  const inspector = useLayout((s) => panelShown(s, 'inspector'));
  const windowSize = useWindowSize();
  const minimap = useLayout((s) => minimapShown(s, windowSize));
  // A kind alone is placed and named inline; a kind with a name typed after it is placed named.
  const placeAndName = useCallback(
    (kind: NodeKind) => ui.getState().setRenaming(actions.addNodeAt(kind)),
    [actions, ui],
  );
  const placePick = useCallback(
    ({ kind, label }: QuickAddPick) => (label ? void actions.addNodeAt(kind, undefined, label) : placeAndName(kind)),
    [actions, placeAndName],
  );
  const onMinimap = useCallback((on: boolean) => layout.getState().setMinimap(on), [layout]);
  // Presenting is view only: no context menu on nodes (it would offer breaks).
  const noMenu = (e: React.MouseEvent) => {
    if (!presenting) return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="fl-main">
      {palette && (
        <SidePanel panel="palette" side="left" title="Kinds">
          <PanelBoundary area="palette">
            <Palette onAdd={placeAndName} onAddNote={actions.addNoteAt} />
          </PanelBoundary>
        </SidePanel>
      )}
      <main className="fl-canvas" aria-label="Trust graph canvas">
        {presenting && <PresentTop />}
        <div className="fl-stage" onContextMenu={noMenu}>
          <Toolbar actions={actions} />
          <PanelBoundary area="canvas">
            <Canvas presenting={presenting} restore={restore} minimap={minimap} onMinimap={onMinimap} />
          </PanelBoundary>
          <QuickAdd onPlace={placePick} />
          <LayoutProgress />
          {!presenting && <StartPanel onAddFirst={() => actions.openOverlay('quick-add')} />}
          <SearchBox onJump={actions.focusNode} />
          <ScenarioCanvasLayer />
          <DecideCanvasLayer />
        </div>
        {presenting ? <PresentBottom /> : <PlaybackStrip />}
      </main>
      {inspector && (
        <SidePanel panel="inspector" side="right" title="Inspector">
          <PanelBoundary area="inspector">
            <Inspector />
          </PanelBoundary>
        </SidePanel>
      )}
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

function Shell({ theme, onToggleTheme }: { theme: 'light' | 'dark'; onToggleTheme: () => void }) {
  const presenting = usePresent((s) => s.on);
  const focus = useLayout((s) => s.focus);
  const presentation = usePresentation();
  return (
    <div className="fl-app" data-mode={presenting ? 'present' : 'edit'} data-focus={focus || undefined}>
      <TopBar theme={theme} onToggleTheme={onToggleTheme} onPresent={presentation.enter} />
      <NoticeBar />
      <Workspace toggleTheme={onToggleTheme} />
      <div className="fl-bottom">
        {!focus && (
          <PanelBoundary area="scenario dock">
            <ScenarioDock />
          </PanelBoundary>
        )}
        <StatusBar />
      </div>
      <ExportReport />
      <ImportHost />
    </div>
  );
}

/**
 * The window title: the model's name, marked while unsaved; the desktop app's main is told too (its title,
 * its unsaved-changes prompt on close). Its own component: the first edit re-renders only it, not App.
 */
function DocumentTitle(): null {
  const name = useModelStore((s) => documentName(s.fileName, s.model.name));
  const dirty = useModelStore((s) => s.dirty);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Faultline`;
    void desktopApi()
      .setDocumentState?.({ name, dirty })
      .catch(() => undefined);
  }, [name, dirty]);
  return null;
}

export function App() {
  const { theme, toggleTheme } = useTheme();
  const { open, openText, save, newModel } = useDocumentActions();
  useDesktopDocument(openText, save);
  const ui = useUiStoreApi();
  const [layout] = useState(() => createLayoutStore(window.localStorage, window.innerHeight));

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const action = fileActionFor(e);
      if (!action) return;
      e.preventDefault();
      switch (action) {
        case 'open':
          return void open();
        case 'save':
          return void save();
        case 'save-as':
          return void save(true);
        case 'new':
          return newModel();
        case 'import':
          return ui.getState().setOverlay('import');
        default:
          return action satisfies never;
      }
    },
    [open, save, newModel, ui],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <ReactFlowProvider>
      <DocumentTitle />
      <LayoutProvider store={layout}>
        <ScenarioProvider>
          <DecideProvider>
            <PresentProvider>
              <Shell theme={theme} onToggleTheme={toggleTheme} />
            </PresentProvider>
          </DecideProvider>
        </ScenarioProvider>
      </LayoutProvider>
    </ReactFlowProvider>
  );
}
