/**
 * While an auto-layout runs in its worker: what is being laid out and how, the time so far, and Cancel (Esc
 * cancels too). Opening another model cancels it: its moves would not be for that model.
 */
import { useEffect, useState } from 'react';
import { describeLayout } from '../editor/layout/methods.ts';
import { useModelStore, useUiStore, useUiStoreApi } from '../store/context.tsx';

export function LayoutProgress() {
  const job = useUiStore((s) => s.layoutJob);
  const modelId = useModelStore((s) => s.model.id);
  const ui = useUiStoreApi();
  const [, tick] = useState(0);

  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, [job]);

  useEffect(() => () => ui.getState().layoutJob?.cancel(), [modelId, ui]);

  if (!job) return null;
  const seconds = Math.floor((performance.now() - job.startedAt) / 1000);
  return (
    <div className="fl-layout-progress" role="status" aria-live="polite" data-testid="layout-progress" data-method={job.method}>
      <span className="fx-spinner" aria-hidden="true" />
      <span className="fl-layout-progress-text">
        Laying out {describeLayout(job.nodes, job.method)}
        {seconds > 0 ? ` · ${seconds} s` : ''}
      </span>
      <progress aria-label="Auto-layout in progress" />
      <button type="button" data-testid="layout-cancel" onClick={job.cancel} title="Stop the layout; nothing moves (Esc)">
        Cancel
      </button>
    </div>
  );
}
