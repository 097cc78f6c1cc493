/**
 * What the scenario views do, as functions over the two stores. Every change to a scenario is a model
 * edit through the document store's `apply` (one undo step, saved with the file); which scenario is
 * shown, the what-if switch and the overlay live in the scenario store and never enter history.
 */
import type { BreakMode, ScenarioResponse } from '../../../shared/domain/index.ts';
import type { ModelStore } from '../store/modelStore.ts';
import type { ParamsEdit, WhatIfEdit } from './scenarioOps.ts';
import {
  addResponse,
  createScenario,
  deleteScenario,
  dropWhatIf,
  duplicateScenario,
  moveScenario,
  removeResponse,
  renameScenario,
  scenarioById,
  setParams,
  setWhatIf,
  toggleBreak,
  toggleRemovedEdge,
  updateResponse,
} from './scenarioOps.ts';
import type { ScenarioStore } from './store.ts';

export interface ScenarioActions {
  /** A new empty scenario, shown at once. */
  create(): string;
  /** Shows a saved scenario (null: none). Not a model edit. */
  show(id: string | null): void;
  /**
   * Adds a break to the shown scenario, or takes it out if it has it; with no scenario shown, starts a
   * new one named after the break and shows it.
   */
  toggleBreak(node: string, mode: BreakMode): void;
  /** A new scenario with this one break, shown at once (whatever scenario was shown). */
  newWithBreak(node: string, mode: BreakMode): void;
  rename(id: string, name: string, typing?: boolean): void;
  duplicate(id: string): void;
  remove(id: string): void;
  move(id: string, delta: number): void;
  setParams(id: string, edit: ParamsEdit, typing?: boolean): void;
  toggleRemovedEdge(edgeId: string): void;
  /** Responses (§6) of the shown scenario: add one, change one (typing squashes into one undo step), delete one. */
  addResponse(response: ScenarioResponse): void;
  updateResponse(index: number, changes: Partial<ScenarioResponse>, typing?: boolean): void;
  removeResponse(index: number): void;
  /** A "for this scenario only" prop edit of nodes or edges, validated; the message says what was wrong. */
  whatIf(ids: readonly string[], changes: Record<string, unknown>, typing?: boolean): WhatIfEdit;
  dropWhatIf(id: string, prop?: string): void;
  /** Ends a typing gesture (the next keystroke is a new undo step). */
  done(): void;
}

export function scenarioActions(models: ModelStore, ui: ScenarioStore): ScenarioActions {
  const doc = () => models.getState();
  const active = () => scenarioById(doc().model, ui.getState().activeId);

  return {
    create() {
      const { patch, id } = createScenario(doc().model);
      doc().apply(patch, { label: 'New scenario' });
      ui.getState().activate(id);
      return id;
    },
    show(id) {
      ui.getState().activate(id);
    },
    toggleBreak(node, mode) {
      const { model, apply } = doc();
      const current = active();
      if (current) {
        apply(toggleBreak(model, current.id, { mode, node }), { label: 'Break' });
        return;
      }
      this.newWithBreak(node, mode);
    },
    newWithBreak(node, mode) {
      const { patch, id } = createScenario(doc().model, { breaks: [{ mode, node }] });
      doc().apply(patch, { label: 'New scenario' });
      ui.getState().activate(id);
    },
    rename(id, name, typing) {
      doc().apply(renameScenario(doc().model, id, name), { label: 'Rename scenario', squash: typing ? `scenario-name:${id}` : undefined });
    },
    duplicate(id) {
      const made = duplicateScenario(doc().model, id);
      if (!made) return;
      doc().apply(made.patch, { label: 'Duplicate scenario' });
      ui.getState().activate(made.id);
    },
    remove(id) {
      const { model, apply } = doc();
      const index = model.scenarios.findIndex((s) => s.id === id);
      apply(deleteScenario(model, id), { label: 'Delete scenario' });
      if (ui.getState().activeId === id) {
        const rest = doc().model.scenarios;
        ui.getState().activate(rest.length ? rest[Math.min(index, rest.length - 1)].id : null);
      }
    },
    move(id, delta) {
      doc().apply(moveScenario(doc().model, id, delta), { label: 'Reorder scenarios' });
    },
    setParams(id, edit, typing) {
      const key = Object.keys(edit).join(',');
      doc().apply(setParams(doc().model, id, edit), { label: 'Scenario settings', squash: typing ? `scenario-params:${id}:${key}` : undefined });
    },
    toggleRemovedEdge(edgeId) {
      const current = active();
      if (current) doc().apply(toggleRemovedEdge(doc().model, current.id, edgeId), { label: 'Leave out edge' });
    },
    addResponse(response) {
      const current = active();
      if (current) doc().apply(addResponse(doc().model, current.id, response), { label: 'Add response' });
    },
    updateResponse(index, changes, typing) {
      const current = active();
      if (!current) return;
      const key = typing ? `response:${current.id}:${index}:${Object.keys(changes).join(',')}` : undefined;
      doc().apply(updateResponse(doc().model, current.id, index, changes), { label: 'Change response', squash: key });
    },
    removeResponse(index) {
      const current = active();
      if (current) doc().apply(removeResponse(doc().model, current.id, index), { label: 'Delete response' });
    },
    whatIf(ids, changes, typing) {
      const current = active();
      if (!current) return { ok: true, patch: [] };
      const edit = setWhatIf(doc().model, current.id, ids, changes);
      if (edit.ok) {
        const key = `whatif:${current.id}:${ids.join(',')}:${Object.keys(changes).join(',')}`;
        doc().apply(edit.patch, { label: 'What-if', squash: typing ? key : undefined });
      }
      return edit;
    },
    dropWhatIf(id, prop) {
      const current = active();
      if (current) doc().apply(dropWhatIf(doc().model, current.id, id, prop), { label: 'Drop what-if' });
    },
    done() {
      doc().breakSquash();
    },
  };
}
