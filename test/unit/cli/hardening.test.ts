/**
 * The CLI reads files with the app's one decoder and escapes what a model says in every Markdown it prints
 * (issue #15): a label is text, never HTML or a link, wherever the Markdown is rendered.
 */
import { describe, expect, it } from 'vitest';
import { cli, editedFile, readRepoFile, SMALL } from './harness.ts';

const HOSTILE_LABEL = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* | pipe';
const hostile = () =>
  editedFile(SMALL, (model) => {
    model.name = '<script>alert("name")</script>';
    const nodes = model.nodes as { id: string; label: string }[];
    for (const n of nodes) n.label = `${HOSTILE_LABEL} ${n.id}`;
    const scenarios = model.scenarios as { name: string }[];
    scenarios[0].name = '<b onmouseover=alert(1)>scenario</b> [x](javascript:void(0))';
  });

/** What a Markdown renderer would turn into live HTML or a link. */
function expectInert(markdown: string) {
  expect(markdown).not.toMatch(/<(img|script|b)\b/i);
  // A link needs an unescaped `](`; the escaper writes `\](`.
  expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript:/i);
  expect(markdown).not.toMatch(/(^|[^\\])\[click\]/);
  expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
}

describe('Markdown from the CLI escapes the model’s words', () => {
  it('simulate --format md', async () => {
    const r = await cli(['simulate', 'm.json', '--scenario', 'leaked-ci-token', '--format', 'md'], { 'm.json': hostile() });
    expect(r.stderr).toBe('');
    expectInert(r.stdout);
    expect(r.stdout).toContain('Model: &lt;script&gt;alert("name")&lt;/script&gt;');
    // A label's pipe stays inside its table cell.
    expect(r.stdout).toContain('\\| pipe');
  });

  it('simulate --probabilistic --format md', async () => {
    const r = await cli(['simulate', 'm.json', '--scenario', 'leaked-ci-token', '--probabilistic', '--runs', '50', '--format', 'md'], {
      'm.json': hostile(),
    });
    expect(r.stderr).toBe('');
    expectInert(r.stdout);
  });

  it('rank', async () => {
    const r = await cli(['rank', 'm.json', '--scenario', 'leaked-ci-token'], { 'm.json': hostile() });
    expect(r.stderr).toBe('');
    expectInert(r.stdout);
    expect(r.stdout).not.toContain('<script>');
  });
});

describe('the CLI decodes files as the app does', () => {
  it('opens a file that starts with a UTF-8 byte-order mark', async () => {
    const r = await cli(['lint', 'bom.json'], { 'bom.json': `\uFEFF${readRepoFile(SMALL)}` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses invalid UTF-8 with exit 2 and the offset, instead of substituting', async () => {
    const text = new TextEncoder().encode(readRepoFile(SMALL));
    const at = text.indexOf(0x43); // the first "C" is inside a label
    const bytes = Uint8Array.from(text);
    bytes[at] = 0xff;
    const r = await cli(['check', 'bad.json'], { 'bad.json': bytes });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`bad.json: not UTF-8 text: byte ${at} (0xff) is not valid UTF-8, so nothing was read`);
  });
});

describe('the terminal shows a model’s control characters, never obeys them', () => {
  const ESC = '\u001b';
  const forged = (target: string) =>
    editedFile(SMALL, (model) => {
      (model.edges as { target: string }[])[0].target = target;
    });

  it('keeps a bad id’s error on one line, its escape codes and line breaks shown, not run', async () => {
    const r = await cli(['check', 'm.json'], { 'm.json': forged(`x${ESC}[2K\rfaultline: OK, model loaded\nsecond line\u202e`) });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^faultline: m\.json: model\.edges\[0\]\.target: no node "x\\u001b\[2K\\rfaultline: OK/), '']);
    expect(r.stderr).toContain('\\nsecond line\\u202e"');
    for (const raw of [ESC, '\r', '\u202e']) expect(r.stderr).not.toContain(raw);
  });

  it('prints a scenario named to forge a PASS row with its codes shown', async () => {
    const file = editedFile(SMALL, (model) => {
      (model.scenarios as { name: string }[])[0].name = `ok${ESC}[2K\rPASS  everything fine`;
    });
    const r = await cli(['check', 'm.json', '--max-exposure', '0'], { 'm.json': file });
    expect(r.stdout).toContain('ok\\u001b[2K\\u000dPASS  everything fine');
    expect(r.stdout).not.toContain(ESC);
  });

  it('still prints JSON that parses to the same text', async () => {
    const file = editedFile(SMALL, (model) => {
      const scenarios = model.scenarios as { patches?: unknown[] }[];
      const nodes = model.nodes as { id: string }[];
      scenarios[0].patches = [{ id: nodes[0].id, props: { notes: 'right\u202eto left' } }];
    });
    const r = await cli(['simulate', 'm.json', '--scenario', 'leaked-ci-token', '--format', 'json'], { 'm.json': file });
    expect(r.stdout).toContain('right\\u202eto left');
    expect(JSON.parse(r.stdout).scenario.patches[0].props.notes).toBe('right\u202eto left');
  });
});
