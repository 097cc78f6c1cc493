/** 4. Findings, by severity, each with its OWASP NHI, LLM/agentic and NIST CSF 2.0 ids; then the coverage of each list. */
import type { FindingRow, FindingsSection, FrameworkRef } from '../index.ts';
import { SEVERITY_COLORS } from '../index.ts';
import type { Column } from './table.ts';
import { cellBold, cellText, table } from './table.ts';
import { T } from './theme.ts';
import type { Writer } from './writer.ts';

const columns: Column<FindingRow>[] = [
  { title: 'Finding', width: 46, cell: (f) => [cellBold(f.title), cellText(f.message)] },
  { title: 'Nodes', width: 18, cell: (f) => [{ kind: 'chips', items: f.nodes }] },
  { title: 'OWASP NHI', width: 11, cell: (f) => [{ kind: 'chips', items: f.owasp }] },
  { title: 'LLM / Agentic', width: 12, cell: (f) => [{ kind: 'chips', items: f.llm }] },
  { title: 'NIST CSF 2.0', width: 13, cell: (f) => [{ kind: 'chips', items: f.csf }] },
];

/** Above this many findings in one severity, the PDF lists them by rule (the CSV and HTML list each one). */
const GROUP_FINDINGS_AT = 40;

interface RuleGroup {
  title: string;
  count: number;
  nodes: string[];
  owasp: string[];
  llm: string[];
  csf: string[];
}

function byRule(items: readonly FindingRow[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of items) {
    const g = groups.get(f.rule) ?? { title: f.title, count: 0, nodes: [], owasp: [], llm: [], csf: [] };
    g.count++;
    if (f.nodes[0] && !g.nodes.includes(f.nodes[0])) g.nodes.push(f.nodes[0]);
    for (const [k, ids] of [['owasp', f.owasp], ['llm', f.llm], ['csf', f.csf]] as const) for (const id of ids) if (!g[k].includes(id)) g[k].push(id);
    groups.set(f.rule, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

const groupColumns: Column<RuleGroup>[] = [
  { title: 'Finding', width: 30, cell: (g) => [cellBold(g.title), { kind: 'small', text: `${g.count} findings` }] },
  { title: 'Nodes', width: 34, cell: (g) => [{ kind: 'chips', items: g.nodes }] },
  { title: 'OWASP NHI', width: 11, cell: (g) => [{ kind: 'chips', items: g.owasp }] },
  { title: 'LLM / Agentic', width: 12, cell: (g) => [{ kind: 'chips', items: g.llm }] },
  { title: 'NIST CSF 2.0', width: 13, cell: (g) => [{ kind: 'chips', items: g.csf }] },
];

const coverageColumns: Column<FrameworkRef>[] = [
  { title: 'Id', width: 14, cell: (r) => [cellBold(r.id)] },
  { title: 'Risk', width: 70, cell: (r) => [cellText(r.name)] },
  { title: 'Findings', width: 16, align: 'right', cell: (r) => [r.count ? { kind: 'weak', text: String(r.count) } : { kind: 'id', text: '0' }] },
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function severityCounts(w: Writer, section: FindingsSection): void {
  let x = w.left;
  for (const sev of ['critical', 'high', 'medium', 'low'] as const) {
    w.doc.roundedRect(x, w.y + 2.5, 8, 8, 1).fill(SEVERITY_COLORS[sev]);
    const spans = [{ text: String(section.counts[sev]), bold: true }, { text: ` ${sev}` }];
    w.textAt(spans, x + 12, w.y, 100, T.body);
    x += 12 + w.fonts.width(String(section.counts[sev]), 9, true) + w.fonts.width(` ${sev}`, 9, false) + 14;
  }
  w.y += 24;
}

export function drawFindings(w: Writer, section: FindingsSection): void {
  severityCounts(w, section);
  w.paragraph(
    'Static checks of the model itself, no break needed. Each finding cites the OWASP Non-Human Identities Top 10 (2025), the OWASP LLM (2025) and Agentic (ASI) lists where they apply, and NIST CSF 2.0 subcategories.',
    T.muted,
  );
  if (section.total === 0) w.paragraph('No findings.', T.muted);
  for (const g of section.groups) {
    w.h2([{ text: cap(g.severity), color: SEVERITY_COLORS[g.severity] }, { text: ` (${g.items.length})` }]);
    if (g.items.length > GROUP_FINDINGS_AT) {
      w.paragraph(
        `${g.items.length} findings, listed by rule with the nodes they concern; the CSV export and the HTML report list each one with its message.`,
        T.small,
        6,
      );
      table(w, groupColumns, byRule(g.items));
    } else table(w, columns, g.items);
  }
  w.h2('OWASP Non-Human Identities Top 10 (2025)');
  table(w, coverageColumns, section.coverage.owasp);
  if (section.coverage.llm.length) {
    w.h2('OWASP LLM and Agentic Top 10');
    table(w, coverageColumns, section.coverage.llm);
  }
  if (section.coverage.csf.length) {
    w.h2('NIST CSF 2.0');
    table(w, coverageColumns, section.coverage.csf);
  }
}
