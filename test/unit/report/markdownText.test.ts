/** Labels pasted from anywhere (Windows line ends, Word's line separator, several lines) keep the Markdown report whole. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { renderMarkdown } from '../../../shared/report/index.ts';
import { TEMPLATES, reportOf } from './fixtures.ts';

const CICD = TEMPLATES.find((t) => t.name === 'templates/cicd-deploy-tokens')!.model;

/** The cicd template with the deploy token's label replaced. */
function withTokenLabel(label: string): Model {
  const model = structuredClone(CICD);
  model.nodes.find((n) => n.id === 'deploy-token')!.label = label;
  return model;
}

/** Lines as CommonMark reads them: \r\n, a lone \r and \n all end one. */
const markdownLines = (text: string) => text.split(/\r\n|\r|\n/);

/** Column breaks in a table row: the pipes no backslash escapes. */
const cells = (row: string) => row.replace(/\\./g, '').split('|').length;

/** Every table in `text`: its header, and the lines up to the blank line that ends it. */
function tables(text: string): { header: string; rows: string[] }[] {
  const lines = markdownLines(text);
  const found: { header: string; rows: string[] }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('| ') || !/^\|[-:|]+\|$/.test(lines[i + 1])) continue;
    let end = i + 2;
    while (end < lines.length && lines[end] !== '') end++;
    found.push({ header: lines[i], rows: lines.slice(i + 2, end) });
    i = end;
  }
  return found;
}

describe('line breaks inside a label, in the Markdown report', () => {
  for (const [name, label] of [
    ['a lone carriage return', 'deploy-token\r(PAT, pasted from Windows)'],
    ['a Windows line end', 'deploy-token\r\n(PAT)'],
    ['a line separator (U+2028)', 'deploy-token\u2028(PAT)'],
    ['a paragraph separator (U+2029)', 'deploy-token\u2029(PAT)'],
  ] as const) {
    it(`keeps every table row on one line with ${name}`, () => {
      const text = renderMarkdown(reportOf(withTokenLabel(label)).doc);
      // Viewers that are not CommonMark break lines at U+2028 and U+2029 too: none is left.
      expect(text).not.toMatch(/[\r\u2028\u2029]/);
      const found = tables(text);
      expect(found.length).toBeGreaterThan(5);
      for (const { header, rows } of found) {
        for (const row of rows) {
          expect(row.startsWith('| ') && row.endsWith(' |'), `a row of "${header}" is cut: ${JSON.stringify(row)}`).toBe(true);
          expect(cells(row), row).toBe(cells(header));
        }
      }
      expect(text).toContain('| deploy-token (PAT');
    });
  }
});

describe('workshop notes in the Markdown report', () => {
  const notesOf = (...texts: string[]) => {
    const model: Model = { ...CICD, scenarios: CICD.scenarios.slice(0, 1), notes: texts.map((text, i) => ({ id: `n${i}`, text, position: { x: 0, y: i * 100 } })) };
    const text = renderMarkdown(reportOf(model, { sections: ['notes'] }).doc);
    return text.slice(text.indexOf('Workshop notes'), text.indexOf('_Made with'));
  };

  it('keeps each line of a note on its own line of the one bullet', () => {
    expect(notesOf('Agreed: approval on refunds\nbefore Friday\n\nowner: Ada')).toContain(
      '- Agreed: approval on refunds  \n  before Friday  \n  owner: Ada\n',
    );
  });

  it('breaks lines at \\r\\n, a lone \\r and U+2028 as at \\n', () => {
    expect(notesOf('one\r\ntwo\rthree\u2028four')).toContain('- one  \n  two  \n  three  \n  four\n');
  });

  it('reads a line that starts like a list, a numbered item or a heading underline as text', () => {
    expect(notesOf('todo:\n- rotate the key\n1. first\n===')).toContain('- todo:  \n  \\- rotate the key  \n  1\\. first  \n  \\===\n');
  });
});
