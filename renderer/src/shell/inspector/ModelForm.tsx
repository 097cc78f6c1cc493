/**
 * With nothing selected, the inspector edits the model itself: its name, description and the date its facts
 * hold on (`asOf`: findings about expiring certificates and unreviewed grants count from it). Each field is
 * one undo step while typing, like every other field.
 */
import { useState } from 'react';
import type { Model } from '../../../../shared/domain/index.ts';
import type { HeadField } from '../../editor/patch.ts';
import { setHead } from '../../editor/patch.ts';
import { useModelStoreApi } from '../../store/context.tsx';

const LABELS: Record<HeadField, string> = { name: 'Rename model', description: 'Describe model', asOf: 'Set as-of date' };

function useHeadCommit() {
  const store = useModelStoreApi();
  return {
    commit: (field: HeadField, value: Model[HeadField], typing: boolean) => {
      const { model, apply } = store.getState();
      apply(setHead(model, { [field]: value }), { label: LABELS[field], squash: typing ? `head:${field}` : undefined });
    },
    done: () => store.getState().breakSquash(),
  };
}

export function ModelForm({ model }: { model: Model }) {
  const { commit, done } = useHeadCommit();
  // The name shown while typing: an empty name is not committed (a model always has one).
  const [name, setName] = useState<string | null>(null);
  const date = model.asOf?.slice(0, 10) ?? '';
  return (
    <div className="fl-form" data-testid="model-form">
      <header className="fl-form-head">
        <div>
          <h2>Model</h2>
          <p className="fl-muted">Nothing is selected: these are the model’s own details, as the report’s cover shows them.</p>
        </div>
      </header>
      <div className="fl-field">
        <label htmlFor="field-model-name" className="fl-field-title">
          Name
        </label>
        <input
          id="field-model-name"
          data-testid="field-model-name"
          type="text"
          value={name ?? model.name}
          onChange={(e) => {
            setName(e.target.value);
            if (e.target.value.trim()) commit('name', e.target.value, true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
          onBlur={() => {
            setName(null);
            done();
          }}
        />
      </div>
      <div className="fl-field">
        <label htmlFor="field-model-description" className="fl-field-title">
          Description
        </label>
        <textarea
          id="field-model-description"
          data-testid="field-model-description"
          rows={5}
          value={model.description}
          placeholder="What system this is, what is in and out of scope"
          onChange={(e) => commit('description', e.target.value, true)}
          onBlur={done}
        />
      </div>
      <div className="fl-field">
        <label htmlFor="field-model-asof" className="fl-field-title">
          As of
        </label>
        <input
          id="field-model-asof"
          data-testid="field-model-asof"
          type="date"
          value={date}
          onChange={(e) => commit('asOf', e.target.value || null, false)}
        />
        <p className="fl-help">The date the model describes. Certificate expiry and grant reviews are counted from it; with no date, those two checks are skipped.</p>
      </div>
    </div>
  );
}
