/**
 * A label's control characters and bidi overrides are shown in the Markdown and HTML reports, never obeyed:
 * `cat report.md` must not run an escape sequence, and "rlo\u202eevil.exe" must not display as "rloexe.live".
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { md, renderHtml, renderMarkdown } from '../../../shared/report/index.ts';
import { TEMPLATES, reportOf } from './fixtures.ts';

const CICD = TEMPLATES.find((t) => t.name === 'templates/cicd-deploy-tokens')!.model;

/** What must not reach a report file raw: C0 and C1 controls but \n, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The cicd template with hostile labels on a secret, a pipeline and a scenario, and a hostile workshop note. */
function hostileModel(): Model {
  const model = structuredClone(CICD);
  const relabel = (id: string, label: string) => void (model.nodes.find((n) => n.id === id)!.label = label);
  relabel('deploy-token', 'esc\u001b[31mred\u001b[0m');
  relabel('stripe-key', 'rlo\u202eevil.exe\u202c');
  relabel('build-log', 'bell\u0007 nul\u0000 del\u007f csi\u009b2J');
  relabel('cosign-key', 'tab\there');
  relabel('oidc-jwt', '\u200fنص\u200e');
  model.name = 'ctl\u0007model';
  model.scenarios[0].name = 'wipe\u001b[2Jscreen';
  model.notes = [{ id: 'n1', text: 'esc\u001b[2K\rline two\u2066isolate\u2069', position: { x: 0, y: 0 } }];
  return model;
}

// inert.ts is not exported from the report module (nothing outside needs it yet): it is read here through md().
describe('md(), for any label', () => {
  it('writes a control character or a bidi override as \\uXXXX', () => {
    expect(md('a\u001bb\u0000c\u007fd\u0085e')).toBe('a\\\\u001bb\\\\u0000c\\\\u007fd\\\\u0085e');
    expect(md('rlo\u202eevil.exe\u202c \u2067x\u2069')).toBe('rlo\\\\u202eevil.exe\\\\u202c \\\\u2067x\\\\u2069');
  });

  it('makes every line break and a tab a space', () => {
    expect(md('a\r\nb\rc\u2028d\u2029e\nf\tg')).toBe('a b c d e f g');
  });

  it('leaves ordinary text alone, with the direction marks of Arabic and Hebrew labels', () => {
    for (const text of ['payments-worker (EKS)', 'Données clients', '決済サービス', '\u200fنص\u200e', 'מאגר תצורה']) expect(md(text)).toBe(text);
  });
});

describe('control characters in the report files', () => {
  const { doc } = reportOf(hostileModel());

  it('leaves none to act in the Markdown, and shows each where it was', () => {
    const text = renderMarkdown(doc);
    expect(text).not.toMatch(ACTING);
    // md() escapes the backslash and the bracket: a viewer shows esc\u001b[31mred.
    expect(text).toContain('esc\\\\u001b\\[31mred\\\\u001b\\[0m');
    expect(text).toContain('rlo\\\\u202eevil.exe\\\\u202c');
    expect(text).toContain('tab here');
    expect(text).toContain('\u200fنص\u200e');
    expect(text).toContain('- esc\\\\u001b\\[2K  \n  line two\\\\u2066isolate\\\\u2069');
  });

  it('leaves none to act in the HTML, its SVG pictures included, and shows each where it was', () => {
    const html = renderHtml(doc);
    expect(html).not.toMatch(ACTING);
    expect(html).toContain('<title>ctl\\u0007model</title>');
    expect(html).toContain('esc\\u001b[31mred\\u001b[0m');
    expect(html).toContain('rlo\\u202eevil.exe\\u202c');
    expect(html).toContain('bell\\u0007 nul\\u0000 del\\u007f csi\\u009b2J');
    expect(html).toContain('tab here');
    expect(html).toContain('\u200fنص\u200e');
    expect(html).toContain('<li>esc\\u001b[2K<br>line two\\u2066isolate\\u2069</li>');
  });
});
