import { useModelStore } from '../store/context.tsx';

/** Errors and notes for the user, in words; never a stack trace. */
export function NoticeBar() {
  const notice = useModelStore((s) => s.notice);
  const showNotice = useModelStore((s) => s.showNotice);
  if (!notice) return null;
  return (
    <div className={`fl-notice tone-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => showNotice(null)}>
        ×
      </button>
    </div>
  );
}
