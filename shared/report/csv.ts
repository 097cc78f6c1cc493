/**
 * CSV for trackers and spreadsheets (RFC 4180: quoted where needed, CRLF). Text cells that a spreadsheet would
 * run as a formula (starting with = + - @, tab or CR) get a leading apostrophe: a node label is data, not code.
 */
import { PATH_JOIN } from './format.ts';
import type { ReportDocument } from './types.ts';

type Cell = string | number | boolean | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(head: readonly string[], rows: readonly Cell[][], options: { bom?: boolean } = {}): string {
  const lines = [head, ...rows].map((r) => r.map(csvCell).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** One row per impact of every scenario in the report. */
export function impactsCsv(doc: ReportDocument, options: { bom?: boolean } = {}): string {
  const head = [
    'scenario_id',
    'scenario',
    'node_id',
    'node',
    'kind',
    'effect',
    'at_hours',
    'silent',
    'criticality',
    'points',
    'via_edge',
    'via_from',
    'path',
  ];
  const rows = doc.scenarios.flatMap((s) =>
    s.impacts.map((i): Cell[] => [
      s.id,
      s.name,
      i.node,
      i.label,
      i.kind,
      i.effect,
      i.at,
      i.silent,
      i.criticality,
      Number(i.points.toFixed(3)),
      i.via?.edge ?? null,
      i.via?.from ?? null,
      (i.steps.length ? i.steps : i.chain).join(PATH_JOIN),
    ]),
  );
  return toCsv(head, rows, options);
}

/** One row per finding, with its framework ids separated by spaces. */
export function findingsCsv(doc: ReportDocument, options: { bom?: boolean } = {}): string {
  const head = ['id', 'severity', 'rule', 'title', 'message', 'nodes', 'owasp_nhi', 'owasp_llm_agentic', 'nist_csf'];
  const rows = (doc.findings?.groups ?? []).flatMap((g) =>
    g.items.map((f): Cell[] => [f.id, f.severity, f.rule, f.title, f.message, f.nodes.join('; '), f.owasp.join(' '), f.llm.join(' '), f.csf.join(' ')]),
  );
  return toCsv(head, rows, options);
}
