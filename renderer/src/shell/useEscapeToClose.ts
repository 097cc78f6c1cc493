/** A modal dialog closes on Escape, from anywhere in the window, unless it is busy (an export or import running). */
import { useEffect } from 'react';

export function useEscapeToClose(onClose: () => void, busy = false): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);
}
