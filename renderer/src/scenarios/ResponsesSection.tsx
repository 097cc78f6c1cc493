/**
 * The responses of the shown scenario (domain.md §6): what the defenders do, at an hour after the break.
 * Rotate a secret (copies stolen before then stop working) or revoke a secret or an identity (down, and
 * carrying nothing, from then on). Each add, change and delete is a model edit: one undo step, saved in the
 * file. The room's favourite question: "we rotated the token 4 hours after the leak: what did the attacker
 * still get?"
 */
import { useMemo, useState } from 'react';
import type { Model, ModelNode, ResponseAction, Scenario } from '../../../shared/domain/index.ts';
import { RESPONSE_ACTIONS, RESPONSE_INFO, responseApplies } from '../../../shared/domain/index.ts';
import { useScenarioActions } from './context.tsx';
import { Glyph } from './glyphs.tsx';

const byLabel = (a: ModelNode, b: ModelNode) => (a.label || a.id).localeCompare(b.label || b.id) || (a.id < b.id ? -1 : 1);

/** The hours typed, or null when they are not hours ≥ 0. */
const hoursOf = (text: string): number | null => {
  const v = Number(text.trim().replace(/\s*h$/, ''));
  return text.trim() !== '' && Number.isFinite(v) && v >= 0 ? v : null;
};

export function ResponsesSection({ model, scenario, selectedNode }: { model: Model; scenario: Scenario; selectedNode: ModelNode | undefined }) {
  const actions = useScenarioActions();
  const nodes = useMemo(() => new Map(model.nodes.map((n) => [n.id, n])), [model.nodes]);
  return (
    <>
      <h4>Responses</h4>
      {scenario.responses.length === 0 && (
        <p className="fx-empty">None. What if the team rotated or revoked a credential some hours after the break? Add it here.</p>
      )}
      <ul className="fx-lines" data-testid="scenario-responses">
        {scenario.responses.map((r, i) => {
          const node = nodes.get(r.node);
          const label = node?.label || r.node;
          const applicable = node ? RESPONSE_ACTIONS.filter((a) => responseApplies(a, node.kind)) : [r.action];
          return (
            <li key={i} className="is-response" data-testid={`scenario-response-${i}`} title={RESPONSE_INFO[r.action].meaning}>
              <Glyph name={r.action} size={13} />
              <span className="fx-line-text fx-response-line">
                <select
                  aria-label={`Action on ${label}`}
                  data-testid={`scenario-response-action-${i}`}
                  value={r.action}
                  onChange={(e) => actions.updateResponse(i, { action: e.target.value as ResponseAction })}
                >
                  {applicable.map((a) => (
                    <option key={a} value={a}>
                      {RESPONSE_INFO[a].title}
                    </option>
                  ))}
                </select>
                <strong>{label}</strong>
                <span className="fx-response-at">
                  at
                  <HoursInput
                    value={r.at}
                    label={`Hour of the response on ${label}`}
                    testId={`scenario-response-at-${i}`}
                    onCommit={(at) => actions.updateResponse(i, { at }, true)}
                    onDone={actions.done}
                  />
                  h
                </span>
              </span>
              <button
                type="button"
                className="fx-x"
                aria-label="Delete this response"
                title="Delete this response (undo brings it back)"
                data-testid={`scenario-response-delete-${i}`}
                onClick={() => actions.removeResponse(i)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <AddResponse key={selectedNode?.id ?? ''} model={model} selectedNode={selectedNode} />
    </>
  );
}

/** "Rotate [CI token] at [2] h [Add]": the node defaults to the selected one when the action applies to it. */
function AddResponse({ model, selectedNode }: { model: Model; selectedNode: ModelNode | undefined }) {
  const actions = useScenarioActions();
  const initial: ResponseAction = selectedNode && !responseApplies('rotate', selectedNode.kind) ? 'revoke' : 'rotate';
  const [action, setAction] = useState<ResponseAction>(initial);
  const [hours, setHours] = useState('');
  const candidates = useMemo(() => model.nodes.filter((n) => responseApplies(action, n.kind)).sort(byLabel), [model.nodes, action]);
  const [picked, setPicked] = useState<string | null>(selectedNode?.id ?? null);
  const node = candidates.find((n) => n.id === picked) ?? candidates[0];
  const at = hoursOf(hours);
  const bad = hours.trim() !== '' && at === null;
  if (model.nodes.every((n) => !responseApplies('revoke', n.kind))) {
    return <p className="fx-empty">Add a secret or an identity to the model to rotate or revoke it.</p>;
  }
  const add = () => {
    if (!node || at === null) return;
    actions.addResponse({ action, node: node.id, at });
    setHours('');
  };
  return (
    <form
      className="fx-response-form"
      data-testid="scenario-add-response"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <select aria-label="Response" data-testid="scenario-add-response-action" value={action} onChange={(e) => setAction(e.target.value as ResponseAction)}>
        {RESPONSE_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {RESPONSE_INFO[a].title}
          </option>
        ))}
      </select>
      <select aria-label="On" data-testid="scenario-add-response-node" value={node?.id ?? ''} onChange={(e) => setPicked(e.target.value)}>
        {candidates.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label || n.id}
          </option>
        ))}
      </select>
      <label className="fx-response-at">
        at
        <input
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          placeholder="hours"
          aria-label="Hours after the break"
          aria-invalid={bad}
          data-testid="scenario-add-response-at"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
        h
      </label>
      <button type="submit" className="fx-button" data-testid="scenario-add-response-submit" disabled={!node || at === null}>
        Add
      </button>
      <span className={`fx-field-hint${bad ? ' is-bad' : ''}`}>
        {bad ? 'Hours after the break: a number, 0 or more' : node ? `${RESPONSE_INFO[action].title}: ${RESPONSE_INFO[action].meaning}.` : ''}
      </span>
    </form>
  );
}

/** An hour field that commits every valid keystroke (one undo step while typing) and marks a bad one. */
function HoursInput(props: { value: number; label: string; testId: string; onCommit(at: number): void; onDone(): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(props.value);
  const bad = draft !== null && hoursOf(draft) === null;
  return (
    <input
      className="fx-hours"
      type="number"
      inputMode="decimal"
      min={0}
      step="any"
      aria-label={props.label}
      aria-invalid={bad}
      title={bad ? 'Hours after the break: a number, 0 or more (nothing changed)' : undefined}
      data-testid={props.testId}
      value={text}
      onChange={(e) => {
        setDraft(e.target.value);
        const at = hoursOf(e.target.value);
        if (at !== null) props.onCommit(at);
      }}
      onBlur={() => {
        setDraft(null);
        props.onDone();
      }}
    />
  );
}
