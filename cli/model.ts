/** Loading the model file and choosing the scenario, with every refusal as one line naming file and JSON path. */
import type { Model } from '../shared/domain/index.ts';
import type { LeftOutScenario } from '../shared/file/index.ts';
import { parseModelBytes, parseModelBytesWithoutBadScenarios } from '../shared/file/index.ts';
import type { ScenarioInput } from '../shared/engine/index.ts';
import { checkScenario } from '../shared/engine/index.ts';
import { parseBreak, parseResponse } from './args.ts';
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

/**
 * The model with every saved scenario the load path refuses left out, and those scenarios: for `lint`, whose
 * findings are about the model, not its scenarios. Any other problem is refused as `loadModel` does.
 */
export async function loadModelLeavingOutBadScenarios(io: Io, file: string): Promise<{ model: Model; leftOut: LeftOutScenario[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch (e) {
    throw new CliError(`${file}: ${describeFsError(e)}`);
  }
  const loaded = parseModelBytesWithoutBadScenarios(bytes);
  if (!loaded.ok) throw new CliError(`${file}: ${loaded.error.message}`);
  return loaded.value;
}

/** The id and name of the scenario made of `--break` options. */
export const CLI_SCENARIO = { id: 'cli', name: 'Breaks from the command line' } as const;

/**
 * The scenario to run: a saved one by `--scenario ID`, or one made of `--break MODE:NODE` options. Either, not
 * both. `--respond ACTION:NODE@HOURS` options add responses to it (after a saved scenario's own). Checked
 * against the model before it runs, so a refused break or response is bad input, not a crash.
 */
export function chooseScenario(
  model: Model,
  file: string,
  command: string,
  picked: { scenario?: string; break?: string[]; respond?: string[] },
): ScenarioInput {
  const breaks = picked.break ?? [];
  const respond = picked.respond ?? [];
  const responses = respond.map(parseResponse);
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
    refuseBadScenario(model, file, found, { saved: model.scenarios.indexOf(found) });
    if (responses.length === 0) return found;
    scenario = { ...found, responses: [...found.responses, ...responses] };
    refuseBadScenario(model, file, scenario, { rawResponses: respond, savedResponses: found.responses.length });
    return scenario;
  } else if (breaks.length > 0) {
    scenario = { ...CLI_SCENARIO, breaks: breaks.map(parseBreak), responses };
  } else {
    throw new CliError(`${command}: give --scenario ID or --break MODE:NODE (see faultline ${command} --help)`);
  }
  refuseBadScenario(model, file, scenario, { rawBreaks: breaks, rawResponses: respond });
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
  from: { saved?: number; rawBreaks?: string[]; rawResponses?: string[]; savedResponses?: number } = {},
): void {
  const problem = checkScenario(model, scenario);
  if (!problem) return;
  if (from.saved !== undefined) {
    throw new CliError(`${file}: ${problem.message.replace(/^scenario\b/, `model.scenarios[${from.saved}]`)}`);
  }
  const breakIndex = /^(?:scenario\.)?breaks\[(\d+)\]/.exec(problem.path)?.[1];
  const responseIndex = /^(?:scenario\.)?responses\[(\d+)\]/.exec(problem.path)?.[1];
  const option =
    breakIndex !== undefined
      ? from.rawBreaks?.[Number(breakIndex)] && `--break ${from.rawBreaks[Number(breakIndex)]}`
      : responseIndex !== undefined
        ? from.rawResponses?.[Number(responseIndex) - (from.savedResponses ?? 0)] &&
          `--respond ${from.rawResponses[Number(responseIndex) - (from.savedResponses ?? 0)]}`
        : undefined;
  throw new CliError(`${file}: ${problem.message}${option ? ` (${option})` : ''}`);
}
