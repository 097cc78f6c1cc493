/**
 * Named snapshots of the open model: take one, see when and how big each was, compare one with the
 * current model, restore one (the caller makes the restore an undoable edit).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Model, ModelDiff } from '../../../shared/domain/index.ts';
import { diffModels } from '../../../shared/domain/index.ts';
import { plural } from '../../../shared/format.ts';
import { useLibrary } from './context.tsx';
import { formatTimeAgo } from './formatTime.ts';
import type { SnapshotSummary } from './library.ts';
import { describeStorageError } from './storageErrors.ts';

interface Props {
  model: Model;
  /** Writes pending autosave first, so a snapshot holds what is on screen. */
  flush(): Promise<void>;
  onRestore(model: Model, snapshotName: string): void;
}

export function VersionsPanel({ model, flush, onRestore }: Props) {
  const library = useLibrary();
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([]);
  const [name, setName] = useState('');
  const [compare, setCompare] = useState<{ snapshot: SnapshotSummary; diff: ModelDiff } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setSnapshots(await library.snapshots(model.id));
    } catch (e) {
      setError(describeStorageError(e).message);
    }
  }, [library, model.id]);
  useEffect(() => void refresh(), [refresh]);

  const take = async () => {
    try {
      setError(null);
      await flush();
      await library.snapshot(model.id, name.trim() || `Snapshot ${new Date().toLocaleString()}`);
      setName('');
      await refresh();
    } catch (e) {
      setError(describeStorageError(e).message);
    }
  };

  const load = async (snapshot: SnapshotSummary): Promise<Model | null> => {
    const loaded = await library.loadSnapshot(snapshot.id);
    if (!loaded?.ok) {
      setError(loaded ? `This snapshot could not be read: ${loaded.error.message}` : 'This snapshot is gone.');
      return null;
    }
    return loaded.value;
  };

  return (
    <section className="fl-versions" aria-label="Versions" data-testid="versions-panel">
      <form
        className="fl-versions-new"
        onSubmit={(e) => {
          e.preventDefault();
          void take();
        }}
      >
        <input
          aria-label="Snapshot name"
          placeholder="Name this version"
          data-testid="snapshot-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" data-testid="action-snapshot">
          Save version
        </button>
      </form>
      {error && (
        <p role="alert" className="fl-home-error">
          {error}
        </p>
      )}
      {snapshots.length === 0 && <p className="fl-muted">No versions yet. Faultline also keeps one before every import, layout and bulk delete.</p>}
      <ul className="fl-versions-list">
        {snapshots.map((s) => (
          <li key={s.id} data-testid={`snapshot-${s.id}`}>
            <div>
              <strong>{s.name}</strong>
              {s.auto && <span className="fl-chip">auto</span>}
            </div>
            <div className="fl-muted">
              {formatTimeAgo(s.createdAt)} · {plural(s.nodeCount, 'node')} · {plural(s.edgeCount, 'edge')}
            </div>
            <div className="fl-card-actions">
              <button
                type="button"
                data-testid={`snapshot-compare-${s.id}`}
                onClick={() =>
                  void load(s).then((old) => old && setCompare({ snapshot: s, diff: diffModels(old, model) }))
                }
              >
                Compare
              </button>
              <button type="button" data-testid={`snapshot-restore-${s.id}`} onClick={() => void load(s).then((old) => old && onRestore(old, s.name))}>
                Restore
              </button>
            </div>
          </li>
        ))}
      </ul>
      {compare && <DiffSummary name={compare.snapshot.name} diff={compare.diff} onClose={() => setCompare(null)} />}
    </section>
  );
}

function DiffSummary({ name, diff, onClose }: { name: string; diff: ModelDiff; onClose(): void }) {
  const rows = (['nodes', 'edges', 'boundaries', 'scenarios'] as const).map((k) => ({ k, d: diff[k] }));
  const label = (x: { id: string; label?: string; name?: string }) => x.label || x.name || x.id;
  return (
    <div className="fl-diff" data-testid="snapshot-diff">
      <h3>
        “{name}” → now <button type="button" aria-label="Close comparison" onClick={onClose}>×</button>
      </h3>
      {diff.fields.length > 0 && <p>Model {diff.fields.join(', ')} changed.</p>}
      {rows.map(({ k, d }) => (
        <div key={k}>
          <p data-testid={`diff-${k}`}>
            <strong>{k}</strong>: {d.added.length} added, {d.removed.length} removed, {d.changed.length} changed
          </p>
          <ul>
            {d.added.map((x) => (
              <li key={`+${x.id}`} className="diff-added">+ {label(x)}</li>
            ))}
            {d.removed.map((x) => (
              <li key={`-${x.id}`} className="diff-removed">− {label(x)}</li>
            ))}
            {d.changed.map((c) => (
              <li key={`~${c.id}`} className="diff-changed">
                ~ {label(c.after)}: {c.fields.join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
