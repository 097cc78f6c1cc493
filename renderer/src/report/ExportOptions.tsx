/** The export dialog's left column: the cover, the paper, the scenarios and the sections to include. */
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { PAPERS, SECTION_KEYS, SECTION_TITLES } from '../../../shared/report/index.ts';
import type { ExportSettings } from './useReportExport.ts';

const COVER_FIELDS: { key: 'title' | 'author' | 'organisation'; label: string; placeholder?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'author', label: 'Author', placeholder: 'Who prepared it' },
  { key: 'organisation', label: 'Organisation', placeholder: 'For whom' },
];

const toggle = <T,>(list: readonly T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

export function ExportOptions({
  model,
  settings,
  onChange,
  results,
  titleRef,
}: {
  model: Model;
  settings: ExportSettings;
  onChange: (patch: Partial<ExportSettings>) => void;
  results: ReadonlyMap<string, SimulationResult | Error>;
  titleRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { scenarioIds, sections, paper } = settings;
  const chosen = model.scenarios.filter((s) => scenarioIds.includes(s.id)).length;
  return (
    <form className="fl-export-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Cover</legend>
        {COVER_FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              ref={f.key === 'title' ? titleRef : undefined}
              data-testid={`export-${f.key}`}
              value={settings[f.key]}
              placeholder={f.placeholder}
              onChange={(e) => onChange({ [f.key]: e.target.value })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset className="fl-export-paper">
        <legend>Paper</legend>
        {PAPERS.map((p) => (
          <label key={p}>
            <input type="radio" name="paper" data-testid={`export-paper-${p}`} checked={paper === p} onChange={() => onChange({ paper: p })} />
            {p}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>
          Scenarios ({chosen} of {model.scenarios.length})
        </legend>
        {model.scenarios.length === 0 ? <p className="fl-export-note">The model has no saved scenarios: the report shows the model and its findings.</p> : null}
        {model.scenarios.map((s) => {
          const r = results.get(s.id);
          return (
            <label key={s.id} className="fl-export-check" title={s.name || s.id}>
              <input
                type="checkbox"
                data-testid={`export-scenario-${s.id}`}
                checked={scenarioIds.includes(s.id) && !(r instanceof Error)}
                disabled={r instanceof Error}
                onChange={(e) => onChange({ scenarioIds: toggle(scenarioIds, s.id, e.target.checked) })}
              />
              <span>{s.name || s.id}</span>
              {r instanceof Error ? <em title={r.message}>cannot run</em> : null}
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Sections</legend>
        {SECTION_KEYS.map((k) => (
          <label key={k} className="fl-export-check">
            <input
              type="checkbox"
              data-testid={`export-section-${k}`}
              checked={sections.includes(k)}
              onChange={(e) => onChange({ sections: SECTION_KEYS.filter((x) => (x === k ? e.target.checked : sections.includes(x))) })}
            />
            <span>{SECTION_TITLES[k]}</span>
          </label>
        ))}
      </fieldset>
    </form>
  );
}
