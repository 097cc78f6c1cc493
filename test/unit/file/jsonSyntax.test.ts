/**
 * A file that is not JSON is refused with where it breaks (line, column, JSON path) and what is wrong there,
 * on one line. The locator must agree with JSON.parse on what is JSON: checked on thousands of one-character
 * edits of a template, where hand-editing mistakes come from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, parseModelFile } from '../../../shared/file/index.ts';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../../../assets/templates/cicd-deploy-tokens.faultline.json'), 'utf8');

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The refusal of a template with `find` replaced by `put` (first occurrence). */
function refusal(find: string, put: string): { path: string; message: string } {
  expect(TEMPLATE).toContain(find);
  const result = parseModelFile(TEMPLATE.replace(find, put));
  if (result.ok) throw new Error('loaded');
  expect(result.error.code).toBe('invalid-json');
  return result.error;
}

const lineOf = (text: string, find: string) => text.slice(0, text.indexOf(find)).split('\n').length;

describe('a file that is not JSON', () => {
  it('names the line, column and JSON path of a trailing comma, on one line', () => {
    // The last edge of the list, with a comma after it as a hand edit leaves it.
    const edges = JSON.parse(TEMPLATE).model.edges as { id: string }[];
    const last = edges.length - 1;
    const lines = TEMPLATE.split('\n');
    // The line that closes the edge: the next one closes the list.
    const close = lines.findIndex((l, i) => i >= lineOf(TEMPLATE, `"${edges[last].id}"`) && lines[i + 1].trim().startsWith(']'));
    const broken = [...lines.slice(0, close), `${lines[close]},`, ...lines.slice(close + 1)].join('\n');
    const result = parseModelFile(broken);
    if (result.ok) throw new Error('loaded');
    expect(result.error.path).toBe(`model.edges[${last + 1}]`);
    expect(result.error.message).toBe(
      `model.edges[${last + 1}]: not valid JSON at line ${close + 2}, column ${lines[close + 1].indexOf(']') + 1}: a comma before "]": JSON allows none after the last item`,
    );
    expect(result.error.message).not.toContain('\n');
  });

  it('says what a hand edit got wrong, in words, inside the value it was in', () => {
    const node = JSON.parse(TEMPLATE).model.nodes[0] as { id: string; label: string };
    const label = `"label": "${node.label}"`;
    expect(refusal(label, `"label": '${node.label}'`)).toMatchObject({ path: 'model.nodes[0].label' });
    expect(refusal(label, `"label": '${node.label}'`).message).toContain('a single quote: JSON strings are in double quotes');
    expect(refusal(label, `"label": "${node.label}" // the CI runner`).message).toContain('a comment: JSON has none');
    expect(refusal(label, `"label": "${node.label}\n"`).message).toContain('a control character (U+000A) inside a string');
    expect(refusal(label, `"label": NaN`).message).toContain('NaN is not a JSON value');
    expect(refusal(label, `"label" "${node.label}"`).message).toContain(`expected ":" after the key, found '"'`);
    expect(refusal(label, `"label": "${node.label}" "x": 1`).message).toContain(`expected "," or "}", found '"'`);
  });

  it('names the end of a cut-off file', () => {
    const cut = TEMPLATE.slice(0, TEMPLATE.indexOf('"edges"') + 12);
    const result = parseModelFile(cut);
    if (result.ok) throw new Error('loaded');
    expect(result.error.path).toMatch(/^model\.edges/);
    expect(result.error.message).toContain('the file ends where a value should be');
  });

  it('agrees with JSON.parse on one-character edits of a template', () => {
    const chars = fc.constantFrom(...'{}[],:"\'\\/ \n0-1.eE+tfnuNaI\t\u0000x');
    fc.assert(
      fc.property(fc.nat({ max: TEMPLATE.length - 1 }), fc.constantFrom('delete', 'insert', 'replace'), chars, (at, edit, c) => {
        const text =
          edit === 'delete' ? TEMPLATE.slice(0, at) + TEMPLATE.slice(at + 1) : TEMPLATE.slice(0, at) + c + TEMPLATE.slice(at + (edit === 'replace' ? 1 : 0));
        const problem = findJsonSyntaxProblem(text);
        expect(problem === null).toBe(isJson(text));
        if (problem) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('agrees with JSON.parse on scalars and odd numbers', () => {
    for (const text of ['0', '-0', '1e5', '1E+5', '-1.5e-3', '01', '1.', '.5', '-', '+1', '1e', '"\\u00e9"', '"\\ud800"', 'true', 'tru', 'nul', '[]', '{}', '[,]', '{,}', ' [ ] ', '[1]x'])
      expect(findJsonSyntaxProblem(text) === null, text).toBe(isJson(text));
  });
});
