/**
 * Sticky notes (domain 1.1 §10) as model edits: each gesture one patch on the `notes` collection, so undo
 * and redo, autosave and the file treat them like any other edit. Ids share the namespace of nodes and
 * edges (`note-<n>`). Pure.
 */
import type { Model, Note, Position } from '../../../../shared/domain/index.ts';
import type { Patch } from '../../editor/patch.ts';
import { PatchBuilder } from '../../editor/patch.ts';
import { freshId, usedIds } from '../../editor/ids.ts';

export const NOTE_SIZE = { w: 220, h: 140 };
const NOTE_MIN = { w: 120, h: 72 };
/** The notes' colours: the first is the default. Light enough for dark text in both themes. */
export const NOTE_COLORS = ['#fff3a8', '#ffd6e0', '#cdeffd', '#d5f5d0'] as const;

const GRID = 8;
const snap = (v: number) => Math.round(v / GRID) * GRID;

/** A new empty note centred on `center`, moved down-right while another note sits exactly there. */
export function addNote(model: Model, center: Position, text = ''): { patch: Patch; id: string } {
  const used = usedIds(model);
  for (const n of model.notes) used.add(n.id);
  const id = freshId('note', used);
  let position = { x: snap(center.x - NOTE_SIZE.w / 2), y: snap(center.y - NOTE_SIZE.h / 2) };
  for (let i = 0; i < 50 && model.notes.some((n) => n.position.x === position.x && n.position.y === position.y); i++) {
    position = { x: position.x + 32, y: position.y + 32 };
  }
  const note: Note = { id, text, position, size: { ...NOTE_SIZE }, color: NOTE_COLORS[0] };
  return { patch: new PatchBuilder(model).add('notes', note).build(), id };
}

export function updateNote(model: Model, id: string, changes: Partial<Pick<Note, 'text' | 'position' | 'size' | 'color'>>): Patch {
  return new PatchBuilder(model)
    .update('notes', id, (n) => {
      const next = { ...n, ...changes };
      if (changes.position) next.position = { x: snap(changes.position.x), y: snap(changes.position.y) };
      if (changes.size) next.size = { w: Math.max(NOTE_MIN.w, snap(changes.size.w)), h: Math.max(NOTE_MIN.h, snap(changes.size.h)) };
      const same = next.text === n.text && next.color === n.color && next.position.x === n.position.x && next.position.y === n.position.y && next.size?.w === n.size?.w && next.size?.h === n.size?.h;
      return same ? n : next;
    })
    .build();
}

export function deleteNote(model: Model, id: string): Patch {
  return new PatchBuilder(model).remove('notes', id).build();
}
