/**
 * Reading a file whose saved scenarios are not all valid, for tools that need the model without them (the
 * linter): each scenario the load path refuses is left out and named, everything else still goes through
 * the one load path. The app does not use this: it refuses such a file whole, and nothing is lost.
 */
import type { Model } from '../domain/index.ts';
import type { Result } from '../result.ts';
import { ok } from '../result.ts';
import { decodeFileBytes, stripBom } from './decode.ts';
import type { LoadError } from './errors.ts';
import { parseModelFile, parseModelJson } from './loader.ts';

export interface LeftOutScenario {
  /** Where it is in the file: `model.scenarios[2]`. */
  index: number;
  id: string | null;
  /** Why the load path refused it, with the JSON path in the file. */
  error: LoadError;
}

const SCENARIO_PATH = /^model\.scenarios\[(\d+)\]/;

function parseModelFileWithoutBadScenarios(text: string): Result<{ model: Model; leftOut: LeftOutScenario[] }, LoadError> {
  const first = parseModelFile(text);
  if (first.ok) return ok({ model: first.value, leftOut: [] });
  if (!SCENARIO_PATH.test(first.error.path)) return first;
  const raw = JSON.parse(stripBom(text)) as { model?: { scenarios?: unknown } };
  const scenarios = raw.model?.scenarios;
  if (!Array.isArray(scenarios)) return first;
  // Positions in the file of the scenarios still in the copy. Paths in a version 1 file are the file's own
  // (a migration from version 0 has no scenarios to drop).
  const kept = scenarios.map((_, i) => i);
  const copy = { ...raw, model: { ...raw.model, scenarios: [...scenarios] } };
  const leftOut: LeftOutScenario[] = [];
  let error = first.error;
  while (leftOut.length <= scenarios.length) {
    const at = SCENARIO_PATH.exec(error.path);
    if (!at) return { ok: false, error };
    const i = Number(at[1]);
    const original = kept[i];
    const dropped = copy.model.scenarios[i] as { id?: unknown } | undefined;
    const path = error.path.replace(SCENARIO_PATH, `model.scenarios[${original}]`);
    leftOut.push({
      index: original,
      id: typeof dropped?.id === 'string' ? dropped.id : null,
      error: { ...error, path, message: error.message.replace(SCENARIO_PATH, `model.scenarios[${original}]`) },
    });
    copy.model.scenarios.splice(i, 1);
    kept.splice(i, 1);
    const next = parseModelJson(copy);
    if (next.ok) return ok({ model: next.value, leftOut });
    error = next.error;
  }
  return { ok: false, error };
}

/** The same from a file's bytes, through the one decoder. */
export function parseModelBytesWithoutBadScenarios(bytes: Uint8Array): Result<{ model: Model; leftOut: LeftOutScenario[] }, LoadError> {
  const text = decodeFileBytes(bytes);
  return text.ok ? parseModelFileWithoutBadScenarios(text.value) : text;
}
