/**
 * Sticky notes on the canvas, in the viewport's coordinates (React Flow's ViewportPortal), above the
 * graph: free text the room writes beside what it discusses. A note moves by dragging its top strip,
 * resizes from its corner, edits in place (double-click or Enter; Escape or a click outside ends), and
 * is deleted with its × or Delete. Each gesture is one undo step (Mod+Z works with a note focused too).
 * The note's keys are its own (data-own-keys): the editor's shortcuts do not fire while it is focused.
 */
import { ViewportPortal, useStore } from '@xyflow/react';
import { memo, useRef, useState } from 'react';
import type { Note } from '../../../../shared/domain/index.ts';
import { useModelStore, useModelStoreApi } from '../../store/context.tsx';
import { NOTE_COLORS, NOTE_SIZE, deleteNote, updateNote } from './notesOps.ts';
import { useNoteEditing } from './useNoteEditing.ts';

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

export function NotesLayer() {
  const notes = useModelStore((s) => s.model.notes);
  if (notes.length === 0) return null;
  return (
    <ViewportPortal>
      {notes.map((n) => (
        <NoteCard key={n.id} note={n} />
      ))}
    </ViewportPortal>
  );
}

type Drag = { kind: 'move' | 'resize'; x: number; y: number; dx: number; dy: number };

const NoteCard = memo(function NoteCard({ note }: { note: Note }) {
  const store = useModelStoreApi();
  const readOnly = useModelStore((s) => s.readOnly);
  const zoom = useStore(zoomOf);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const editing = useNoteEditing(note.id);
  const size = note.size ?? NOTE_SIZE;

  const apply = (patch: ReturnType<typeof updateNote>, label: string) => store.getState().apply(patch, { label });
  const start = (kind: Drag['kind']) => (e: React.PointerEvent) => {
    if (readOnly || e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    dragRef.current = { kind, x: e.clientX, y: e.clientY, dx: 0, dy: 0 };
    setDrag(dragRef.current);
  };
  const move = (e: React.PointerEvent) => {
    const d = dragRef.current;
    if (!d) return;
    dragRef.current = { ...d, dx: (e.clientX - d.x) / zoom, dy: (e.clientY - d.y) / zoom };
    setDrag(dragRef.current);
  };
  const end = () => {
    const d = dragRef.current;
    dragRef.current = null;
    setDrag(null);
    if (!d || (d.dx === 0 && d.dy === 0)) return;
    const { model } = store.getState();
    if (d.kind === 'move') apply(updateNote(model, note.id, { position: { x: note.position.x + d.dx, y: note.position.y + d.dy } }), 'Move note');
    else apply(updateNote(model, note.id, { size: { w: size.w + d.dx, h: size.h + d.dy } }), 'Resize note');
  };
  const remove = () => apply(deleteNote(store.getState().model, note.id), 'Delete note');

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing.on) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const state = store.getState();
    let handled = true;
    if (mod && key === 'z') (e.shiftKey ? state.redo : state.undo)();
    else if (mod && key === 'y') state.redo();
    else if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) remove();
    else if (e.key === 'Enter' && !readOnly) editing.begin();
    else if (e.key === 'Escape') (e.currentTarget as HTMLElement).blur();
    else if (e.key.startsWith('Arrow') && !readOnly) {
      const step = e.shiftKey ? 80 : 8;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      state.apply(updateNote(state.model, note.id, { position: { x: note.position.x + dx, y: note.position.y + dy } }), { label: 'Move note', squash: `note:${note.id}` });
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const dx = drag?.kind === 'move' ? drag.dx : 0;
  const dy = drag?.kind === 'move' ? drag.dy : 0;
  const w = drag?.kind === 'resize' ? Math.max(120, size.w + drag.dx) : size.w;
  const h = drag?.kind === 'resize' ? Math.max(72, size.h + drag.dy) : size.h;
  return (
    <div
      className={`fl-note nopan nodrag${editing.on ? ' nowheel is-editing' : ''}${drag ? ' is-dragging' : ''}`}
      data-testid={`note-${note.id}`}
      data-note={note.id}
      data-own-keys
      tabIndex={0}
      role="note"
      aria-label={`Note: ${note.text || 'empty'}`}
      style={{ transform: `translate(${note.position.x + dx}px, ${note.position.y + dy}px)`, width: w, height: h, '--note-bg': note.color ?? NOTE_COLORS[0] } as React.CSSProperties}
      onKeyDown={onKeyDown}
      onDoubleClick={(e) => {
        e.stopPropagation();
        if (!readOnly) editing.begin();
      }}
    >
      <div className="fl-note-strip" onPointerDown={start('move')} onPointerMove={move} onPointerUp={end} onPointerCancel={end} title="Drag to move">
        <span className="fl-note-colors" role="group" aria-label="Colour">
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`fl-note-color${(note.color ?? NOTE_COLORS[0]) === c ? ' is-on' : ''}`}
              style={{ background: c }}
              aria-label={`Colour ${c}`}
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => !readOnly && apply(updateNote(store.getState().model, note.id, { color: c }), 'Note colour')}
            />
          ))}
        </span>
        <button type="button" className="fl-note-x" data-testid="note-delete" aria-label="Delete this note" title="Delete (undo brings it back)" onPointerDown={(e) => e.stopPropagation()} onClick={remove} disabled={readOnly}>
          ×
        </button>
      </div>
      {editing.on ? (
        <textarea
          className="fl-note-text"
          data-testid="note-text"
          autoFocus
          defaultValue={note.text}
          aria-label="Note text"
          onBlur={(e) => editing.commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
              e.preventDefault();
              (e.target as HTMLTextAreaElement).blur();
            }
            e.stopPropagation();
          }}
        />
      ) : (
        <p className="fl-note-body" data-testid="note-body">
          {note.text || <span className="fl-note-placeholder">Double-click to write</span>}
        </p>
      )}
      <span className="fl-note-resize" onPointerDown={start('resize')} onPointerMove={move} onPointerUp={end} onPointerCancel={end} title="Drag to resize" aria-hidden="true" />
    </div>
  );
});
