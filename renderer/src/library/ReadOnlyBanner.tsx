/** Shown while another window is the open model's writer: what is going on, and the way to edit here. */
import { useState } from 'react';
import { describeStorageError } from './storageErrors.ts';

export function ReadOnlyBanner({ name, onTakeOver }: { name: string; onTakeOver: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="fl-readonly-banner" role="status" data-testid="readonly-banner">
      <span>
        <strong>“{name}” is open in another window.</strong> This window shows it read-only and follows the other window’s
        changes.
      </span>
      {error && <span className="fl-readonly-error">{error}</span>}
      <button
        type="button"
        data-testid="action-take-over"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          onTakeOver()
            .catch((e: unknown) => setError(describeStorageError(e).message))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Taking over…' : 'Take over'}
      </button>
    </div>
  );
}
