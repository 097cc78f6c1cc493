import { GESTURES, PRESENT_SHORTCUTS, SHORTCUTS } from '../editor/keyboard.ts';
import { useUiStore, useUiStoreApi } from '../store/context.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const keys = (k: string) => k.replaceAll('Mod', isMac ? '⌘' : 'Ctrl');

/** Every shortcut and gesture, from the same table the keyboard handler uses. */
export function ShortcutsOverlay() {
  const open = useUiStore((s) => s.overlay === 'shortcuts');
  const ui = useUiStoreApi();
  if (!open) return null;
  const close = () => ui.getState().setOverlay(null);
  return (
    <div className="fl-modal-backdrop" onMouseDown={close} data-own-keys>
      <div
        className="fl-modal"
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
          <table>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action}>
                  <td>
                    <kbd>{keys(s.keys)}</kbd>
                  </td>
                  <td>{s.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>While presenting</caption>
            <tbody>
              {PRESENT_SHORTCUTS.map((s) => (
                <tr key={s.action}>
                  <td>
                    <kbd>{s.keys}</kbd>
                  </td>
                  <td>{s.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <tbody>
              {GESTURES.map((g) => (
                <tr key={g.keys}>
                  <td>
                    <kbd>{g.keys}</kbd>
                  </td>
                  <td>{g.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
