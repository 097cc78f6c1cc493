/** The formats people paste elsewhere: Markdown, standalone HTML, CSV; and the text fitting the diagrams rely on. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { buildReport, csvCell, ellipsize, findingsCsv, formatHours, impactsCsv, md, renderHtml, renderMarkdown, SECTION_TITLES, textWidth, wrapText } from '../../../shared/report/index.ts';
import { buildModel } from '../engine/build.ts';
import { SAMPLES, reportOf } from './fixtures.ts';

const hostile = () => {
  const model = buildModel(
    [
      ['tok', 'secret', { owner: '' }],
      ['svc', 'service'],
      ['db', 'datastore'],
    ],
    [
      ['e1', 'holds', 'svc', 'tok'],
      ['e2', 'grants', 'tok', 'db', { access: 'write' }],
    ],
    [{ id: 's', name: 'Token | leaks', breaks: [{ mode: 'leak', node: 'tok' }] }],
  );
  model.nodes[0].label = '=HYPERLINK("http://evil")';
  model.nodes[1].label = '<script>alert(1)</script> *svc*';
  model.nodes[2].label = 'Données clients, "prod"\n決済サービス';
  const results = model.scenarios.map((s) => simulate(model, s));
  return { model, doc: buildReport(model, model.scenarios, results, { date: '2026-11-27' }) };
};

describe('Markdown', () => {
  const { model } = SAMPLES[0];
  const { doc } = reportOf(model);
  const text = renderMarkdown(doc);

  it('has every section title and every scenario', () => {
    for (const key of doc.sections) expect(text).toContain(SECTION_TITLES[key]);
    for (const s of doc.scenarios) expect(text).toContain(md(s.name));
  });

  it('lists every impact with its path', () => {
    for (const s of doc.scenarios) for (const i of s.impacts) expect(text).toContain(md(i.steps[i.steps.length - 1]));
  });

  it('keeps labels from breaking tables, emphasis or HTML', () => {
    const out = renderMarkdown(hostile().doc);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('\\*svc\\*');
    expect(out).toContain('Token \\| leaks');
    for (const line of out.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.split(/(?<!\\)\|/).length;
      expect(cells).toBeGreaterThan(2);
    }
  });
});

describe('standalone HTML', () => {
  const { model } = SAMPLES[0];
  const { doc } = reportOf(model);
  const html = renderHtml(doc);

  it('loads nothing from anywhere: no external URL, no script, a CSP that forbids both', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('draws the diagrams and timelines as inline SVG', () => {
    const svgs = html.match(/<svg /g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(doc.model!.diagrams.length + doc.scenarios.length * 2);
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    for (const n of doc.model!.diagrams[0].nodes) for (const line of n.text!.lines) expect(html).toContain(`>${esc(line)}</text>`);
  });

  it('has every section title', () => {
    for (const key of doc.sections) expect(html).toContain(SECTION_TITLES[key]);
  });

  it('escapes labels everywhere, inside SVG too', () => {
    const out = renderHtml(hostile().doc);
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('決済サービス');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and ends lines with CRLF', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(1.5)).toBe('1.5');
    expect(csvCell(null)).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvCell(f).replace(/^"|"$/g, '')).toMatch(/^'/);
    expect(csvCell(-1)).toBe('-1');
  });

  it('has one impact per row, for every scenario', () => {
    const { model } = SAMPLES[0];
    const { doc } = reportOf(model);
    const lines = impactsCsv(doc).trimEnd().split('\r\n');
    expect(lines[0]).toBe('scenario_id,scenario,node_id,node,kind,effect,at_hours,silent,criticality,points,via_edge,via_from,path');
    expect(lines.length - 1).toBe(doc.scenarios.reduce((n, s) => n + s.impacts.length, 0));
  });

  it('has one finding per row, with its framework ids', () => {
    const { doc, model } = hostile();
    const csv = findingsCsv(doc, { bom: true });
    expect(csv.startsWith('\uFEFFid,severity,rule,title,message,nodes,owasp_nhi,owasp_llm_agentic,nist_csf\r\n')).toBe(true);
    expect(csv).toContain('NHI1');
    expect(csv).toContain(`'${model.nodes[0].label.replace(/"/g, '""')}`);
  });
});

describe('text fitting', () => {
  it('measures wide characters wider', () => {
    expect(textWidth('決済', 10)).toBeGreaterThan(textWidth('ab', 10));
  });

  it('ellipsizes to the width', () => {
    const out = ellipsize('A very long service name indeed', 60, 8);
    expect(out.endsWith('…')).toBe(true);
    expect(textWidth(out, 8)).toBeLessThanOrEqual(60);
    expect(ellipsize('short', 60, 8)).toBe('short');
  });

  it('wraps at spaces, then after punctuation, and ends a cut with an ellipsis', () => {
    expect(wrapText('checkout api service', 60, 8, 3)).toEqual(['checkout api', 'service']);
    const id = wrapText('arn:aws:iam::123456789012:role/deploy', 70, 8, 5);
    for (const line of id) expect(textWidth(line, 8)).toBeLessThanOrEqual(70);
    expect(id.join('')).toBe('arn:aws:iam::123456789012:role/deploy');
    const cut = wrapText('one two three four five six seven eight', 40, 8, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1].endsWith('…')).toBe(true);
  });

  it('formats hours as people read them', () => {
    expect([0, 0.5, 1, 2.65, 47, 48, 651, 648].map(formatHours)).toEqual(['0 h', '30 min', '1 h', '2.65 h', '47 h', '2 d', '27 d 3 h', '27 d']);
  });
});
