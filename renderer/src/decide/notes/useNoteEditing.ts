/**
 * Which note is being written in. A new note (from the palette or the S key) opens for writing at once;
 * the text reaches the model once, when writing ends (one undo step "Edit note").
 */
import { useCallback } from 'react';
import { create } from 'zustand';
import { useModelStoreApi } from '../../store/context.tsx';
import { updateNote } from './notesOps.ts';

/** The note open for writing: one at a time, app-wide (a UI state, never in the model). */
export const useEditingNote = create<{ id: string | null; set(id: string | null): void }>((set) => ({ id: null, set: (id) => set({ id }) }));

export function useNoteEditing(id: string) {
  const on = useEditingNote((s) => s.id === id);
  const setEditing = useEditingNote((s) => s.set);
  const store = useModelStoreApi();
  const begin = useCallback(() => setEditing(id), [id, setEditing]);
  const commit = useCallback(
    (text: string) => {
      if (useEditingNote.getState().id === id) setEditing(null);
      const { model, apply } = store.getState();
      apply(updateNote(model, id, { text }), { label: 'Edit note' });
    },
    [id, setEditing, store],
  );
  return { on, begin, commit };
}
