/**
 * File ▸ Import…: pick what to import and the files (or a folder, or drop them), see what will be created
 * (counts per kind, findings, warnings) before anything changes, then apply it as one undoable edit. The
 * library keeps a version of the model from before the import (LibraryShell's automatic versions).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NodeKind } from '../../../shared/domain/index.ts';
import { NODE_KINDS } from '../../../shared/domain/index.ts';
import type { ImportKind } from '../../../shared/import/index.ts';
import { IMPORT_KINDS, IMPORTERS, importFiles, planImport, where } from '../../../shared/import/index.ts';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';
import { useFocusTrap } from '../shell/useFocusTrap.ts';
import { useEscapeToClose } from '../shell/useEscapeToClose.ts';
import { useModelStore } from '../store/context.tsx';
import type { PickedFiles } from './readFiles.ts';
import { readPicked } from './readFiles.ts';
import './importDialog.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SHOWN_FILES = 6;
/** Long lists stop here; the CLI prints them all. */
const SHOWN_ITEMS = 200;

interface ImportDialogProps {
  onClose(): void;
  /** Applies the plan as one edit; resolves once it is on the canvas. */
  onApply(plan: ReturnType<typeof planImport>, summary: string): Promise<void>;
}

export function ImportDialog({ onClose, onApply }: ImportDialogProps) {
  const model = useModelStore((s) => s.model);
  const [kind, setKind] = useState<ImportKind>('github-actions');
  const [picked, setPicked] = useState<PickedFiles | null>(null);
  const [fromFolder, setFromFolder] = useState(false);
  const [raw, setRaw] = useState<File[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const firstKind = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useFocusTrap(dialog, firstKind);

  // Chromium and Electron pick folders through this non-standard attribute, which React does not know.
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);

  // The same files read again when the kind changes: a folder keeps only what the new importer reads.
  useEffect(() => {
    if (raw.length === 0) return;
    let stale = false;
    setBusy(`Reading ${plural(raw.length, 'file')}…`);
    readPicked(kind, raw, fromFolder).then(
      (p) => !stale && (setPicked(p), setBusy(null)),
      (e: unknown) => !stale && (setFailure(`Could not read the files: ${(e as Error).message}`), setBusy(null)),
    );
    return () => {
      stale = true;
    };
  }, [kind, raw, fromFolder]);

  const outcome = useMemo(() => (picked && picked.files.length ? importFiles(kind, picked.files) : null), [kind, picked]);
  const plan = useMemo(() => (outcome?.ok ? planImport(model, outcome.value.graph) : null), [outcome, model]);

  useEscapeToClose(onClose, busy !== null);

  const choose = (list: FileList | null, folder: boolean) => {
    setFailure(null);
    setFromFolder(folder);
    setRaw(list ? [...list] : []);
    if (!list?.length) setPicked(null);
  };

  const counts = new Map<NodeKind, number>();
  for (const n of plan?.nodes ?? []) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const summary = plan
    ? `${plural(plan.nodes.length, 'node')}, ${plural(plan.edges.length, 'edge')}, ${plural(plan.boundaries.length, 'boundary', 'boundaries')}, ${plural(plan.notes.length, 'note')}`
    : '';
  const nothingNew = plan !== null && plan.nodes.length + plan.edges.length + plan.boundaries.length + plan.notes.length === 0;

  const apply = async () => {
    if (!plan || !outcome?.ok) return;
    setBusy('Laying out the imported part…');
    try {
      await onApply(plan, `Imported ${plural(outcome.value.files, 'file')} (${IMPORTERS[kind].label}): ${summary}.`);
    } catch (e) {
      setFailure(`The import could not be applied: ${(e as Error).message}. Nothing was changed.`);
      setBusy(null);
    }
  };

  return (
    <div
      className="fl-modal-backdrop"
      onMouseDown={() => !busy && onClose()}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={(e) => {
        // Dropped here, files are for the import, not opened as a model (the window's own drop handler).
        e.preventDefault();
        e.stopPropagation();
        choose(e.dataTransfer.files, false);
      }}
      data-own-keys
    >
      <div ref={dialog} className="fl-modal fl-import" role="dialog" aria-modal="true" aria-labelledby="fl-import-title" data-testid="import-dialog" tabIndex={-1} onMouseDown={(e) => e.stopPropagation()}>
        <header>
          <h2 id="fl-import-title">Import</h2>
          <button type="button" aria-label="Close" data-testid="action-close-import" disabled={!!busy} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="fl-import-body">
          <form className="fl-import-form" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>What to import</legend>
              {IMPORT_KINDS.map((k, i) => (
                <label key={k} className="fl-import-kind">
                  <input ref={i === 0 ? firstKind : undefined} type="radio" name="import-kind" data-testid={`import-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} />
                  <span>
                    <strong>{IMPORTERS[k].label}</strong>
                    <small>{IMPORTERS[k].reads}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Files</legend>
              <div className="fl-import-pick">
                <button type="button" data-testid="import-choose-files" onClick={() => filesInput.current?.click()}>
                  Choose files…
                </button>
                <button type="button" data-testid="import-choose-folder" onClick={() => folderInput.current?.click()}>
                  Choose folder…
                </button>
              </div>
              <input ref={filesInput} type="file" multiple hidden data-testid="import-files-input" accept={IMPORTERS[kind].extensions.join(',')} onChange={(e) => choose(e.target.files, false)} />
              <input ref={folderInput} type="file" multiple hidden data-testid="import-folder-input" onChange={(e) => choose(e.target.files, true)} />
              <p className="fl-import-hint">or drop files on this dialog. Nothing changes until you press Import.</p>
              {picked ? (
                <ul className="fl-import-files" data-testid="import-files">
                  {picked.files.slice(0, SHOWN_FILES).map((f) => (
                    <li key={f.name} title={f.name}>
                      {f.name}
                    </li>
                  ))}
                  {picked.files.length > SHOWN_FILES ? <li>and {plural(picked.files.length - SHOWN_FILES, 'more file')}</li> : null}
                  {picked.skipped ? <li className="fl-import-skipped">{plural(picked.skipped, 'other file')} in the folder skipped</li> : null}
                </ul>
              ) : null}
            </fieldset>
          </form>

          <section className="fl-import-preview" aria-label="Preview" data-testid="import-preview" data-state={outcome ? (outcome.ok ? 'ready' : 'error') : 'empty'}>
            {!outcome ? (
              <p className="fl-import-empty">
                Choose {IMPORTERS[kind].label} files to see what they become: nodes per kind, findings, and what was guessed or left out.
              </p>
            ) : !outcome.ok ? (
              <div className="fl-import-error" role="alert" data-testid="import-error">
                <strong>Could not read {outcome.error.file ? where(outcome.error) : 'the files'}</strong>
                <p>{outcome.error.message}. Nothing was imported.</p>
              </div>
            ) : plan ? (
              <>
                <p className="fl-import-summary" data-testid="import-summary">
                  {plural(outcome.value.files, 'file')} → {summary}
                  {plan.already.nodes ? <span> ({plural(plan.already.nodes, 'node')} already in the model, kept as they are)</span> : null}
                </p>
                <ul className="fl-import-counts">
                  {NODE_KINDS.filter((k) => counts.has(k)).map((k) => (
                    <li key={k} data-testid={`import-count-${k}`} style={{ '--kind': NODE_REGISTRY[k].color } as React.CSSProperties}>
                      <span className="fl-import-dot" aria-hidden="true" />
                      <span>{NODE_REGISTRY[k].label}</span>
                      <strong>{counts.get(k)}</strong>
                    </li>
                  ))}
                </ul>
                {outcome.value.findings.length ? (
                  <>
                    <h3>Findings ({outcome.value.findings.length})</h3>
                    <ul className="fl-import-findings" data-testid="import-findings">
                      {outcome.value.findings.slice(0, SHOWN_ITEMS).map((f, i) => (
                        <li key={i} data-severity={f.severity}>
                          <span className="fl-import-sev">{f.severity}</span>
                          <span>
                            <strong>{f.title}</strong> — {f.message} <em>{where(f)}</em>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <h3>Warnings ({outcome.value.warnings.length})</h3>
                <ul className="fl-import-warnings" data-testid="import-warnings">
                  {outcome.value.warnings.length === 0 ? <li>None: everything in the files was understood.</li> : null}
                  {outcome.value.warnings.slice(0, SHOWN_ITEMS).map((w, i) => (
                    <li key={i}>
                      <em>{where(w)}</em> {w.message}
                    </li>
                  ))}
                  {outcome.value.warnings.length > SHOWN_ITEMS ? <li>and {plural(outcome.value.warnings.length - SHOWN_ITEMS, 'more warning')}</li> : null}
                </ul>
              </>
            ) : null}
          </section>
        </div>
        <footer className="fl-import-footer">
          <span className="fl-import-status" role="status" aria-live="polite" data-testid="import-status">
            {failure ?? busy ?? (nothingNew ? 'Everything in these files is already in the model.' : '')}
          </span>
          <button type="button" data-testid="action-import-cancel" disabled={!!busy} onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="fl-primary" data-testid="action-import-apply" disabled={!plan || nothingNew || !!busy} onClick={() => void apply()}>
            {plan && !nothingNew ? `Import ${plural(plan.nodes.length, 'node')}` : 'Import'}
          </button>
        </footer>
      </div>
    </div>
  );
}
