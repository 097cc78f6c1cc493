/**
 * The baseline of `faultline simulate` end to end: a process that does what the CLI does around the engine
 * (read the file, load it through the same loader, write the answer as indented JSON), with plain BFS in
 * place of the engine. Usage: bfsCli.ts FILE SCENARIO_ID OUT.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseModelBytes } from '../../shared/file/index.ts';
import { bfsOrder, buildAdjacency } from './bfs.ts';

const [file, scenarioId, out] = process.argv.slice(2);
const loaded = parseModelBytes(readFileSync(file));
if (!loaded.ok) throw new Error(loaded.error.message);
const model = loaded.value;
const scenario = model.scenarios.find((s) => s.id === scenarioId);
if (!scenario) throw new Error(`no scenario ${scenarioId}`);
const reached = bfsOrder(
  buildAdjacency(model),
  scenario.breaks.map((b) => b.node),
);
writeFileSync(out, JSON.stringify({ reached: Array.from(reached, (i) => model.nodes[i].id) }, null, 2));
