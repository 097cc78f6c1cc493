import { formatPercent } from '../../../shared/format.ts';
import type { JobState } from './store.ts';

/** A running job: what it does, a progress bar with how far it got, and Cancel (Esc while focused). */
export function JobProgress({ job, what, unit, onCancel, testId }: { job: JobState; what: string; unit: string; onCancel: () => void; testId: string }) {
  const share = job.total > 0 ? job.done / job.total : 0;
  return (
    <div className="dc-progress" role="status" data-testid={testId} data-done={job.done} data-total={job.total}>
      <span className="dc-progress-text">
        {what}… {job.total > 0 ? `${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')} ${unit} (${formatPercent(share)})` : ''}
      </span>
      <span className="dc-progress-bar" aria-hidden="true">
        {/* scaleX, not width: the bar moves on the compositor, without laying out the page at every step. */}
        <span style={{ transform: `scaleX(${share.toFixed(3)})` }} />
      </span>
      <button type="button" className="fx-button" data-testid={`${testId}-cancel`} onClick={onCancel} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        Cancel
      </button>
    </div>
  );
}
