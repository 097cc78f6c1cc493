import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadErrorCode } from '../../../shared/file/index.ts';
import { parseModelFile, serializeModel } from '../../../shared/file/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const file = (model: unknown) => JSON.stringify({ format: 'faultline', version: 1, model });
const minimal = () => JSON.parse(fixture('v1-minimal.faultline.json')).model;

function expectError(text: string, code: LoadErrorCode, path: string, messagePart?: string) {
  const result = parseModelFile(text);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.path).toBe(path);
  expect(result.error.message.startsWith(path ? `${path}: ` : '')).toBe(true);
  if (messagePart) expect(result.error.message).toContain(messagePart);
}

describe('parseModelFile: the envelope', () => {
  it('refuses text that is not JSON', () => expectError('{oops', 'invalid-json', '', 'not valid JSON'));
  it('refuses JSON without the envelope', () => expectError('{"nodes": []}', 'missing-envelope', 'format'));
  it('points a file of a tool Import reads to Import', () => {
    expectError('{"otmVersion":"0.2.0","project":{"id":"p","name":"P"}}', 'missing-envelope', 'format', 'this is an Open Threat Model (OTM) file, not a Faultline file: bring it in with Import');
    expectError('{"summary":{"title":"T"},"detail":{"diagrams":[]}}', 'missing-envelope', 'format', 'this is a Threat Dragon file');
  });
  it('refuses another format', () => expectError('{"format":"drawio","version":1}', 'wrong-format', 'format', '"drawio"'));
  it('refuses a newer version as such', () =>
    expectError('{"format":"faultline","version":2,"model":{}}', 'newer-version', 'version', 'newer Faultline'));
  it('refuses an envelope without a model', () => expectError('{"format":"faultline","version":1}', 'missing-envelope', 'model', 'missing'));
  it('says what stands where the model should be', () => {
    expectError('{"format":"faultline","version":1,"model":[]}', 'missing-envelope', 'model', 'expected an object holding the model, found a list');
    expectError('{"format":"faultline","version":1,"model":"m.json"}', 'missing-envelope', 'model', 'found "m.json"');
  });
});

