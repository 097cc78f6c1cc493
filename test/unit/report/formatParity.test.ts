/** The Markdown and HTML reports state the facts the PDF states: where a secret is stored, how far a scenario reached. */
import { describe, expect, it } from 'vitest';
import { formatAt, renderHtml, renderMarkdown } from '../../../shared/report/index.ts';
import type { ScenarioRankRow } from '../../../shared/report/index.ts';
import { TEMPLATES, reportOf } from './fixtures.ts';

const CICD = TEMPLATES.find((t) => t.name === 'templates/cicd-deploy-tokens')!.model;
const { doc } = reportOf(CICD);
const markdown = renderMarkdown(doc);
const html = renderHtml(doc);

/** The lines of the Markdown table under `heading`, header first. */
function markdownTable(heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l, i) => i > lines.indexOf(heading) && l.startsWith('| '));
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines.slice(start, end);
}

/** The HTML table that follows `heading`. */
const htmlTableAfter = (heading: string) => {
  const from = html.indexOf(heading);
  return html.slice(html.indexOf('<table', from), html.indexOf('</table>', from));
};

const detected = (r: ScenarioRankRow) => (!r.attacker ? 'n/a (no attacker)' : r.detectedAt === null ? 'never' : formatAt(r.detectedAt));

describe('where each secret is stored', () => {
  it('is a column of the Markdown inventory', () => {
    const [header, , ...rows] = markdownTable('### Secrets');
    expect(header).toMatch(/\| Held by \| Stored in \|$/);
    expect(rows.find((r) => r.startsWith('| deploy-token (PAT) |'))).toMatch(/\| Actions build log \(public repo\), Actions secrets \(production environment\) \|$/);
    expect(rows.find((r) => r.startsWith('| RDS master password |'))).toMatch(/\| — \| Terraform state bucket \(S3\) \|$/);
    expect(rows.find((r) => r.startsWith('| Stripe restricted key'))).toMatch(/\| — \|$/);
  });

  it('is under the holders in the HTML inventory, as in the PDF', () => {
    const table = htmlTableAfter('<h3>Secrets</h3>');
    expect(table).toContain('Held by / stored in</th>');
    const rows = table.split('<tr>');
    expect(rows.find((r) => r.includes('deploy-token (PAT)'))).toContain('<div class="stored">in Actions build log (public repo), Actions secrets (production environment)</div>');
    expect(rows.find((r) => r.includes('RDS master password'))).toContain('—<div class="stored">in Terraform state bucket (S3)</div>');
    for (const s of doc.model!.secrets) expect(rows.find((r) => r.includes(`<td>${s.label}</td>`))!.includes('class="stored"')).toBe(s.storedIn.length > 0);
  });
});

describe('the scenarios ranked by exposure, in the HTML', () => {
  const table = htmlTableAfter('<h3>Scenarios by exposure</h3>');

  it('gives how many nodes each scenario reached and when it was detected, as the Markdown and the PDF do', () => {
    expect(table).toMatch(/Reached<\/th><th>Detected<\/th><\/tr>/);
    const rows = table.split('<tr>').slice(2);
    expect(rows).toHaveLength(doc.summary!.scenarios.length);
    doc.summary!.scenarios.forEach((r, i) => {
      expect(rows[i]).toContain(`<td class="n">${r.impactedNodes}</td><td>${detected(r)}</td></tr>`);
      expect(markdown).toContain(`| ${r.impactedNodes} | ${detected(r)} |`);
    });
  });
});
