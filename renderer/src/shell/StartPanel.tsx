/**
 * What an empty canvas offers: start from a template, open a file, or draw (drag a kind, press N). Shown on
 * first launch and after New, gone with the first node. It sits in the lower part of the canvas and leaves
 * the rest of it free to drop kinds on.
 */
import { TEMPLATES } from '../library/templates.ts';
import { useModelStore } from '../store/context.tsx';
import { useDocumentActions } from './useDocumentActions.ts';
import { useStartFrom } from './useStartFrom.ts';

export function StartPanel({ onAddFirst }: { onAddFirst: () => void }) {
  const empty = useModelStore((s) => s.model.nodes.length === 0 && s.model.boundaries.length === 0);
  const { open } = useDocumentActions();
  const startFrom = useStartFrom();
  if (!empty) return null;
  return (
    <section className="fl-start" aria-label="Start a threat model" data-testid="start-panel">
      <header className="fl-start-head">
        <h2>Start a threat model</h2>
        <div className="fl-start-actions">
          <button type="button" className="fl-primary" data-testid="start-blank" onClick={onAddFirst} title="Add the first node (N)">
            Draw from scratch
          </button>
          <button type="button" data-testid="start-open" onClick={() => void open()}>
            Open a file…
          </button>
        </div>
      </header>
      <p className="fl-muted">Drag a kind onto the canvas or press N, or begin from a worked example and make it yours:</p>
      <ul className="fl-start-templates">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" data-testid={`start-template-${t.id}`} onClick={() => void startFrom(t)}>
              <span className="fl-start-title">
                <strong>{t.name}</strong>
                <span className="fl-muted">
                  {t.model.nodes.length} nodes · {t.model.scenarios.length} scenarios
                </span>
              </span>
              <span className="fl-start-text" title={t.description}>
                {t.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
