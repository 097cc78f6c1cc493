/**
 * Keyboard shortcuts as data: one table drives the handler and the `?` overlay. Pure: a key event in,
 * an action name out.
 */
export type EditorAction =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'select-all'
  | 'fit'
  | 'zoom-in'
  | 'zoom-out'
  | 'escape'
  | 'shortcuts'
  | 'quick-add'
  | 'rename'
  | 'search'
  | 'boundary'
  | 'layout'
  | 'export-report'
  | 'nudge-left'
  | 'nudge-right'
  | 'nudge-up'
  | 'nudge-down';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Shortcut {
  action: EditorAction;
  keys: string;
  what: string;
}

/** Shown in the overlay, in this order. `Mod` is Ctrl, or Cmd on a Mac. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'quick-add', keys: 'N  or  /', what: 'Add a node: type a kind, and its name after it if you like (secret deploy token); Enter places it' },
  { action: 'rename', keys: 'F2  or  double-click', what: 'Rename the selected node or boundary' },
  { action: 'boundary', keys: 'B', what: 'Draw a trust boundary (drag a rectangle)' },
  { action: 'delete', keys: 'Delete  or  Backspace', what: 'Delete the selection' },
  { action: 'undo', keys: 'Mod+Z', what: 'Undo' },
  { action: 'redo', keys: 'Mod+Shift+Z  or  Mod+Y', what: 'Redo' },
  { action: 'copy', keys: 'Mod+C', what: 'Copy (works between models)' },
  { action: 'cut', keys: 'Mod+X', what: 'Cut' },
  { action: 'paste', keys: 'Mod+V', what: 'Paste' },
  { action: 'duplicate', keys: 'Mod+D', what: 'Duplicate' },
  { action: 'select-all', keys: 'A  or  Mod+A', what: 'Select everything' },
  { action: 'nudge-right', keys: 'Arrows  (Shift: 10×)', what: 'Nudge the selection' },
  { action: 'fit', keys: 'F  or  Mod+0', what: 'Fit the whole model in view' },
  { action: 'zoom-in', keys: '+  or  Mod+=', what: 'Zoom in' },
  { action: 'zoom-out', keys: '−  or  Mod+−', what: 'Zoom out' },
  { action: 'layout', keys: 'L', what: 'Auto-layout, left to right' },
  { action: 'search', keys: 'Mod+F', what: 'Find a node by label and jump to it' },
  { action: 'export-report', keys: 'Mod+E', what: 'Export report… (PDF, Markdown, HTML, CSV, JSON, diagram)' },
  { action: 'escape', keys: 'Esc', what: 'Clear the selection, close menus' },
  { action: 'shortcuts', keys: '?', what: 'This list' },
];

/** Extra canvas gestures, for the overlay. */
export const GESTURES: readonly { keys: string; what: string }[] = [
  { keys: 'Drag from the palette', what: 'Add a node where you drop it (a click adds it in view, beside the others, and names it)' },
  { keys: 'Drag from a handle', what: 'Connect two nodes; the edge kind fits the pair' },
  { keys: 'Click an edge label', what: 'Change the edge kind' },
  { keys: 'Drag an edge end', what: 'Reconnect it' },
  { keys: 'Shift+drag', what: 'Box-select (a plain drag in selection mode); Shift+click adds to the selection' },
];

/** The action for a key press on the canvas, or null. */
export function actionFor(e: KeyLike): EditorAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'x') return 'cut';
    if (key === 'v') return 'paste';
    if (key === 'd') return 'duplicate';
    if (key === 'a') return 'select-all';
    if (key === 'f') return 'search';
    if (key === 'e') return 'export-report';
    if (key === '0') return 'fit';
    if (key === '=' || key === '+') return 'zoom-in';
    if (key === '-' || key === '_') return 'zoom-out';
    return null;
  }
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'Escape':
      return 'escape';
    case '?':
      return 'shortcuts';
    case 'n':
    case '/':
      return 'quick-add';
    case 'F2':
      return 'rename';
    case 'a':
      return 'select-all';
    case 'f':
      return 'fit';
    case 'b':
      return 'boundary';
    case 'l':
      return 'layout';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
      return 'zoom-out';
    case 'ArrowLeft':
      return 'nudge-left';
    case 'ArrowRight':
      return 'nudge-right';
    case 'ArrowUp':
      return 'nudge-up';
    case 'ArrowDown':
      return 'nudge-down';
    default:
      return null;
  }
}

/** True when the key belongs to a text field, a select or an open menu's input, not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  if (!el?.tagName) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(el.type ?? 'text');
}
