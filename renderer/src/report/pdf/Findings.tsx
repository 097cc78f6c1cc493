/** 4. Findings, by severity, each with its OWASP NHI, LLM/agentic and NIST CSF 2.0 ids; then the NHI Top 10 coverage. */
import { Text, View } from '@react-pdf/renderer';
import { SEVERITY_COLORS } from '../../../../shared/report/style.ts';
import type { FindingRow, FindingsSection, FrameworkRef } from '../../../../shared/report/types.ts';
import type { Block } from './flow.tsx';
import { blocks } from './flow.tsx';
import type { Column } from './table.tsx';
import { cellBold, cellText } from './table.tsx';
import { C, s } from './theme.ts';

const columns: Column<FindingRow>[] = [
  { title: 'Finding', width: 46, cell: (f) => [cellBold(f.title), cellText(f.message)] },
  { title: 'Nodes', width: 18, cell: (f) => [{ kind: 'chips', items: f.nodes }] },
  { title: 'OWASP NHI', width: 11, cell: (f) => [{ kind: 'chips', items: f.owasp }] },
  { title: 'LLM / Agentic', width: 12, cell: (f) => [{ kind: 'chips', items: f.llm }] },
  { title: 'NIST CSF 2.0', width: 13, cell: (f) => [{ kind: 'chips', items: f.csf }] },
];

/** Above this many findings in one severity, the PDF lists them by rule (the CSV and HTML list each one). */
export const GROUP_FINDINGS_AT = 40;

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

function SeverityCounts({ section }: { section: FindingsSection }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 10 }}>
      {(['critical', 'high', 'medium', 'low'] as const).map((sev) => (
        <View key={sev} style={{ flexDirection: 'row', alignItems: 'center', marginRight: 14 }}>
          <View style={{ width: 8, height: 8, borderRadius: 1, backgroundColor: SEVERITY_COLORS[sev], marginRight: 4 }} />
          <Text>
            <Text style={s.bold}>{section.counts[sev]}</Text> {sev}
          </Text>
        </View>
      ))}
    </View>
  );
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

export function findingBlocks(section: FindingsSection, width: number): Block[] {
  const out: Block[] = [
    blocks.custom(<SeverityCounts section={section} />, 24),
    blocks.paragraph(
      'Static checks of the model itself, no break needed. Each finding cites the OWASP Non-Human Identities Top 10 (2025), the OWASP LLM (2025) and Agentic (ASI) lists where they apply, and NIST CSF 2.0 subcategories.',
      width,
      { color: C.muted },
    ),
  ];
  if (section.total === 0) out.push(blocks.paragraph('No findings.', width, { color: C.muted }));
  for (const g of section.groups) {
    out.push(
      blocks.custom(
        <Text style={s.h2}>
          <Text style={{ color: SEVERITY_COLORS[g.severity] }}>{cap(g.severity)}</Text> ({g.items.length})
        </Text>,
        13 * 1.25 + 22,
        true,
      ),
    );
    if (g.items.length > GROUP_FINDINGS_AT) {
      out.push(
        blocks.paragraph(
          `${g.items.length} findings, listed by rule with the nodes they concern; the CSV export and the HTML report list each one with its message.`,
          width,
          { size: 7.5, lh: 1.4, color: C.muted, gap: 6 },
        ),
        ...blocks.table(groupColumns, byRule(g.items), width),
      );
    } else out.push(...blocks.table(columns, g.items, width));
  }
  out.push(blocks.h2('OWASP Non-Human Identities Top 10 (2025)', width), ...blocks.table(coverageColumns, section.coverage.owasp, width));
  if (section.coverage.llm.length) {
    out.push(blocks.h2('OWASP LLM and Agentic Top 10', width), ...blocks.table(coverageColumns, section.coverage.llm, width));
  }
  if (section.coverage.csf.length) {
    out.push(blocks.h2('NIST CSF 2.0', width), ...blocks.table(coverageColumns, section.coverage.csf, width));
  }
  return out;
}
