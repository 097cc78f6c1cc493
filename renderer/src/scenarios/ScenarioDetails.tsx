/**
 * The shown scenario in full: its name, breaks (with prevented ones explained), what-if changes, edges
 * left out, responses (rotate, revoke at an hour), response time and exposure limit, and the switch for
 * "for this scenario only" editing.
 */
import { useState } from 'react';
import type { BreakMode, Model, Scenario } from '../../../shared/domain/index.ts';
import { BREAK_INFO, BREAK_MODES, breakApplies } from '../../../shared/domain/index.ts';
import { useModelStore } from '../store/context.tsx';
import { useScenarioActions, useScenarioStore } from './context.tsx';
import { formatTime } from './format.ts';
import { Glyph } from './glyphs.tsx';
import { ResponsesSection } from './ResponsesSection.tsx';
import { whatIfLines } from './scenarioOps.ts';

export function itemName(model: Model, id: string): string {
  const node = model.nodes.find((n) => n.id === id);
  if (node) return node.label || node.id;
  const edge = model.edges.find((e) => e.id === id);
  if (!edge) return id;
  const end = (nid: string) => model.nodes.find((n) => n.id === nid)?.label || nid;
  return `${end(edge.source)} → ${end(edge.target)} (${edge.kind})`;
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function ScenarioDetails({ scenario }: { scenario: Scenario | null }) {
  if (!scenario) {
    return (
      <section className="fx-panel fx-details" aria-label="Scenario">
        <p className="fx-empty">
          Pick a scenario to see its blast radius, or right-click a node on the canvas and choose what breaks.
        </p>
      </section>
    );
  }
  return <Details key={scenario.id} scenario={scenario} />;
}

function Details({ scenario }: { scenario: Scenario }) {
  const model = useModelStore((s) => s.model);
  const selection = useModelStore((s) => s.selection);
  const actions = useScenarioActions();
  const whatIf = useScenarioStore((s) => s.whatIf);
  const setWhatIf = useScenarioStore((s) => s.setWhatIf);
  const error = useScenarioStore((s) => s.run.error);
  const prevented = useScenarioStore((s) => (s.shown?.scenario.id === scenario.id ? s.shown.result.prevented : null));
  const lines = whatIfLines(model, scenario);
  const selectedNode = selection.nodes.length === 1 ? model.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const selectedEdge = selection.edges.length === 1 && selection.nodes.length === 0 ? selection.edges[0] : null;
  const modes = selectedNode ? BREAK_MODES.filter((m) => breakApplies(m, selectedNode.kind) && !scenario.breaks.some((b) => b.mode === m && b.node === selectedNode.id)) : [];

  return (
    <section className="fx-panel fx-details" aria-label={`Scenario ${scenario.name || scenario.id}`} data-testid="scenario-details">
      <label className="fx-field">
        <span className="fx-field-title">Name</span>
        <input
          data-testid="scenario-name"
          value={scenario.name}
          placeholder={scenario.id}
          onChange={(e) => actions.rename(scenario.id, e.target.value, true)}
          onBlur={actions.done}
        />
      </label>

      <button
        type="button"
        className={`fx-whatif-toggle${whatIf ? ' is-on' : ''}`}
        data-testid="action-whatif"
        aria-pressed={whatIf}
        onClick={() => setWhatIf(!whatIf)}
        title="When on, property edits in the inspector apply to this scenario only"
      >
        <Glyph name="whatif" size={13} />
        {whatIf ? 'What-if editing on: inspector edits apply to this scenario only' : 'What-if editing off'}
      </button>

      {error && (
        <p className="fx-error" role="alert" data-testid="scenario-error">
          Cannot simulate: {error.message}
        </p>
      )}

      <h4>Breaks</h4>
      {scenario.breaks.length === 0 && <p className="fx-empty">None yet: right-click a node on the canvas.</p>}
      <ul className="fx-lines">
        {scenario.breaks.map((b) => {
          const isPrevented = prevented?.some((p) => p.mode === b.mode && p.node === b.node);
          return (
            <li key={`${b.mode}:${b.node}`} data-testid={`scenario-break-${b.mode}-${b.node}`} title={BREAK_INFO[b.mode].meaning}>
              <Glyph name={isPrevented ? 'prevented' : 'break'} size={13} />
              <span className="fx-line-text">
                <strong>{BREAK_INFO[b.mode].title}</strong> {itemName(model, b.node)}
                {isPrevented && <span className="fx-prevented"> — prevented: it renews itself (autoRenew), so it never expires</span>}
              </span>
              <button type="button" className="fx-x" aria-label="Remove this break" title="Remove this break" onClick={() => actions.toggleBreak(b.node, b.mode)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {selectedNode && modes.length > 0 && (
        <select
          className="fx-add-break"
          data-testid="scenario-add-break"
          value=""
          aria-label={`Add a break on ${selectedNode.label || selectedNode.id}`}
          onChange={(e) => e.target.value && actions.toggleBreak(selectedNode.id, e.target.value as BreakMode)}
        >
          <option value="">+ Break {selectedNode.label || selectedNode.id}…</option>
          {modes.map((m) => (
            <option key={m} value={m}>
              {BREAK_INFO[m].title}: {BREAK_INFO[m].meaning}
            </option>
          ))}
        </select>
      )}

      <h4>What-if changes</h4>
      {lines.length === 0 ? (
        <p className="fx-empty">None. Turn on what-if editing and change properties in the inspector.</p>
      ) : (
        <ul className="fx-lines">
          {lines.map((l) => (
            <li key={`${l.id}:${l.prop}`} className="is-whatif" data-testid={`whatif-${l.id}-${l.prop}`}>
              <Glyph name="whatif" size={12} />
              <span className="fx-line-text">
                {itemName(model, l.id)}: <code>{l.prop}</code> {show(l.from)} → <strong>{show(l.to)}</strong>
                <span className="fx-muted"> (this scenario only)</span>
              </span>
              <button type="button" className="fx-x" aria-label="Drop this change" title="Drop this change" onClick={() => actions.dropWhatIf(l.id, l.prop)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      <h4>Edges left out</h4>
      {scenario.removed.length === 0 && !selectedEdge && <p className="fx-empty">None. Select an edge to leave it out of this scenario.</p>}
      <ul className="fx-lines">
        {scenario.removed.map((id) => (
          <li key={id} className="is-removed" data-testid={`removed-${id}`}>
            <span className="fx-line-text">{itemName(model, id)}</span>
            <button type="button" className="fx-x" aria-label="Bring this edge back" title="Bring this edge back" onClick={() => actions.toggleRemovedEdge(id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {selectedEdge && !scenario.removed.includes(selectedEdge) && (
        <button type="button" className="fx-button" data-testid="scenario-remove-edge" onClick={() => actions.toggleRemovedEdge(selectedEdge)}>
          Leave out {itemName(model, selectedEdge)}
        </button>
      )}

      <ResponsesSection model={model} scenario={scenario} selectedNode={selectedNode} />

      <h4>Containment and limit</h4>
      <div className="fx-params">
        <NumberField
          label="Response time (h)"
          testId="scenario-response-hours"
          value={scenario.params.responseHours}
          hint={`${formatTime(scenario.params.responseHours)} from detection to containment`}
          onCommit={(v, typing) => {
            if (v === null || v < 0) return false;
            actions.setParams(scenario.id, { responseHours: v }, typing);
            return true;
          }}
          onDone={actions.done}
          min={0}
        />
        <NumberField
          label="Max exposure (%)"
          testId="scenario-max-exposure"
          value={scenario.params.maxExposure === undefined ? null : Number((scenario.params.maxExposure * 100).toFixed(2))}
          hint="CI fails the model above this (faultline check); empty: no limit"
          onCommit={(v, typing) => {
            if (v !== null && (v < 0 || v > 100)) return false;
            actions.setParams(scenario.id, { maxExposure: v === null ? null : v / 100 }, typing);
            return true;
          }}
          onDone={actions.done}
          min={0}
          max={100}
        />
      </div>
    </section>
  );
}

function NumberField(props: {
  label: string;
  testId: string;
  value: number | null;
  hint: string;
  min?: number;
  max?: number;
  /** Returns false when the value is refused. */
  onCommit(value: number | null, typing: boolean): boolean;
  onDone(): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const text = draft ?? (props.value === null ? '' : String(props.value));
  const commit = (raw: string) => {
    const v = raw.trim() === '' ? null : Number(raw);
    const ok = v === null || Number.isFinite(v) ? props.onCommit(v, true) : false;
    setBad(!ok);
  };
  return (
    <label className="fx-field">
      <span className="fx-field-title">{props.label}</span>
      <input
        type="number"
        inputMode="decimal"
        data-testid={props.testId}
        value={text}
        min={props.min}
        max={props.max}
        aria-invalid={bad}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => {
          setDraft(null);
          setBad(false);
          props.onDone();
        }}
      />
      <span className={`fx-field-hint${bad ? ' is-bad' : ''}`}>{bad ? 'Not a valid value: nothing changed' : props.hint}</span>
    </label>
  );
}
