import { GESTURES, PRESENT_SHORTCUTS, SHORTCUTS } from '../editor/keyboard.ts';
import { useUiStore, useUiStoreApi } from '../store/context.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const keys = (k: string) => k.replaceAll('Mod', isMac ? '⌘' : 'Ctrl');

function ShortcutTable({ caption, rows }: { caption?: string; rows: readonly { keys: string; what: string }[] }) {
  return (
    <table>
      {caption ? <caption>{caption}</caption> : null}
      <tbody>
        {rows.map((r) => (
          <tr key={r.keys + r.what}>
            <td>
              <kbd>{keys(r.keys)}</kbd>
            </td>
            <td>{r.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every shortcut and gesture, from the same table the keyboard handler uses. */
export function ShortcutsOverlay() {
  const open = useUiStore((s) => s.overlay === 'shortcuts');
  const ui = useUiStoreApi();
  if (!open) return null;
  const close = () => ui.getState().setOverlay(null);
  return (
    <div className="fl-modal-backdrop" onMouseDown={close} data-own-keys>
      <div
        className="fl-modal fl-shortcuts-modal"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        data-testid="shortcuts-overlay"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') close();
        }}
      >
        <header>
          <h2>Keyboard shortcuts</h2>
          <button type="button" autoFocus data-testid="action-close-shortcuts" aria-label="Close" onClick={close}>
            ×
          </button>
        </header>
        <div className="fl-shortcuts">
          <ShortcutTable rows={SHORTCUTS} />
          <ShortcutTable caption="While presenting" rows={PRESENT_SHORTCUTS} />
          <ShortcutTable rows={GESTURES} />
        </div>
      </div>
    </div>
  );
}
