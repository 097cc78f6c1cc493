/**
 * Defects found in review of the load path (issue #15), one test each: files that loaded wrongly or loaded
 * and then could never be saved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_HOURS } from '../../../shared/domain/index.ts';
import { checkNesting, decodeFileBytes, firstInvalidUtf8, MAX_NESTING, parseModelBytes, parseModelFile, serializeModel, tooDeepPrefix } from '../../../shared/file/index.ts';
import { simulate } from '../../../shared/engine/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
const minimalText = readFileSync(join(FIXTURES, 'v1-minimal.faultline.json'), 'utf8');
const minimal = () => JSON.parse(minimalText) as { format: string; version: number; model: Record<string, unknown> & { nodes: { props?: Record<string, unknown> }[]; edges: { props?: Record<string, unknown> }[] } };
const utf8 = (text: string) => new TextEncoder().encode(text);

function nested(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { deeper: v };
  return v;
}

describe('a version 0 file is read or refused, never emptied', () => {
  it('refuses a version 0 file whose content is under "model", naming where it looked', () => {
    const file = minimal();
    file.version = 0;
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('migration-failed');
    expect(result.error.path).toBe('graph');
    expect(result.error.message).toContain('its "version" should be 1');
  });

  it('refuses a version 0 graph without a node list', () => {
    const result = parseModelFile(JSON.stringify({ format: 'faultline', version: 0, graph: { title: 'x', links: [] } }));
    expect(result.ok ? null : result.error.path).toBe('graph.nodes');
  });

  it('still reads the released version 0 fixture', () => {
    const result = parseModelFile(readFileSync(join(FIXTURES, 'v0-prerelease.faultline.json'), 'utf8'));
    expect(result.ok && result.value.nodes.map((n) => n.id)).toEqual(['runner', 'token', 'role']);
  });
});

describe('nesting has a limit, so everything that loads can be saved', () => {
  it('refuses an unknown prop nested 3,000 levels deep, with its JSON path', () => {
    const file = minimal();
    file.model.nodes[0].props = { ...file.model.nodes[0].props, 'x-deep': nested(3000) };
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too-deep');
    expect(result.error.path.startsWith('model.nodes[0].props.x-deep.deeper.deeper')).toBe(true);
    expect(result.error.message).toContain(`more than ${MAX_NESTING} levels`);
  });

  it('loads, saves and reloads a prop nested just inside the limit', () => {
    const file = minimal();
    // root, model, nodes, node, props: the prop's own value starts at level 6.
    file.model.nodes[0].props = { 'x-deep': nested(MAX_NESTING - 6) };
    const loaded = parseModelFile(JSON.stringify(file));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const again = parseModelFile(serializeModel(loaded.value));
    expect(again.ok && again.value).toEqual(loaded.value);
  });

  it('walks a million levels without running out of stack', () => {
    const text = `{"format":"faultline","version":1,"model":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const result = parseModelFile(text);
    expect(result.ok ? null : result.error.code).toBe('too-deep');
    expect(checkNesting(JSON.parse('[[[1]]]'), 3)).toBeNull();
    expect(checkNesting(JSON.parse('[[[[1]]]]'), 3)?.path).toBe('[0][0][0]');
  });

  it('finds the first point too deep in the text, before parsing it all, with the path a full parse gives', () => {
    const file = minimal();
    file.model.nodes[0].props = { label: 'brackets [[[[ in a string {{{{ do not count', 'x-deep': nested(MAX_NESTING) };
    const text = JSON.stringify(file);
    const prefix = tooDeepPrefix(text)!;
    expect(prefix.length).toBeLessThan(text.length);
    expect(checkNesting(JSON.parse(prefix))).toEqual(checkNesting(JSON.parse(text)));
    expect(parseModelFile(text)).toEqual({ ok: false, error: checkNesting(JSON.parse(text)) });
    // A string's escaped quote does not end it; a file that nests no deeper gives null.
    expect(tooDeepPrefix('{"a":"\\"[[[[","b":[[1]]}', 3)).toBeNull();
    expect(tooDeepPrefix(minimalText)).toBeNull();
  });
});

describe('one decoder for file bytes', () => {
  it('drops a UTF-8 byte-order mark', () => {
    const result = parseModelBytes(utf8(`\uFEFF${minimalText}`));
    expect(result.ok && result.value.id).toBe('minimal');
    expect(parseModelFile(`\uFEFF${minimalText}`).ok).toBe(true);
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte, instead of replacing it', () => {
    const good = utf8('{"format":"faultline","version":1,"model":{"name":"caf');
    const bytes = new Uint8Array([...good, 0xe9, ...utf8('","nodes":[],"edges":[]}}')]);
    const result = parseModelBytes(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-utf8');
    expect(result.error.message).toBe(`not UTF-8 text: byte ${good.length} (0xe9) is not valid UTF-8, so nothing was read`);
  });

  it('finds the first invalid sequence the way TextDecoder judges them', () => {
    const cases: [number[], number][] = [
      [[0x41, 0x42], 2],
      [[0xc3, 0xa9, 0x41], 3], // é
      [[0x41, 0xc0, 0x80], 1], // overlong NUL
      [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82], 4], // 😀 then a cut-off €
      [[0x80], 0],
    ];
    for (const [bytes, at] of cases) {
      expect(firstInvalidUtf8(new Uint8Array(bytes)), bytes.join(',')).toBe(at);
      expect(decodeFileBytes(new Uint8Array(bytes)).ok, bytes.join(',')).toBe(at === bytes.length);
    }
  });

  it('says valid text longer than a string can hold is too large, not that its bytes are bad', () => {
    // What V8's decoder does past its longest string (about 512 MB), without making 512 MB here.
    const decode = vi.spyOn(globalThis.TextDecoder.prototype, 'decode').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    try {
      const result = decodeFileBytes(new TextEncoder().encode('{"format":"faultline"}'));
      if (result.ok) throw new Error('decoded');
      expect(result.error.code).toBe('too-large');
      expect(result.error.message).toBe('too large to read: 22 bytes is more text than this program can hold, and far more than a model needs');
    } finally {
      decode.mockRestore();
    }
  });
});

describe('dates are days the calendar has', () => {
  it('refuses 31 February and month 13 with their JSON paths, where they were read as 3 March and as nothing', () => {
    const file = minimal();
    file.model.asOf = '2026-13-45';
    expect(parseModelFile(JSON.stringify(file))).toMatchObject({ ok: false, error: { path: 'model.asOf', message: 'model.asOf: expected an ISO date: no such day' } });
    file.model.asOf = '2026-02-31T10:00:00Z';
    expect(parseModelFile(JSON.stringify(file))).toMatchObject({ ok: false, error: { path: 'model.asOf' } });
  });

  it('takes 29 February of a leap year, and a time of day', () => {
    const file = minimal();
    file.model.asOf = '2028-02-29T23:59:59.5+01:00';
    expect(parseModelFile(JSON.stringify(file)).ok).toBe(true);
  });
});

describe('durations are bounded', () => {
  it('refuses a delayHours of 1e308 with its JSON path', () => {
    const file = minimal();
    file.model.edges[1].props = { ...file.model.edges[1].props, delayHours: 1e308 };
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok ? null : result.error).toEqual({
      code: 'invalid-value',
      path: 'model.edges[1].props.delayHours',
      message: `model.edges[1].props.delayHours: expected at most ${MAX_HOURS} hours (114 years)`,
    });
  });

  it('refuses a responseHours of 1e308 with its JSON path', () => {
    const file = minimal();
    file.model.scenarios = [{ id: 's1', breaks: [{ mode: 'leak', node: 'key' }], params: { responseHours: 1e308 } }];
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok ? null : result.error.path).toBe('model.scenarios[0].params.responseHours');
  });

  it('refuses a scenario patch that sets an absurd delay', () => {
    const file = minimal();
    file.model.scenarios = [{ id: 's1', breaks: [{ mode: 'leak', node: 'key' }], patches: [{ id: 'e2', props: { delayHours: 1e308 } }] }];
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok ? null : result.error.path).toBe('model.scenarios[0].patches[0].props.delayHours');
  });

  it('keeps a node reached through the longest delays allowed on the timeline', () => {
    const file = minimal();
    file.model.edges[0].props = { delayHours: MAX_HOURS };
    file.model.edges[1].props = { delayHours: MAX_HOURS };
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const run = simulate(result.value, { id: 'x', breaks: [{ mode: 'compromise', node: 'api' }] });
    const db = run.impacts.find((i) => i.node === 'db');
    expect(db?.at).toBe(2 * MAX_HOURS);
  });
});

describe('messages read as English', () => {
  it('says a field left out is missing, not "received undefined", and a node without a kind the same', () => {
    const file = minimal();
    delete (file.model.nodes[0] as Record<string, unknown>).id;
    expect(parseModelFile(JSON.stringify(file))).toMatchObject({ ok: false, error: { path: 'model.nodes[0].id', message: 'model.nodes[0].id: missing' } });
    const kindless = minimal();
    delete (kindless.model.nodes[1] as Record<string, unknown>).kind;
    expect(parseModelFile(JSON.stringify(kindless))).toMatchObject({ ok: false, error: { message: 'model.nodes[1].kind: missing' } });
  });

  it('says "an identity", not "a identity"', () => {
    const file = minimal();
    file.model.nodes.push({ id: 'role', kind: 'identity', label: 'Role' } as never);
    file.model.scenarios = [{ id: 's1', breaks: [{ mode: 'expire', node: 'role' }] }];
    const result = parseModelFile(JSON.stringify(file));
    expect(result.ok ? null : result.error.message).toBe('model.scenarios[0].breaks[0].mode: "expire" does not apply to an identity ("role")');
  });
});
