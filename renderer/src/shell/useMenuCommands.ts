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

export function useMenuCommands(actions: EditorActions, toggleTheme: () => void): void {
  const { open, save, newModel } = useDocumentActions();
  const ui = useUiStoreApi();
  useEffect(() => {
    const overlay = (o: 'export' | 'import' | 'shortcuts' | 'about') => () => ui.getState().setOverlay(o);
    const handlers: MenuHandlers = {
      new: newModel,
      open: () => void open(),
      save: () => void save(),
      'save-as': () => void save(true),
      'export-report': overlay('export'),
      import: overlay('import'),
      undo: fieldOr('undo', actions.undo),
      redo: fieldOr('redo', actions.redo),
      fit: actions.fit,
      'zoom-in': actions.zoomIn,
      'zoom-out': actions.zoomOut,
      'toggle-theme': toggleTheme,
      shortcuts: overlay('shortcuts'),
      about: overlay('about'),
    };
    return listenToMenu(desktopApi(), handlers);
  }, [actions, toggleTheme, open, save, newModel, ui]);
}
