/**
 * The model's findings (domain.md §9, from lintModel in the worker): severity, OWASP NHI Top 10 ids and the
 * other mappings, the message; a click selects the nodes and edges involved and frames them.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import type { Finding, Severity } from '../../../shared/analysis/index.ts';
import { SEVERITIES } from '../../../shared/analysis/index.ts';
import { useModelStoreApi } from '../store/context.tsx';
import { useScenarioStore } from './context.tsx';
import { useRowWindow } from './useRowWindow.ts';

const NONE: readonly Finding[] = [];

/**
 * A long list draws the findings in sight (useRowWindow.ts): a 2,000-node model has about 1,500, and
 * drawing them all froze a tab switch, then cost every hop of a played break its layers.
 */
export function FindingsPanel() {
  const findings = useScenarioStore((s) => s.findings);
  const badges = useScenarioStore((s) => s.findingBadges);
  const setBadges = useScenarioStore((s) => s.setFindingBadges);
  const models = useModelStoreApi();
  const flow = useReactFlow();
  const [only, setOnly] = useState<Severity | null>(null);
  const matching = useMemo(() => (findings && only ? findings.filter((f) => f.severity === only) : (findings ?? NONE)), [findings, only]);
  const keys = useMemo(() => matching.map((f) => f.id), [matching]);
  const list = useRef<HTMLUListElement>(null);
  const { window: win } = useRowWindow(list, keys);

  if (!findings) {
    return (
      <section className="fx-panel fx-findings" data-testid="findings-panel" aria-label="Findings">
        <p className="fx-empty">Checking the model…</p>
      </section>
    );
  }
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;

  const select = (f: Finding) => {
    models.getState().setSelection({ nodes: f.nodes, edges: f.nodes.length ? [] : f.edges, boundaries: [] });
    // Hidden nodes too: a large model's dimmed cards may be a picture (canvas/usePictured.ts).
    if (f.nodes.length) void flow.fitView({ nodes: f.nodes.map((id) => ({ id })), duration: 250, maxZoom: 1.2, padding: 0.3, includeHiddenNodes: true });
  };

  return (
    <section className="fx-panel fx-findings" data-testid="findings-panel" aria-label="Findings">
      <header className="fx-panel-head">
        <div className="fx-sev-filter" role="group" aria-label="Filter by severity">
          <button type="button" className={`fx-sev-button${only === null ? ' is-on' : ''}`} aria-pressed={only === null} onClick={() => setOnly(null)}>
            All {findings.length}
          </button>
          {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
            <button key={s} type="button" className={`fx-sev-button sev-${s}${only === s ? ' is-on' : ''}`} aria-pressed={only === s} onClick={() => setOnly(only === s ? null : s)}>
              {s} {counts[s]}
            </button>
          ))}
        </div>
        <label className="fx-check">
          <input type="checkbox" checked={badges} onChange={(e) => setBadges(e.target.checked)} data-testid="findings-badges" />
          Badges on canvas
        </label>
      </header>
      {findings.length === 0 ? (
        <p className="fx-empty">No findings: nothing in the model matches the OWASP NHI Top 10 checks.</p>
      ) : (
        <ul className="fx-finding-list" ref={list}>
          {win.before > 0 && <li className="fx-finding-blank" aria-hidden="true" style={{ height: win.before }} />}
          {matching.slice(win.start, win.end).map((f) => (
            <li key={f.id} data-key={f.id}>
              <button type="button" className="fx-finding" data-testid={`finding-${f.id}`} onClick={() => select(f)} title="Select what this finding is about">
                <span className={`fx-sev sev-${f.severity}`}>{f.severity}</span>
                <span className="fx-finding-main">
                  <span className="fx-finding-title">{f.title}</span>
                  <span className="fx-finding-message">{f.message}</span>
                </span>
                <span className="fx-finding-ids">
                  {f.owasp.map((id) => (
                    <span key={id} className="fx-id is-owasp" title="OWASP Non-Human Identities Top 10 (2025)">
                      {id}
                    </span>
                  ))}
                  {f.llm.map((id) => (
                    <span key={id} className="fx-id" title="OWASP Top 10 for LLM / agentic applications">
                      {id}
                    </span>
                  ))}
                  {f.csf.map((id) => (
                    <span key={id} className="fx-id is-csf" title="NIST CSF 2.0">
                      {id}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          ))}
          {win.after > 0 && <li className="fx-finding-blank" aria-hidden="true" style={{ height: win.after }} />}
        </ul>
      )}
    </section>
  );
}
