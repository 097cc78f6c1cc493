/**
 * The model's name in the top bar, editable in place: click it (or F2 with nothing selected), type, Enter.
 * The rename is an ordinary edit: one undo step, saved with the model. Escape leaves the name as it was.
 */
import { useState } from 'react';
import { setHead } from '../editor/patch.ts';
import { useModelStore, useModelStoreApi, useUiStore, useUiStoreApi } from '../store/context.tsx';

/** What `renaming` holds while the title is edited (never a React Flow id: those have no NUL). */
export const RENAMING_MODEL = '\u0000model';

export function ModelTitle() {
  const name = useModelStore((s) => s.model.name);
  const store = useModelStoreApi();
  const ui = useUiStoreApi();
  const editing = useUiStore((s) => s.renaming === RENAMING_MODEL);
  // Null until something is typed: the field starts from the name however editing began (click or F2).
  const [draft, setDraft] = useState<string | null>(null);

  const start = () => ui.getState().setRenaming(RENAMING_MODEL);
  const stop = (commit: boolean) => {
    if (ui.getState().renaming !== RENAMING_MODEL) return;
    ui.getState().setRenaming(null);
    const next = (draft ?? name).trim();
    setDraft(null);
    const { model, apply } = store.getState();
    if (commit && next) apply(setHead(model, { name: next }), { label: 'Rename model' });
  };

  if (editing) {
    return (
      <input
        className="fl-model-name fl-model-name-input"
        data-testid="model-name-input"
        aria-label="Model name"
        autoFocus
        value={draft ?? name}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') stop(true);
          else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            stop(false);
          }
        }}
        onBlur={() => stop(true)}
      />
    );
  }
  return (
    <button type="button" className="fl-model-name" data-testid="model-name" title={`${name}: click to rename the model`} onClick={start}>
      {name}
    </button>
  );
}
