/**
 * Keyboard shortcuts as data: one table per mode gives each action its keys and its row in the `?` overlay;
 * the editor's handler, the file shortcuts in App and the overlay all read it. Pure: a key event in, an action
 * name out. Presentation mode has a table of its own (keys a presenter's remote sends), and
 * no editing key reaches the model while it is on.
 */
import type { MenuCommand } from '../../../shared/ipc/index.ts';

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

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The file shortcuts: App handles them, in a field too, and never while presenting. */
export type FileAction = Extract<MenuCommand, 'new' | 'open' | 'save' | 'save-as' | 'import'>;

/**
 * One way to press a key. `mod` is Ctrl, or Cmd on a Mac; `shift` true or false must match, left out it may be
 * either (so `?` and an arrow with Shift still count). A letter is matched in lower case.
 */
interface Chord {
  key: string;
  mod?: true;
  shift?: boolean;
}

/** An action's keys, and its row in the `?` overlay (null: not listed on its own). */
interface Binding {
  press: readonly Chord[];
  row: { keys: string; what: string } | null;
}

export interface Shortcut<A extends string = EditorAction> {
  action: A;
  keys: string;
  what: string;
}

const keys = (...names: string[]): Chord[] => names.map((key) => ({ key }));
const mod = (key: string, shift?: boolean): Chord => (shift === undefined ? { key, mod: true } : { key, mod: true, shift });

/**
 * Every editor action's keys, in the overlay's order. A `Record`: an action without its entry does not compile,
 * and the handler's switch (useKeyboard.ts) is exhaustive over the same union.
 */
const EDIT_KEYS: Record<EditorAction, Binding> = {
  'quick-add': { press: keys('n', '/'), row: { keys: 'N  or  /', what: 'Add a node: type a kind, and its name after it if you like (secret deploy token); Enter places it' } },
  rename: { press: keys('F2'), row: { keys: 'F2  or  double-click', what: 'Rename the selected node or boundary' } },
  boundary: { press: keys('b'), row: { keys: 'B', what: 'Draw a trust boundary (drag a rectangle)' } },
  note: { press: keys('s'), row: { keys: 'S', what: 'Add a sticky note in the middle of the view' } },
  delete: { press: keys('Delete', 'Backspace'), row: { keys: 'Delete  or  Backspace', what: 'Delete the selection' } },
  undo: { press: [mod('z', false)], row: { keys: 'Mod+Z', what: 'Undo' } },
  redo: { press: [mod('z', true), mod('y')], row: { keys: 'Mod+Shift+Z  or  Mod+Y', what: 'Redo' } },
  copy: { press: [mod('c')], row: { keys: 'Mod+C', what: 'Copy (works between models)' } },
  cut: { press: [mod('x')], row: { keys: 'Mod+X', what: 'Cut' } },
  paste: { press: [mod('v')], row: { keys: 'Mod+V', what: 'Paste' } },
  duplicate: { press: [mod('d')], row: { keys: 'Mod+D', what: 'Duplicate' } },
  'select-all': { press: [...keys('a'), mod('a')], row: { keys: 'A  or  Mod+A', what: 'Select everything' } },
  'nudge-right': { press: keys('ArrowRight'), row: { keys: 'Arrows  (Shift: 10×)', what: 'Nudge the selection' } },
  'nudge-left': { press: keys('ArrowLeft'), row: null },
  'nudge-up': { press: keys('ArrowUp'), row: null },
  'nudge-down': { press: keys('ArrowDown'), row: null },
  fit: { press: [...keys('f'), mod('0')], row: { keys: 'F  or  Mod+0', what: 'Fit the whole model in view' } },
  'zoom-in': { press: [...keys('+', '='), mod('='), mod('+')], row: { keys: '+  or  Mod+=', what: 'Zoom in' } },
  'zoom-out': { press: [...keys('-'), mod('-'), mod('_')], row: { keys: '−  or  Mod+−', what: 'Zoom out' } },
  layout: { press: keys('l'), row: { keys: 'L', what: 'Auto-layout, left to right' } },
  search: { press: [mod('f')], row: { keys: 'Mod+F', what: 'Find a node by label and jump to it' } },
  'export-report': { press: [mod('e')], row: { keys: 'Mod+E', what: 'Export report… (PDF, Markdown, HTML, CSV, JSON, diagram)' } },
  present: { press: [...keys('F5'), mod('p', true)], row: { keys: 'F5  or  Mod+Shift+P', what: 'Present: full screen, a scenario hop by hop, for a room' } },
  focus: { press: keys('\\'), row: { keys: '\\', what: 'Focus: hide the palette, the inspector and the dock (again to bring them back)' } },
  escape: { press: keys('Escape'), row: { keys: 'Esc', what: 'Clear the selection, close menus' } },
  shortcuts: { press: keys('?'), row: { keys: '?', what: 'This list' } },
};

