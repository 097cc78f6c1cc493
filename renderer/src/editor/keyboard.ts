/**
 * Keyboard shortcuts as data: one table drives the handler and the `?` overlay. Pure: a key event in,
 * an action name out. Presentation mode has a table of its own (keys a presenter's remote sends), and
 * no editing key reaches the model while it is on.
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
  | 'note'
  | 'export-report'
  | 'nudge-left'
  | 'nudge-right'
  | 'nudge-up'
  | 'nudge-down'
  | 'present'
  | 'focus';

/** Keys while presenting. `scenario` picks the saved scenario numbered by the digit pressed. */
export type PresentAction = 'step-next' | 'step-prev' | 'step-first' | 'step-last' | 'scenario' | 'timeline' | 'play' | 'leave';

export type KeyMode = 'edit' | 'present';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Shortcut<A extends string = EditorAction> {
  action: A;
  keys: string;
  what: string;
}

/** Shown in the overlay, in this order. `Mod` is Ctrl, or Cmd on a Mac. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'quick-add', keys: 'N  or  /', what: 'Add a node: type a kind, and its name after it if you like (secret deploy token); Enter places it' },
  { action: 'rename', keys: 'F2  or  double-click', what: 'Rename the selected node or boundary' },
  { action: 'boundary', keys: 'B', what: 'Draw a trust boundary (drag a rectangle)' },
  { action: 'note', keys: 'S', what: 'Add a sticky note in the middle of the view' },
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
  { action: 'present', keys: 'F5  or  Mod+Shift+P', what: 'Present: full screen, a scenario hop by hop, for a room' },
  { action: 'focus', keys: '\\', what: 'Focus: hide the palette, the inspector and the dock (again to bring them back)' },
  { action: 'escape', keys: 'Esc', what: 'Clear the selection, close menus' },
  { action: 'shortcuts', keys: '?', what: 'This list' },
];

/** While presenting, in this order. */
export const PRESENT_SHORTCUTS: readonly Shortcut<PresentAction>[] = [
  { action: 'step-next', keys: '→  or  Space  or  Page Down', what: 'Next hop' },
  { action: 'step-prev', keys: '←  or  Page Up', what: 'Previous hop' },
  { action: 'step-first', keys: 'Home', what: 'Back to the break' },
  { action: 'step-last', keys: 'End', what: 'The whole blast radius' },
  { action: 'scenario', keys: '1 … 9', what: 'Show saved scenario 1 to 9, from its break' },
  { action: 'play', keys: 'P', what: 'Play or pause, one hop at a time' },
  { action: 'timeline', keys: 'T', what: 'Show or hide the timeline' },
  { action: 'leave', keys: 'Esc', what: 'Leave presentation mode; the editor comes back as it was' },
];

/** Extra canvas gestures, for the overlay. */
export const GESTURES: readonly { keys: string; what: string }[] = [
  { keys: 'Drag from the palette', what: 'Add a node where you drop it (a click adds it in view, beside the others, and names it)' },
  { keys: 'Drag from a handle', what: 'Connect two nodes; the edge kind fits the pair' },
  { keys: 'Click an edge label', what: 'Change the edge kind' },
  { keys: 'Drag an edge end', what: 'Reconnect it' },
  { keys: 'Shift+drag', what: 'Box-select (a plain drag in selection mode); Shift+click adds to the selection' },
];

/** The action for a key press while presenting, or null (every other key does nothing then). */
function presentActionFor(e: KeyLike): PresentAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return 'step-next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'step-prev';
    case 'Home':
      return 'step-first';
    case 'End':
      return 'step-last';
    case 't':
      return 'timeline';
    case 'p':
      return 'play';
    case 'Escape':
      return 'leave';
    case 'F5':
      // As in slide software: F5 starts from the beginning (and never reloads the page).
      return 'step-first';
    default:
      return /^[1-9]$/.test(key) ? 'scenario' : null;
  }
}

/** The action for a key press on the canvas, or null. */
export function actionFor(e: KeyLike, mode: KeyMode = 'edit'): EditorAction | PresentAction | null {
  if (mode === 'present') return presentActionFor(e);
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'p' && e.shiftKey) return 'present';
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
    case 'F5':
      return 'present';
    case '\\':
      return 'focus';
    case 'a':
      return 'select-all';
    case 'f':
      return 'fit';
    case 'b':
      return 'boundary';
    case 's':
      return 'note';
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
