/**
 * The one load path (domain.md §10): envelope, stepwise migration, validation with defaults, references.
 * Files, the library and IPC payloads all come through here. Never throws.
 */
import type { Model } from '../domain/index.ts';
import { aKind, breakApplies, edgePropsSchemas, modelSchema, nodePropsSchemas, responseApplies } from '../domain/index.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { LoadError } from './errors.ts';
import { formatPath, loadError, quoted } from './errors.ts';
import { decodeFileBytes, stripBom } from './decode.ts';
import { checkNesting, tooDeepPrefix } from './depth.ts';
import { findJsonSyntaxProblem } from './jsonSyntax.ts';
import { CURRENT_VERSION, MigrationError, migrate, v0Path } from './migrations.ts';
import { stableStringify, stableStringifyAt } from './stableJson.ts';

const FILE_FORMAT = 'faultline';
export const FILE_EXTENSION = '.faultline.json';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file's bytes through the one decoder (UTF-8, BOM dropped, invalid bytes refused) and the load path. */
export function parseModelBytes(bytes: Uint8Array): Result<Model, LoadError> {
  const text = decodeFileBytes(bytes);
  return text.ok ? parseModelFile(text.value) : text;
}

export function parseModelFile(text: string): Result<Model, LoadError> {
  // Too deep is found before the whole file is parsed: its JSON path comes from the text up to that point.
  const body = stripBom(text);
  const deep = tooDeepPrefix(body);
  if (deep !== null) {
    const tooDeep = parsedNesting(deep);
    if (tooDeep) return err(tooDeep);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return err(syntaxError(body, e as Error));
  }
  return parseModelJson(raw);
}

/** Text JSON.parse refused: where, by line, column and JSON path, and what is wrong there. */
function syntaxError(text: string, e: Error): LoadError {
  const where = findJsonSyntaxProblem(text);
  // Only if the two parsers ever disagree: V8's message, on one line.
  if (where === null) return loadError('invalid-json', '', `not valid JSON (${e.message.replace(/\s+/g, ' ')})`);
  return loadError('invalid-json', formatPath(where.path), `not valid JSON at line ${where.line}, column ${where.column}: ${where.detail}`);
}