/** The file shortcuts (the native menu shows them beside its items, so the overlay does not list them). */
const FILE_KEYS: Record<FileAction, Binding> = {
  new: { press: [mod('n')], row: null },
  open: { press: [mod('o')], row: null },
  save: { press: [mod('s', false)], row: null },
  'save-as': { press: [mod('s', true)], row: null },
  // Mod+Shift+I stays the browser's (developer tools).
  import: { press: [mod('i', false)], row: null },
};

/** While presenting: the keys a presenter's remote sends. No modifier counts. */
const PRESENT_KEYS: Record<PresentAction, Binding> = {
  'step-next': { press: keys('ArrowRight', ' ', 'PageDown'), row: { keys: '→  or  Space  or  Page Down', what: 'Next hop' } },
  'step-prev': { press: keys('ArrowLeft', 'PageUp'), row: { keys: '←  or  Page Up', what: 'Previous hop' } },
  // As in slide software F5 starts from the beginning (and never reloads the page).
  'step-first': { press: keys('Home', 'F5'), row: { keys: 'Home', what: 'Back to the break' } },
  'step-last': { press: keys('End'), row: { keys: 'End', what: 'The whole blast radius' } },
  scenario: { press: keys(...'123456789'), row: { keys: '1 … 9', what: 'Show saved scenario 1 to 9, from its break' } },
  play: { press: keys('p'), row: { keys: 'P', what: 'Play or pause, one hop at a time' } },
  timeline: { press: keys('t'), row: { keys: 'T', what: 'Show or hide the timeline' } },
  leave: { press: keys('Escape'), row: { keys: 'Esc', what: 'Leave presentation mode; the editor comes back as it was' } },
};

const rows = <A extends string>(table: Record<A, Binding>): Shortcut<A>[] =>
  (Object.entries(table) as [A, Binding][]).flatMap(([action, b]) => (b.row ? [{ action, ...b.row }] : []));

/** Shown in the overlay, in this order. `Mod` is Ctrl, or Cmd on a Mac. */
export const SHORTCUTS: readonly Shortcut[] = rows(EDIT_KEYS);

/** While presenting, in this order. */
export const PRESENT_SHORTCUTS: readonly Shortcut<PresentAction>[] = rows(PRESENT_KEYS);

/** Every action's chords, for the tests that hold the tables to their actions. */
export const KEY_TABLES = { edit: EDIT_KEYS, file: FILE_KEYS, present: PRESENT_KEYS } as const;

const chordId = (key: string, mod: boolean, shift: boolean) => `${mod ? 'mod+' : ''}${shift ? 'shift+' : ''}${key}`;

/** Chord → action, both Shift states where the binding leaves it open. Two actions on one chord is a mistake. */
function lookup<A extends string>(...tables: Partial<Record<A, Binding>>[]): Map<string, A> {
  const out = new Map<string, A>();
  for (const table of tables) {
    for (const [action, b] of Object.entries(table) as [A, Binding][]) {
      for (const c of b.press) {
        for (const shift of c.shift === undefined ? [false, true] : [c.shift]) {
          const id = chordId(c.key, c.mod === true, shift);
          const taken = out.get(id);
          if (taken !== undefined) throw new Error(`keyboard: ${id} is bound to both ${taken} and ${action}`);
          out.set(id, action);
        }
      }
    }
  }
  return out;
}

const EDIT_MAP = lookup<EditorAction | FileAction>(EDIT_KEYS, FILE_KEYS);
const PRESENT_MAP = lookup(PRESENT_KEYS);

const isFileAction = (a: EditorAction | FileAction): a is FileAction => Object.hasOwn(FILE_KEYS, a);

function pressed(e: KeyLike): string | null {
  if (e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return chordId(key, e.ctrlKey || e.metaKey, e.shiftKey);
}

/** The action for a key press while presenting, or null (every other key does nothing then). */
export function presentActionFor(e: KeyLike): PresentAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return PRESENT_MAP.get(chordId(key, false, false)) ?? null;
}

/** The action for a key press on the canvas, or null. */
export function actionFor(e: KeyLike, mode: KeyMode = 'edit'): EditorAction | PresentAction | null {
  if (mode === 'present') return presentActionFor(e);
  const id = pressed(e);
  const action = id === null ? undefined : EDIT_MAP.get(id);
  return action === undefined || isFileAction(action) ? null : action;
}

/** The file shortcut a key press asks for, or null. */
export function fileActionFor(e: KeyLike): FileAction | null {
  const id = pressed(e);
  const action = id === null ? undefined : EDIT_MAP.get(id);
  return action !== undefined && isFileAction(action) ? action : null;
}

/** Extra canvas gestures, for the overlay. */
export const GESTURES: readonly { keys: string; what: string }[] = [
  { keys: 'Drag from the palette', what: 'Add a node where you drop it (a click adds it in view, beside the others, and names it)' },
  { keys: 'Drag from a handle', what: 'Connect two nodes; the edge kind fits the pair' },
  { keys: 'Click an edge label', what: 'Change the edge kind' },
  { keys: 'Drag an edge end', what: 'Reconnect it' },
  { keys: 'Shift+drag', what: 'Box-select (a plain drag in selection mode); Shift+click adds to the selection' },
];

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
