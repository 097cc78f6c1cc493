/**
 * The HTML report's CSS lets every cell's content wrap: no chip runs under the next column, and a label with no
 * space (an ARN, a hash) does not widen the page. Measured in Chromium by test/e2e/report.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../shared/report/index.ts';
import { SAMPLES, reportOf } from './fixtures.ts';

const html = renderHtml(reportOf(SAMPLES[0].model).doc);

/** Each CSS rule of the report as selector → declarations, `@media` rules included under their own selectors. */
function cssRules(page: string): { selectors: string[]; declarations: Record<string, string> }[] {
  const css = page.slice(page.indexOf('<style>') + 7, page.indexOf('</style>')).replace(/\/\*[\s\S]*?\*\//g, '');
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selectors: selector.split('{').pop()!.split(',').map((s) => s.trim()),
    declarations: Object.fromEntries(
      body
        .split(';')
        .filter((d) => d.includes(':'))
        .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
    ),
  }));
}

const rules = cssRules(html);
const declared = (selector: string, property: string) =>
  rules.filter((r) => r.selectors.includes(selector) && property in r.declarations).map((r) => r.declarations[property]);

describe('the HTML report wraps what it holds', () => {
  it('lets a chip break onto the next line, and wrap inside when it is wider than its cell', () => {
    expect(rules.some((r) => r.declarations['white-space'] === 'nowrap')).toBe(false);
    expect(declared('.chip', 'max-width')).toEqual(['100%']);
    expect(declared('.chip', 'display')).toEqual(['inline-block']);
  });

  it('breaks a long word anywhere it must, in titles, paragraphs, list items and cells alike', () => {
    expect(declared('body', 'overflow-wrap')).toEqual(['anywhere']);
    // Inherited from body, and undone nowhere.
    expect(rules.filter((r) => r.selectors.some((s) => s !== 'body') && 'overflow-wrap' in r.declarations)).toEqual([]);
    expect(rules.some((r) => 'word-break' in r.declarations || 'text-overflow' in r.declarations)).toBe(false);
  });
});
