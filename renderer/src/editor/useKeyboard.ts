/**
 * The editor's keyboard: one window listener maps keys to actions (editor/keyboard.ts). Keys typed in a
 * text field, a select or a menu with its own keys never reach it. Copy and paste also listen to the
 * browser's clipboard events, which carry the system clipboard without any permission.
 */
import { useEffect } from 'react';
import { useModelStoreApi } from '../store/context.tsx';
import { copySelection, serializeClipboard } from './clipboard.ts';
import type { EditorAction } from './keyboard.ts';
import { actionFor, isTypingTarget } from './keyboard.ts';
import type { EditorActions } from './useEditorActions.ts';

const NUDGE = 8;

/** Elements marked with this attribute (menus, overlays) handle their own keys. */
const OWN_KEYS = '[data-own-keys]';

function ownsKeys(target: EventTarget | null): boolean {
  return isTypingTarget(target) || Boolean((target as Element | null)?.closest?.(OWN_KEYS));
}

export function useKeyboard(actions: EditorActions) {
  const store = useModelStoreApi();

  useEffect(() => {
    let pasteHandled = false;

    const run = (action: EditorAction, shift: boolean): boolean => {
      const step = shift ? NUDGE * 10 : NUDGE;
      switch (action) {
        case 'undo':
          actions.undo();
          return true;
        case 'redo':
          actions.redo();
          return true;
        case 'delete':
          actions.deleteSelection();
          return true;
        case 'copy':
          // Not prevented: the browser's copy event then puts the same text on the system clipboard.
          actions.copy();
          return false;
        case 'cut':
          actions.cut();
          return false;
        case 'paste':
          // The paste event brings the system clipboard; without one, the in-app copy pastes.
          pasteHandled = false;
          setTimeout(() => {
            if (!pasteHandled) actions.pasteText(null);
          }, 80);
          return false;
        case 'duplicate':
          actions.duplicate();
          return true;
        case 'select-all':
          actions.selectAll();
          return true;
        case 'fit':
          actions.fit();
          return true;
        case 'zoom-in':
          actions.zoomIn();
          return true;
        case 'zoom-out':
          actions.zoomOut();
          return true;
        case 'escape':
          actions.escape();
          return true;
        case 'shortcuts':
          actions.openOverlay('shortcuts');
          return true;
        case 'quick-add':
          actions.openOverlay('quick-add');
          return true;
        case 'search':
          actions.openOverlay('search');
          return true;
        case 'export-report':
          actions.openOverlay('export');
          return true;
        case 'rename':
          actions.rename();
          return true;
        case 'boundary':
          actions.startBoundary();
          return true;
        case 'layout':
          void actions.layout();
          return true;
        case 'nudge-left':
          actions.nudge(-step, 0);
          return true;
        case 'nudge-right':
          actions.nudge(step, 0);
          return true;
        case 'nudge-up':
          actions.nudge(0, -step);
          return true;
        case 'nudge-down':
          actions.nudge(0, step);
          return true;
      }
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownsKeys(e.target)) return;
      const action = actionFor(e);
      if (!action) return;
      const { selection } = store.getState();
      const nothingSelected = selection.nodes.length + selection.boundaries.length === 0;
      if (action.startsWith('nudge') && nothingSelected) return;
      const prevent = run(action, e.shiftKey);
      if (prevent) {
        e.preventDefault();
        e.stopPropagation();
      }
    };

    const onCopy = (e: ClipboardEvent) => {
      if (ownsKeys(e.target) || ownsKeys(document.activeElement)) return;
      const { model, selection } = store.getState();
      const content = copySelection(model, selection);
      if (!content || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', serializeClipboard(content));
      e.preventDefault();
    };

    const onPaste = (e: ClipboardEvent) => {
      if (ownsKeys(e.target) || ownsKeys(document.activeElement)) return;
      pasteHandled = true;
      e.preventDefault();
      actions.pasteText(e.clipboardData?.getData('text/plain') ?? null);
    };

    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [actions, store]);
}
