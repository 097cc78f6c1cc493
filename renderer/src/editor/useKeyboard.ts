/**
 * The editor's keyboard: one window listener maps keys to actions (editor/keyboard.ts). Keys typed in a
 * text field, a select or a menu with its own keys never reach it. Copy and paste also listen to the
 * browser's clipboard events, which carry the system clipboard without any permission.
 */
import { useEffect } from 'react';
import { useModelStoreApi } from '../store/context.tsx';
import { copySelection, serializeClipboard } from './clipboard.ts';
import type { EditorAction, KeyMode, PresentAction } from './keyboard.ts';
import { actionFor, isTypingTarget } from './keyboard.ts';
import type { EditorActions } from './useEditorActions.ts';

/** What the keys reach besides editing: the layout, presentation mode and the player. */
export interface KeyTargets {
  mode(): KeyMode;
  present(): void;
  leave(): void;
  toggleFocus(): void;
  pickScenario(n: number): void;
  toggleTimeline(): void;
  togglePlay(): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
}

const NUDGE = 8;

/** Elements marked with this attribute (menus, overlays) handle their own keys. */
const OWN_KEYS = '[data-own-keys]';

function ownsKeys(target: EventTarget | null): boolean {
  return isTypingTarget(target) || Boolean((target as Element | null)?.closest?.(OWN_KEYS));
}

export function useKeyboard(actions: EditorActions, targets: KeyTargets) {
  const store = useModelStoreApi();

  useEffect(() => {
    let pasteHandled = false;

    const run = (action: EditorAction | PresentAction, e: KeyboardEvent): boolean => {
      const step = e.shiftKey ? NUDGE * 10 : NUDGE;
      switch (action) {
        case 'present':
          targets.present();
          return true;
        case 'focus':
          targets.toggleFocus();
          return true;
        case 'leave':
          targets.leave();
          return true;
        case 'step-next':
          targets.next();
          return true;
        case 'step-prev':
          targets.prev();
          return true;
        case 'step-first':
          targets.first();
          return true;
        case 'step-last':
          targets.last();
          return true;
        case 'scenario':
          targets.pickScenario(Number(e.key));
          return true;
        case 'timeline':
          targets.toggleTimeline();
          return true;
        case 'play':
          targets.togglePlay();
          return true;
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
        case 'note':
          actions.addNoteAt();
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
        default:
          return action satisfies never;
      }
    };

    const onKeyDown = (e: KeyboardEvent) => {
      const mode = targets.mode();
      if (e.defaultPrevented) return;
      // Presenting never edits: no other listener (the file shortcuts, Mod+O, Mod+S, Mod+N) hears a key.
      if (mode === 'present') e.stopPropagation();
      const action = actionFor(e, mode);
      if (!action) return;
      // While presenting every key is the presenter's: a focused button must not swallow Space. In the
      // editor, fields and menus keep their keys, except the one that starts a presentation (F5 would
      // otherwise reload the page).
      if (mode === 'edit' && action !== 'present' && ownsKeys(e.target)) return;
      const { selection } = store.getState();
      const nothingSelected = selection.nodes.length + selection.boundaries.length === 0;
      if (action.startsWith('nudge') && nothingSelected) return;
      const prevent = run(action, e);
      if (prevent) {
        e.preventDefault();
        e.stopPropagation();
      }
    };

    const onCopy = (e: ClipboardEvent) => {
      if (targets.mode() === 'present') return;
      if (ownsKeys(e.target) || ownsKeys(document.activeElement)) return;
      const { model, selection } = store.getState();
      const content = copySelection(model, selection);
      if (!content || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', serializeClipboard(content));
      e.preventDefault();
    };

    const onPaste = (e: ClipboardEvent) => {
      // Presenting never edits the model.
      if (targets.mode() === 'present') return;
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
  }, [actions, store, targets]);
}