/** The nesting error of JSON text, or null when it is not JSON (the full parse then says what is wrong). */
function parsedNesting(text: string): LoadError | null {
  try {
    return checkNesting(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The tool whose JSON file this is, among those Import reads, or null. */
function otherTool(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  if ('otmVersion' in raw) return 'an Open Threat Model (OTM)';
  if (isObject(raw.summary) && isObject(raw.detail) && Array.isArray(raw.detail.diagrams)) return 'a Threat Dragon';
  return null;
}

/** The load path for JSON already parsed, such as a library record or an IPC payload. */
export function parseModelJson(raw: unknown): Result<Model, LoadError> {
  const tooDeep = checkNesting(raw);
  if (tooDeep) return err(tooDeep);
  if (!isObject(raw) || !('format' in raw)) {
    const other = otherTool(raw);
    if (other) return err(loadError('missing-envelope', 'format', `missing: this is ${other} file, not a Faultline file: bring it in with Import (File ▸ Import…, or faultline import)`));
    return err(loadError('missing-envelope', 'format', 'missing: not a Faultline file (expected {"format": "faultline", "version": 1, "model": …})'));
  }
  if (raw.format !== FILE_FORMAT) {
    return err(loadError('wrong-format', 'format', `expected "${FILE_FORMAT}", found ${quoted(raw.format)}`));
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    const found = version === undefined ? 'missing' : `found ${quoted(version)}`;
    return err(loadError('missing-envelope', 'version', `expected a whole number, ${found}`));
  }
  if (version > CURRENT_VERSION) {
    return err(
      loadError(
        'newer-version',
        'version',
        `this file is version ${version}, made by a newer Faultline; this one reads up to version ${CURRENT_VERSION}`,
      ),
    );
  }
  let file: Record<string, unknown>;
  try {
    file = migrate(raw, version);
  } catch (e) {
    if (e instanceof MigrationError) {
      return err(loadError('migration-failed', e.path, `${e.detail} (reading a version ${version} file)`));
    }
    return err(loadError('migration-failed', '', `could not upgrade from version ${version} (${(e as Error).message})`));
  }
  if (!isObject(file.model)) {
    const found = file.model === undefined ? 'missing: the file holds no model' : `expected an object holding the model, found ${Array.isArray(file.model) ? 'a list' : quoted(file.model)}`;
    return err(loadError('missing-envelope', 'model', found));
  }
  const model = validateModel(file.model);
  return model.ok || version > 0 ? model : err(inVersion0File(model.error));
}

/** A problem found in the model migrated from a v0 file, named at its path in that file. */
function inVersion0File(error: LoadError): LoadError {
  const detail = error.path ? error.message.slice(error.path.length + 2) : error.message;
  return loadError(error.code, v0Path(error.path), `${detail} (in a version 0 file)`);
}

function validateModel(input: Record<string, unknown>): Result<Model, LoadError> {
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = formatPath(['model', ...issue.path]);
    const found = valueAt(input, issue.path);
    // A field left out reads "missing", not the schema's "expected string, received undefined".
    if (found === undefined) return err(loadError('invalid-value', path, 'missing'));
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
      const what = issue.path[0] === 'nodes' ? 'node' : 'edge';
      return err(loadError('unknown-kind', path, `unknown ${what} kind ${quoted(found)}`));
    }
    return err(loadError('invalid-value', path, issue.message));
  }
  const model = parsed.data;
  const problem = checkReferences(model);
  return problem ? err(problem) : ok(model);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) v = isObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * Ids unique (nodes, edges and notes share one namespace), edge ends and boundaries exist, scenarios name real
 * nodes and edges with valid props, and their breaks and responses apply to the kinds they name.
 */
function checkReferences(model: Model): LoadError | null {
  const nodes = new Map<string, Model['nodes'][number]>();
  const edges = new Map<string, Model['edges'][number]>();
  const boundaries = new Set<string>();
  for (const [i, b] of model.boundaries.entries()) {
    if (boundaries.has(b.id)) return loadError('duplicate-id', `model.boundaries[${i}].id`, `duplicate boundary id ${quoted(b.id)}`);
    boundaries.add(b.id);
  }
  for (const [i, n] of model.nodes.entries()) {
    if (nodes.has(n.id)) return loadError('duplicate-id', `model.nodes[${i}].id`, `duplicate id ${quoted(n.id)}`);
    nodes.set(n.id, n);
    if (n.boundary !== undefined && !boundaries.has(n.boundary)) {
      return loadError('dangling-reference', `model.nodes[${i}].boundary`, `no boundary ${quoted(n.boundary)}`);
    }
  }
  for (const [i, e] of model.edges.entries()) {
    // Node and edge ids share one namespace: a scenario patch names either by id alone.
    if (edges.has(e.id) || nodes.has(e.id)) return loadError('duplicate-id', `model.edges[${i}].id`, `duplicate id ${quoted(e.id)}`);
    edges.set(e.id, e);
    if (!nodes.has(e.source)) return loadError('dangling-reference', `model.edges[${i}].source`, `no node ${quoted(e.source)}`);
    if (!nodes.has(e.target)) return loadError('dangling-reference', `model.edges[${i}].target`, `no node ${quoted(e.target)}`);
  }
  const notes = new Set<string>();
  for (const [i, note] of model.notes.entries()) {
    if (notes.has(note.id) || nodes.has(note.id) || edges.has(note.id)) {
      return loadError('duplicate-id', `model.notes[${i}].id`, `duplicate id ${quoted(note.id)}`);
    }
    notes.add(note.id);
  }
  const scenarioIds = new Set<string>();
  for (const [s, scenario] of model.scenarios.entries()) {
    const at = `model.scenarios[${s}]`;
    if (scenarioIds.has(scenario.id)) return loadError('duplicate-id', `${at}.id`, `duplicate scenario id ${quoted(scenario.id)}`);
    scenarioIds.add(scenario.id);
    for (const [b, brk] of scenario.breaks.entries()) {
      const node = nodes.get(brk.node);
      if (!node) return loadError('dangling-reference', `${at}.breaks[${b}].node`, `no node ${quoted(brk.node)}`);
      if (!breakApplies(brk.mode, node.kind)) {
        return loadError('invalid-break', `${at}.breaks[${b}].mode`, `${quoted(brk.mode)} does not apply to ${aKind(node.kind)} (${quoted(node.id)})`);
      }
    }
    for (const [p, patch] of scenario.patches.entries()) {
      const problem = checkPatch(patch, ['model', 'scenarios', s, 'patches', p], nodes, edges);
      if (problem) return problem;
    }
    for (const [r, id] of scenario.removed.entries()) {
      if (!edges.has(id)) return loadError('dangling-reference', `${at}.removed[${r}]`, `no edge ${quoted(id)}`);
    }
    for (const [r, response] of scenario.responses.entries()) {
      const node = nodes.get(response.node);
      if (!node) return loadError('dangling-reference', `${at}.responses[${r}].node`, `no node ${quoted(response.node)}`);
      if (!responseApplies(response.action, node.kind)) {
        return loadError(
          'invalid-response',
          `${at}.responses[${r}].action`,
          `${quoted(response.action)} does not apply to ${aKind(node.kind)} (${quoted(node.id)})`,
        );
      }
    }
  }
  return null;
}

function checkPatch(
  patch: Model['scenarios'][number]['patches'][number],
  at: readonly PropertyKey[],
  nodes: Map<string, Model['nodes'][number]>,
  edges: Map<string, Model['edges'][number]>,
): LoadError | null {
  const node = nodes.get(patch.id);
  const edge = edges.get(patch.id);
  const schema = node ? nodePropsSchemas[node.kind] : edge ? edgePropsSchemas[edge.kind] : null;
  const target = node ?? edge;
  if (!schema || !target) return loadError('dangling-reference', formatPath([...at, 'id']), `no node or edge ${quoted(patch.id)}`);
  const merged = schema.safeParse({ ...target.props, ...patch.props });
  if (merged.success) return null;
  const issue = merged.error.issues[0];
  return loadError('invalid-value', formatPath([...at, 'props', ...issue.path]), issue.message);
}

/** The file text for a model: the envelope, sorted keys, 2-space indent, so models diff well in git. */
export function serializeModel(model: Model): string {
  return stableStringify({ format: FILE_FORMAT, version: CURRENT_VERSION, model }) + '\n';
}

/**
 * The same text as serializeModel, written a slice of nodes or edges at a time with `pause()` between slices:
 * for a model of thousands of items, no single step holds the thread for long (the app keeps a version of a
 * 2,000-node model without a frame over 100 ms).
 */
export async function serializeModelInSlices(model: Model, pause: () => Promise<void>, slice = 200): Promise<string> {
  let text = serializeModel({ ...model, nodes: [], edges: [] });
  // The model's own keys sit two levels down (4 spaces); its list items three (6 spaces).
  for (const key of ['nodes', 'edges'] as const) {
    const items = model[key];
    if (items.length === 0) continue;
    const parts: string[] = [];
    for (let i = 0; i < items.length; i += slice) {
      await pause();
      for (const item of items.slice(i, i + slice)) parts.push(stableStringifyAt(item, 3));
    }
    const empty = `\n    "${key}": []`;
    const at = text.indexOf(empty);
    text = `${text.slice(0, at)}\n    "${key}": [\n      ${parts.join(',\n      ')}\n    ]${text.slice(at + empty.length)}`;
  }
  return text;
}
