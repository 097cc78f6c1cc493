/** Findings as terminal text or Markdown: a count line, then each finding with its mappings and message. */
import type { Finding } from '../../shared/analysis/index.ts';
import { countBySeverity } from '../../shared/analysis/index.ts';
import { md } from '../../shared/report/index.ts';

export function findingsText(file: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return `${file}: no findings\n`;
  const counts = countBySeverity(findings);
  const parts = (Object.entries(counts) as [string, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  const lines = [`${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')})`];
  for (const f of findings) {
    const refs = [...f.owasp, ...f.llm, ...f.csf.map((c) => `CSF ${c}`)];
    lines.push('', `${f.severity.toUpperCase().padEnd(8)}  ${f.title}  (${f.id})`, `          ${f.message}`);
    if (refs.length) lines.push(`          ${refs.join(' · ')}`);
  }
  return lines.join('\n') + '\n';
}

const countLine = (findings: readonly Finding[]) => {
  const counts = countBySeverity(findings);
  const parts = (Object.entries(counts) as [string, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')})`;
};

export function findingsMarkdown(file: string, findings: readonly Finding[]): string {
  const lines = [`# Findings: ${md(file)}`, ''];
  if (findings.length === 0) return [...lines, 'No findings.', ''].join('\n');
  lines.push(`${countLine(findings)}.`, '');
  for (const f of findings) {
    const refs = [...f.owasp.map((o) => `OWASP ${o}`), ...f.llm, ...f.csf.map((c) => `CSF ${c}`)];
    lines.push(`- **${f.severity}** ${md(f.title)} (\`${f.id}\`): ${md(f.message)}${refs.length ? ` _${refs.join(' · ')}_` : ''}`);
  }
  return lines.join('\n') + '\n';
}