describe('parseModelFile: the model', () => {
  it('loads a minimal file and fills every default', () => {
    const result = parseModelFile(fixture('v1-minimal.faultline.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [api, key, db] = result.value.nodes;
    expect(api.props).toMatchObject({ criticality: 3, environment: 'prod', monitored: false, detectHours: 1, healthCheck: true });
    expect(key.props).toMatchObject({ secretType: 'api-key', ttlHours: null, rotationDays: null, bound: false, autoRenew: false });
    expect(db.props.criticality).toBe(5); // follows sensitivity "restricted"
    expect(result.value.edges[0].props).toMatchObject({ required: true, delayHours: 0, likelihood: 1 });
    expect(result.value.edges[1].props).toMatchObject({ access: 'write', delayHours: 0.5 });
    expect(result.value.scenarios[0].params.responseHours).toBe(648);
  });

  it('keeps an explicit datastore criticality over the one its sensitivity suggests', () => {
    const m = minimal();
    m.nodes[2].props.criticality = 2;
    const result = parseModelFile(file(m));
    expect(result.ok && result.value.nodes[2].props.criticality).toBe(2);
  });

  it('names an unknown node kind', () => {
    const m = minimal();
    m.nodes[1].kind = 'robot';
    expectError(file(m), 'unknown-kind', 'model.nodes[1].kind', 'unknown node kind "robot"');
  });

  it('names an unknown edge kind', () => {
    const m = minimal();
    m.edges[1].kind = 'pwns';
    expectError(file(m), 'unknown-kind', 'model.edges[1].kind', 'unknown edge kind "pwns"');
  });

  it('names a dangling edge end', () => {
    const m = minimal();
    m.edges[1].target = 'db-1';
    expectError(file(m), 'dangling-reference', 'model.edges[1].target', 'no node "db-1"');
  });

  it('names a long value by its start and length, not in full', () => {
    const m = minimal();
    const id = `${'x'.repeat(10 * 1024 * 1024)}"end`;
    m.edges[1].target = id;
    const result = parseModelFile(file(m));
    if (result.ok) throw new Error('loaded');
    expect(result.error.message).toBe(`model.edges[1].target: no node "${'x'.repeat(49)}…" (10,485,764 characters)`);
    // Cut inside an escape: the escape goes whole.
    m.edges[1].target = `${'x'.repeat(47)}\u0007${'y'.repeat(20)}`;
    expectError(file(m), 'dangling-reference', 'model.edges[1].target', `no node "${'x'.repeat(47)}…" (68 characters)`);
  });

  it('says a version left out or out of range as it is', () => {
    expectError('{"format":"faultline","model":{}}', 'missing-envelope', 'version', 'expected a whole number, missing');
    expectError('{"format":"faultline","version":1e400,"model":{}}', 'missing-envelope', 'version', 'expected a whole number, found Infinity');
  });

  it('names a duplicate id', () => {
    const m = minimal();
    m.nodes[2].id = 'api';
    expectError(file(m), 'duplicate-id', 'model.nodes[2].id', 'duplicate id "api"');
  });

  it('names a prop of the wrong type', () => {
    const m = minimal();
    m.nodes[1].props = { ttlHours: 'one hour' };
    expectError(file(m), 'invalid-value', 'model.nodes[1].props.ttlHours');
  });

  it('names a boundary that does not exist', () => {
    const m = minimal();
    m.nodes[0].boundary = 'dmz';
    expectError(file(m), 'dangling-reference', 'model.nodes[0].boundary', 'no boundary "dmz"');
  });

  it('refuses a break whose mode does not apply to the node kind', () => {
    const m = minimal();
    m.scenarios[0].breaks = [{ mode: 'leak', node: 'api' }];
    expectError(file(m), 'invalid-break', 'model.scenarios[0].breaks[0].mode', 'does not apply to a service');
  });

  it('refuses a break on a node that does not exist', () => {
    const m = minimal();
    m.scenarios[0].breaks = [{ mode: 'leak', node: 'nope' }];
    expectError(file(m), 'dangling-reference', 'model.scenarios[0].breaks[0].node', 'no node "nope"');
  });

  it('refuses a scenario patch with a bad value, naming the prop', () => {
    const m = minimal();
    m.scenarios[0].patches = [{ id: 'e2', props: { access: 'root' } }];
    expectError(file(m), 'invalid-value', 'model.scenarios[0].patches[0].props.access');
  });

  it('refuses a removed edge that does not exist', () => {
    const m = minimal();
    m.scenarios[0].removed = ['e9'];
    expectError(file(m), 'dangling-reference', 'model.scenarios[0].removed[0]', 'no edge "e9"');
  });
});

describe('parseModelFile: domain 1.1 (signs, responses, notes) in a version 1 file', () => {
  const v11 = () => JSON.parse(fixture('v1-domain-1.1.faultline.json')).model;

  it('loads a signs edge with its defaults, responses and notes', () => {
    const result = parseModelFile(fixture('v1-domain-1.1.faultline.json'));
    if (!result.ok) throw new Error(result.error.message);
    const model = result.value;
    expect(model.edges[0]).toMatchObject({ kind: 'signs', props: { required: true, delayHours: 1, likelihood: 1 } });
    expect(model.scenarios[0].responses).toEqual([
      { action: 'rotate', node: 'ci-token', at: 4 },
      { action: 'revoke', node: 'deploy-role', at: 72 },
    ]);
    expect(model.notes.map((n) => n.id)).toEqual(['note-1', 'note-2']);
    expect(model.notes[1]).toMatchObject({ size: { w: 180, h: 90 }, color: 'yellow' });
  });

  it('gives a v1 file without them no responses and no notes, and writes it back as version 1', () => {
    const result = parseModelFile(fixture('v1-minimal.faultline.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.scenarios[0].responses).toEqual([]);
    expect(result.value.notes).toEqual([]);
    expect(JSON.parse(serializeModel(result.value)).version).toBe(1);
  });

  it('refuses a response at a negative hour with its JSON path', () => {
    const m = v11();
    m.scenarios[0].responses[0].at = -2;
    expectError(file(m), 'invalid-value', 'model.scenarios[0].responses[0].at', 'model.scenarios[0].responses[0].at: expected a number of hours ≥ 0');
  });

  it('refuses a response at an absurd hour, as every duration is bounded', () => {
    const m = v11();
    m.scenarios[0].responses[0].at = 1e308;
    expectError(file(m), 'invalid-value', 'model.scenarios[0].responses[0].at', 'expected at most 1000000 hours');
    // Past the largest double, as a file can write it.
    const text = file(m).replace('1e+308', '1e400');
    expect(text).toContain('1e400');
    expectError(text, 'invalid-value', 'model.scenarios[0].responses[0].at', 'expected at most 1000000 hours');
  });

  it('refuses a response hour that is not a number', () => {
    const m = v11();
    m.scenarios[0].responses[1].at = '4h';
    expectError(file(m), 'invalid-value', 'model.scenarios[0].responses[1].at', 'expected a number of hours ≥ 0');
  });

  it('refuses a response on a node that does not exist', () => {
    const m = v11();
    m.scenarios[0].responses[0].node = 'x';
    expectError(file(m), 'dangling-reference', 'model.scenarios[0].responses[0].node', 'no node "x"');
  });

  it('refuses a response whose action does not apply to the node kind', () => {
    const m = v11();
    m.scenarios[0].responses[1].action = 'rotate';
    expectError(file(m), 'invalid-response', 'model.scenarios[0].responses[1].action', '"rotate" does not apply to an identity ("deploy-role")');
  });

  it('refuses an unknown response action', () => {
    const m = v11();
    m.scenarios[0].responses[0].action = 'shred';
    expectError(file(m), 'invalid-value', 'model.scenarios[0].responses[0].action');
  });

  it('refuses a note whose id is a node id (one namespace)', () => {
    const m = v11();
    m.notes[1].id = 'idp';
    expectError(file(m), 'duplicate-id', 'model.notes[1].id', 'duplicate id "idp"');
  });

  it('refuses a note whose id is an edge id or another note id', () => {
    const m = v11();
    m.notes[0].id = 'e2';
    expectError(file(m), 'duplicate-id', 'model.notes[0].id', 'duplicate id "e2"');
    const n = v11();
    n.notes[1].id = 'note-1';
    expectError(file(n), 'duplicate-id', 'model.notes[1].id', 'duplicate id "note-1"');
  });

  it('refuses a note without a position', () => {
    const m = v11();
    delete m.notes[0].position;
    expectError(file(m), 'invalid-value', 'model.notes[0].position');
  });

  it('keeps responses and notes through a round trip', () => {
    const first = parseModelFile(fixture('v1-domain-1.1.faultline.json'));
    if (!first.ok) throw new Error(first.error.message);
    const second = parseModelFile(serializeModel(first.value));
    expect(second.ok && second.value).toEqual(first.value);
  });
});

describe('migrations', () => {
  it('upgrades the v0 pre-release sketch to v1', () => {
    const result = parseModelFile(fixture('v0-prerelease.faultline.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const model = result.value;
    expect(model.name).toBe('Legacy CI sketch');
    expect(model.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['runner', 'pipeline', 'CI runner'],
      ['token', 'secret', 'deploy token'],
      ['role', 'identity', 'deploy role'],
    ]);
    expect(model.nodes[1].position).toEqual({ x: 240, y: 0 });
    expect(model.edges.map((e) => [e.id, e.kind, e.source, e.target])).toEqual([
      ['l1', 'holds', 'runner', 'token'],
      ['l2', 'authenticates', 'token', 'role'],
    ]);
    expect(model.nodes[1].kind === 'secret' && model.nodes[1].props.ttlHours).toBe(1);
  });

  it('names a problem in a migrated file where the v0 file has it', () => {
    const v0 = () => JSON.parse(fixture('v0-prerelease.faultline.json'));
    const broken = (edit: (file: { graph: { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] } }) => void) => {
      const file = v0();
      edit(file);
      return JSON.stringify(file);
    };
    expectError(broken((f) => (f.graph.links[1].to = 'ghost')), 'dangling-reference', 'graph.links[1].to', 'no node "ghost" (in a version 0 file)');
    expectError(broken((f) => (f.graph.nodes[0].type = 'robot')), 'unknown-kind', 'graph.nodes[0].type', 'unknown node kind "robot"');
    expectError(broken((f) => (f.graph.nodes[0].name = 7)), 'invalid-value', 'graph.nodes[0].name');
    const far = broken((f) => (f.graph.nodes[1].x = 1e308)).replace('1e+308', '1e400');
    expectError(far, 'invalid-value', 'graph.nodes[1].x');
  });
});

describe('serializeModel', () => {
  it('keeps unknown props and fields through a round trip', () => {
    const first = parseModelFile(fixture('v1-minimal.faultline.json'));
    if (!first.ok) throw new Error(first.error.message);
    const text = serializeModel(first.value);
    expect(text).toContain('"x-team-tag": "payments"');
    expect(text).toContain('"futureField"');
    const second = parseModelFile(text);
    expect(second.ok && second.value).toEqual(first.value);
  });

  it('keeps fields it does not know on a break, a response and a patch', () => {
    const m = minimal();
    const [api, key, db] = m.nodes as { id: string }[];
    m.scenarios = [
      {
        id: 's',
        breaks: [{ mode: 'compromise', node: api.id, comment: 'from the pentest' }],
        responses: [{ action: 'rotate', node: key.id, at: 4, ticket: 'SEC-12' }],
        patches: [{ id: db.id, props: { monitored: true }, why: 'SIEM rule' }],
      },
    ];
    const first = parseModelFile(file(m));
    if (!first.ok) throw new Error(first.error.message);
    const saved = JSON.parse(serializeModel(first.value)).model.scenarios[0];
    expect(saved.breaks[0].comment).toBe('from the pentest');
    expect(saved.responses[0].ticket).toBe('SEC-12');
    expect(saved.patches[0].why).toBe('SIEM rule');
  });

  it('writes the envelope first and sorted keys with 2-space indent', () => {
    const first = parseModelFile(fixture('v1-minimal.faultline.json'));
    if (!first.ok) throw new Error(first.error.message);
    const text = serializeModel(first.value);
    expect(text.startsWith('{\n  "format": "faultline",\n  "version": 1,\n  "model": {\n    "asOf"')).toBe(true);
    expect(serializeModel(first.value)).toBe(text);
  });
});
