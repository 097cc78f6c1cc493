/**
 * The home view: every model in the local library, newest first, with search, sort, templates and a
 * 30-day trash. Opening hands the loaded model to the caller.
 */
import './library.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Model } from '../../../shared/domain/index.ts';
import { plural } from '../../../shared/format.ts';
import { emptyModel } from '../store/emptyModel.ts';
import { useLibrary } from './context.tsx';
import { formatTimeAgo } from './formatTime.ts';
import type { ModelSummary } from './library.ts';
import { describeStorageError } from './storageErrors.ts';
import { TEMPLATES } from './templates.ts';

type Sort = 'updated' | 'name' | 'nodes';

interface Props {
  currentId: string | null;
  onOpen(model: Model): void;
  onOpenFile(): void;
  onClose?(): void;
  /** Renames a model; the open one is renamed in the editor (an undoable edit the library then saves). */
  onRename?(id: string, name: string): Promise<void>;
}

/** Our own refusals are plain Errors with a message for the user; storage failures get described. */
const messageOf = (e: unknown) =>
  e instanceof Error && e.name === 'Error' ? e.message : describeStorageError(e).message;

const thumbUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

export function LibraryHome({ currentId, onOpen, onOpenFile, onClose, onRename }: Props) {
  const library = useLibrary();
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  const [trash, setTrash] = useState<ModelSummary[]>([]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('updated');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoDelete, setUndoDelete] = useState<ModelSummary | null>(null);

  const refresh = useCallback(async () => {
    try {
      setModels(await library.list());
      setTrash(await library.trash());
    } catch (e) {
      setError(messageOf(e));
      setModels((m) => m ?? []);
    }
  }, [library]);

  useEffect(() => void refresh(), [refresh]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        setError(null);
        await action();
      } catch (e) {
        setError(messageOf(e));
      }
      await refresh();
    },
    [refresh],
  );

  const open = (id: string) =>
    run(async () => {
      const loaded = await library.load(id);
      if (!loaded) throw new Error('That model is no longer in the library.');
      if (!loaded.ok) throw new Error(`This model could not be read: ${loaded.error.message}. It was left as it is.`);
      onOpen(loaded.value);
    });

  const createFrom = (model: Model, name?: string) =>
    run(async () => {
      onOpen(await library.add(model, name));
    });

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = (models ?? []).filter((m) => !q || m.name.toLowerCase().includes(q));
    const by: Record<Sort, (a: ModelSummary, b: ModelSummary) => number> = {
      updated: (a, b) => b.updatedAt - a.updatedAt,
      name: (a, b) => a.name.localeCompare(b.name),
      nodes: (a, b) => b.nodeCount - a.nodeCount,
    };
    return list.sort(by[sort]);
  }, [models, query, sort]);

  return (
    <section className="fl-home" aria-label="Model library" data-testid="library-home">
      <header className="fl-home-head">
        <h1>Your models</h1>
        <input
          type="search"
          placeholder="Search models"
          aria-label="Search models"
          data-testid="library-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="Sort" data-testid="library-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="updated">Last edited</option>
          <option value="name">Name</option>
          <option value="nodes">Size</option>
        </select>
        <button type="button" className="fl-primary" data-testid="library-new" onClick={() => void createFrom(emptyModel())}>
          New blank model
        </button>
        <button type="button" data-testid="library-open-file" onClick={onOpenFile}>
          Open file…
        </button>
        {onClose && currentId && (
          <button type="button" data-testid="library-close" onClick={onClose}>
            Back to the model
          </button>
        )}
      </header>
      {error && (
        <p className="fl-home-error" role="alert" data-testid="library-error">
          {error}
        </p>
      )}
      {undoDelete && (
        <p className="fl-home-undo" role="status">
          “{undoDelete.name}” moved to the trash.{' '}
          <button
            type="button"
            data-testid="library-undo-delete"
            onClick={() => {
              const item = undoDelete;
              setUndoDelete(null);
              void run(() => library.restore(item.id));
            }}
          >
            Undo
          </button>
        </p>
      )}

      <div className="fl-home-grid" data-testid="library-list">
        {models === null && <p className="fl-muted">Opening the library…</p>}
        {models !== null && shown.length === 0 && (
          <p className="fl-muted">{query ? 'No model matches your search.' : 'No models yet: start from a template below or a blank model.'}</p>
        )}
        {shown.map((m) => (
          <article key={m.id} className={`fl-card${m.id === currentId ? ' is-current' : ''}`} data-testid={`library-item-${m.id}`}>
            <button type="button" className="fl-card-thumb" onClick={() => void open(m.id)} aria-label={`Open ${m.name}`} data-testid={`library-open-${m.id}`}>
              <img src={thumbUrl(m.thumbnail)} alt="" />
            </button>
            {renaming === m.id ? (
              <input
                autoFocus
                aria-label="Model name"
                data-testid={`library-rename-input-${m.id}`}
                defaultValue={m.name}
                onBlur={() => setRenaming(null)}
                onKeyDown={(e) => {
                  // Escape here ends the rename, not the library page.
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    setRenaming(null);
                  }
                  if (e.key === 'Enter') {
                    const name = e.currentTarget.value.trim();
                    setRenaming(null);
                    if (name && name !== m.name) void run(() => (onRename ? onRename(m.id, name) : library.rename(m.id, name)));
                  }
                }}
              />
            ) : (
              <h2 className="fl-card-name" title={m.name}>
                {m.name}
              </h2>
            )}
            <p className="fl-card-meta">
              {formatTimeAgo(m.updatedAt)} · {plural(m.nodeCount, 'node')} · {plural(m.edgeCount, 'edge')}
            </p>
            <div className="fl-card-actions">
              <button type="button" data-testid={`library-rename-${m.id}`} onClick={() => setRenaming(m.id)}>
                Rename
              </button>
              <button type="button" data-testid={`library-duplicate-${m.id}`} onClick={() => void run(() => library.duplicate(m.id))}>
                Duplicate
              </button>
              <button
                type="button"
                data-testid={`library-delete-${m.id}`}
                onClick={() =>
                  void run(async () => {
                    await library.moveToTrash(m.id);
                    setUndoDelete(m);
                  })
                }
              >
                Delete
              </button>
            </div>
          </article>
        ))}
      </div>

      {TEMPLATES.length > 0 && (
        <>
          <h2 className="fl-home-section">Start from a template</h2>
          <div className="fl-home-templates">
            {TEMPLATES.map((t) => (
              <button
                key={t.id}
                type="button"
                className="fl-template"
                data-testid={`library-template-${t.id}`}
                onClick={() => void createFrom(t.model)}
              >
                <strong>{t.name}</strong>
                <span>{t.description}</span>
                <span className="fl-muted">
                  {plural(t.model.nodes.length, 'node')} · {plural(t.model.scenarios.length, 'scenario')}
                </span>
              </button>
            ))}
          </div>
        </>
      )}

      {trash.length > 0 && (
        <details className="fl-home-trash" data-testid="library-trash">
          <summary>Trash ({trash.length}) — kept 30 days</summary>
          <ul>
            {trash.map((m) => (
              <li key={m.id} data-testid={`library-trash-item-${m.id}`}>
                <span>{m.name}</span>
                <span className="fl-muted">deleted {formatTimeAgo(m.deletedAt ?? 0)}</span>
                <button type="button" data-testid={`library-restore-${m.id}`} onClick={() => void run(() => library.restore(m.id))}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
