import type { SaveStatus } from './autosave.ts';

/** "Saved" / "Saving…" / the storage error in words, in the status bar. */
export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  const text =
    status.state === 'saved' ? 'Saved' : status.state === 'error' ? status.message : status.state === 'read-only' ? 'Read-only' : 'Saving…';
  return (
    <span
      className={`fl-save-status state-${status.state}`}
      data-testid="save-status"
      data-state={status.state}
      role={status.state === 'error' ? 'alert' : undefined}
      title={
        status.state === 'error'
          ? status.message
          : status.state === 'read-only'
            ? 'Open in another window: this one saves nothing until you take over'
            : 'Every change is kept in the local library'
      }
    >
      {text}
    </span>
  );
}
