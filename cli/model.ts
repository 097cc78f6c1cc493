/** Loading the model file and choosing the scenario, with every refusal as one line naming file and JSON path. */
import type { Model } from '../shared/domain/schema.ts';
import { parseModelBytes } from '../shared/file/loader.ts';
import { checkScenario } from '../shared/engine/simulate.ts';
import type { ScenarioInput } from '../shared/engine/simulate.ts';
import { parseBreak } from './args.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { describeFsError } from './io.ts';

export async function loadModel(io: Io, file: string): Promise<Model> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch (e) {
    throw new CliError(`${file}: ${describeFsError(e)}`);
  }
  const loaded = parseModelBytes(bytes);
  if (!loaded.ok) throw new CliError(`${file}: ${loaded.error.message}`);
  return loaded.value;
}

/** The id and name of the scenario made of `--break` options. */
export const CLI_SCENARIO = { id: 'cli', name: 'Breaks from the command line' } as const;

/**
 * The scenario to run: a saved one by `--scenario ID`, or one made of `--break MODE:NODE` options. Either, not
 * both. Checked against the model before it runs, so a refused break is bad input, not a crash.
 */
export function chooseScenario(
  model: Model,
  file: string,
  command: string,
  picked: { scenario?: string; break?: string[] },
): ScenarioInput {
  const breaks = picked.break ?? [];
  if (picked.scenario !== undefined && breaks.length > 0) {
    throw new CliError(`${command}: give --scenario or --break, not both`);
  }
  let scenario: ScenarioInput;
  if (picked.scenario !== undefined) {
    const found = model.scenarios.find((s) => s.id === picked.scenario);
    if (!found) {
      const known = model.scenarios.map((s) => s.id);
      const hint = known.length ? `saved scenarios: ${known.join(', ')}` : 'the model has no saved scenarios';
      throw new CliError(`${file}: no scenario "${picked.scenario}" (${hint})`);
    }
    scenario = found;
    refuseBadScenario(model, file, scenario, { saved: model.scenarios.indexOf(found) });
    return scenario;
  } else if (breaks.length > 0) {
    scenario = { ...CLI_SCENARIO, breaks: breaks.map(parseBreak) };
  } else {
    throw new CliError(`${command}: give --scenario ID or --break MODE:NODE (see faultline ${command} --help)`);
  }
  refuseBadScenario(model, file, scenario, { rawBreaks: breaks });
  return scenario;
}

/**
 * checkScenario's refusal as one line naming the JSON path. For a saved scenario the path is where it is in
 * the file (`model.scenarios[2].breaks[0].node`); for `--break` scenarios the line also names the option.
 */
export function refuseBadScenario(
  model: Model,
  file: string,
  scenario: ScenarioInput,
  from: { saved?: number; rawBreaks?: string[] } = {},
): void {
  const problem = checkScenario(model, scenario);
  if (!problem) return;
  if (from.saved !== undefined) {
    throw new CliError(`${file}: ${problem.message.replace(/^scenario\b/, `model.scenarios[${from.saved}]`)}`);
  }
  const index = /^(?:scenario\.)?breaks\[(\d+)\]/.exec(problem.path)?.[1];
  const raw = index === undefined ? undefined : from.rawBreaks?.[Number(index)];
  throw new CliError(`${file}: ${problem.message}${raw === undefined ? '' : ` (--break ${raw})`}`);
}
