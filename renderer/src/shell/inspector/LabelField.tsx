import { useState } from 'react';

/** The name of a node or boundary: commits as you type (one undo step), Enter or leaving ends it. */
export function LabelField({
  value,
  onCommit,
  onDone,
  help = 'What the node is called on the canvas and in the report.',
}: {
  value: string;
  onCommit: (label: string, typing: boolean) => void;
  onDone: () => void;
  help?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="fl-field">
      <label htmlFor="field-label" className="fl-field-title">
        Label
      </label>
      <input
        id="field-label"
        data-testid="field-label"
        type="text"
        value={draft ?? value}
        onChange={(e) => {
          setDraft(e.target.value);
          onCommit(e.target.value, true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
        onBlur={() => {
          setDraft(null);
          onDone();
        }}
      />
      <p className="fl-help">{help}</p>
    </div>
  );
}
