import { useState } from 'react';
import type { FieldSpec } from './fields.ts';
import { acceptedValues } from './fields.ts';

/** Shown for a prop whose value differs across the selected items. */
export const MIXED = Symbol('mixed');
type FieldValue = unknown;

/** Commits a value; returns the schema's message when it is refused (nothing changes then). */
export type Commit = (value: unknown, typing: boolean) => string | null;

interface Props {
  spec: FieldSpec;
  value: FieldValue;
  help: string;
  onCommit: Commit;
  onDone: () => void;
}

function toText(spec: FieldSpec, value: FieldValue): string {
  if (value === MIXED || value === null || value === undefined) return '';
  if (spec.type === 'date') return String(value).slice(0, 10);
  return String(value);
}

/** One inspector field: the control the schema calls for, its help line, and the refusal message if any. */
export function PropField({ spec, value, help, onCommit, onDone }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `field-${spec.name}`;
  const mixed = value === MIXED;

  const commit = (v: unknown, typing: boolean) => {
    const refused = onCommit(v, typing);
    const problem = refused === null ? null : acceptedValues(spec, refused);
    setError(problem);
    return problem;
  };

  /** Text and numbers commit while typing (one undo step per field), if the schema accepts the value. */
  const onText = (text: string) => {
    setDraft(text);
    if (spec.type === 'number') {
      const trimmed = text.trim();
      if (trimmed === '') {
        if (spec.nullable) commit(null, true);
        else setError(acceptedValues(spec, 'expected a number'));
        return;
      }
      const n = Number(trimmed);
      if (!Number.isFinite(n)) setError(acceptedValues(spec, 'expected a number'));
      else commit(n, true);
    } else if (spec.type === 'date') {
      if (text === '' && spec.nullable) commit(null, true);
      else commit(text, true);
    } else commit(text, true);
  };

  const blur = () => {
    if (!error) setDraft(null);
    onDone();
  };

  let control: React.ReactNode;
  switch (spec.type) {
    case 'enum':
      control = (
        <select
          id={id}
          data-testid={id}
          value={mixed ? '' : String(value)}
          onChange={(e) => commit(e.target.value, false)}
        >
          {mixed && <option value="">(mixed)</option>}
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      control = (
        <span className="fl-toggle">
          <input
            id={id}
            data-testid={id}
            type="checkbox"
            role="switch"
            checked={value === true}
            ref={(el) => {
              if (el) el.indeterminate = mixed;
            }}
            onChange={(e) => commit(e.target.checked, false)}
          />
          <span className="fl-toggle-text">{mixed ? 'mixed' : value ? 'yes' : 'no'}</span>
        </span>
      );
      break;
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      control = (
        <span className="fl-checks" id={id} data-testid={id} role="group" aria-label={spec.title}>
          {spec.options.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                data-testid={`${id}-${o}`}
                checked={chosen.includes(o)}
                onChange={(e) =>
                  commit(
                    e.target.checked
                      ? spec.options.filter((x) => x === o || chosen.includes(x))
                      : chosen.filter((x) => x !== o),
                    false,
                  )
                }
              />
              {o}
            </label>
          ))}
        </span>
      );
      break;
    }
    case 'number': {
      const never = spec.nullable && value === null;
      control = (
        <span className="fl-number">
          <input
            id={id}
            data-testid={id}
            type="number"
            inputMode="decimal"
            min={spec.min}
            max={spec.max}
            step={spec.step}
            placeholder={mixed ? '(mixed)' : never ? 'never' : ''}
            value={draft ?? toText(spec, value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onText(e.target.value)}
            onBlur={blur}
          />
          {spec.unit && <span className="fl-unit">{spec.unit}</span>}
          {spec.nullable && (
            <label className="fl-never">
              <input
                type="checkbox"
                data-testid={`${id}-never`}
                checked={never}
                onChange={(e) => {
                  setDraft(null);
                  if (e.target.checked) commit(null, false);
                  else commit(spec.name === 'rotationDays' ? 90 : 1, false);
                }}
              />
              never
            </label>
          )}
        </span>
      );
      break;
    }
    case 'date':
      control = (
        <span className="fl-number">
          <input
            id={id}
            data-testid={id}
            type="date"
            value={draft ?? toText(spec, value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onText(e.target.value)}
            onBlur={blur}
          />
          {spec.nullable && <span className="fl-unit">{value === null ? 'never' : ''}</span>}
        </span>
      );
      break;
    case 'text':
      control = spec.multiline ? (
        <textarea
          id={id}
          data-testid={id}
          rows={3}
          placeholder={mixed ? '(mixed)' : ''}
          value={draft ?? toText(spec, value)}
          onChange={(e) => onText(e.target.value)}
          onBlur={blur}
        />
      ) : (
        <input
          id={id}
          data-testid={id}
          type="text"
          placeholder={mixed ? '(mixed)' : ''}
          value={draft ?? toText(spec, value)}
          onChange={(e) => onText(e.target.value)}
          onBlur={blur}
        />
      );
      break;
    default:
      return spec satisfies never;
  }

  return (
    <div className={`fl-field${error ? ' is-invalid' : ''}`}>
      <label htmlFor={spec.type === 'multi' ? undefined : id} className="fl-field-title">
        {spec.title}
      </label>
      {control}
      {error ? (
        <p className="fl-field-error" role="alert" data-testid={`field-error-${spec.name}`}>
          {error}
        </p>
      ) : (
        help && <p className="fl-help">{help}</p>
      )}
    </div>
  );
}
