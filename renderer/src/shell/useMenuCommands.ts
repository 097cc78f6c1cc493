/**
 * The native menu's commands (shared/ipc/channels.ts), each handled here. The handlers are a
 * `Record<MenuCommand, …>`: a command added to the menu does not compile until the app handles it.
 */
import { useEffect } from 'react';
import type { DesktopApi, MenuCommand } from '../../../shared/ipc/index.ts';
import { desktopApi } from '../desktop/api.ts';
import { isTypingTarget } from '../editor/keyboard.ts';
import type { EditorActions } from '../editor/useEditorActions.ts';
import { useUiStoreApi } from '../store/context.tsx';
import { useDocumentActions } from './useDocumentActions.ts';

type MenuHandlers = Record<MenuCommand, () => void>;

/** Subscribes the handlers to the desktop API's menu commands; returns the unsubscribe function. */
function listenToMenu(api: DesktopApi, handlers: MenuHandlers): () => void {
  return api.onMenuCommand((command) => handlers[command]());
}

/**
 * Edit ▸ Undo and Redo while typing in a field undo the typing, as the native roles would; elsewhere they
 * go through the model's history.
 */
function fieldOr(command: 'undo' | 'redo', model: () => void): () => void {
  return () => {
    if (isTypingTarget(document.activeElement)) document.execCommand(command);
    else model();
  };
}

/** What the menu's commands reach: the document, the overlays, the model's history and view, the theme. */
export interface MenuTargets {
  newModel(): void;
  open(): void;
  save(saveAs: boolean): void;
  overlay(o: 'export' | 'import' | 'shortcuts' | 'about'): void;
  undo(): void;
  redo(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  toggleTheme(): void;
}

/** Each command's handler: a `Record`, so a command added to MENU_COMMANDS does not compile until it has one. */
export function menuHandlers(t: MenuTargets): MenuHandlers {
  return {
    new: () => t.newModel(),
    open: () => t.open(),
    save: () => t.save(false),
    'save-as': () => t.save(true),
    'export-report': () => t.overlay('export'),
    import: () => t.overlay('import'),
    undo: fieldOr('undo', () => t.undo()),
    redo: fieldOr('redo', () => t.redo()),
    fit: () => t.fit(),
    'zoom-in': () => t.zoomIn(),
    'zoom-out': () => t.zoomOut(),
    'toggle-theme': () => t.toggleTheme(),
    shortcuts: () => t.overlay('shortcuts'),
    about: () => t.overlay('about'),
  };
}

export function useMenuCommands(actions: EditorActions, toggleTheme: () => void): void {
  const { open, save, newModel } = useDocumentActions();
  const ui = useUiStoreApi();
  useEffect(() => {
    const handlers = menuHandlers({
      newModel,
      open: () => void open(),
      save: (saveAs) => void save(saveAs),
      overlay: (o) => ui.getState().setOverlay(o),
      undo: actions.undo,
      redo: actions.redo,
      fit: actions.fit,
      zoomIn: actions.zoomIn,
      zoomOut: actions.zoomOut,
      toggleTheme,
    });
    return listenToMenu(desktopApi(), handlers);
  }, [actions, toggleTheme, open, save, newModel, ui]);
}
