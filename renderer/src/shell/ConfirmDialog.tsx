/** Asks before a step the user may not expect: says what will happen, Enter or the button goes ahead, Escape cancels. */
import { useUiStore, useUiStoreApi } from '../store/context.tsx';

export function ConfirmDialog() {
  const request = useUiStore((s) => s.confirm);
  const ui = useUiStoreApi();
  if (!request) return null;
  const close = () => ui.getState().setConfirm(null);
  return (
    <div className="fl-modal-backdrop" onMouseDown={close} data-own-keys>
      <div
        className="fl-modal fl-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="fl-confirm-title"
        aria-describedby="fl-confirm-text"
        data-testid="confirm-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <h2 id="fl-confirm-title">{request.title}</h2>
        <p id="fl-confirm-text">{request.text}</p>
        <footer>
          <button type="button" data-testid="confirm-cancel" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="fl-danger"
            data-testid="confirm-ok"
            autoFocus
            onClick={() => {
              close();
              request.onConfirm();
            }}
          >
            {request.confirm}
          </button>
        </footer>
      </div>
    </div>
  );
}
