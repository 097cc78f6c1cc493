/** The report as Markdown, for wikis and pull requests: the same sections and numbers as the PDF, no diagram. */
import { EFFECTS } from '../domain/index.ts';
import { PATH_JOIN, formatAt, formatDays, formatHours, formatPercent, formatScore, orNever, plural } from './format.ts';
import { effectText } from '../visual/index.ts';
import { deadCopyText } from '../analysis/index.ts';
import { inertText } from './inert.ts';
import type { ImpactRow, Recommendation, ReportDocument, ScenarioRankRow, ScenarioReport, SectionKey } from './types.ts';
import { SECTION_TITLES } from './types.ts';
import { moreFixesText } from './recommendations.ts';

/**
 * Text safe in Markdown prose and table cells: no accidental emphasis, links, HTML or column breaks, no line break
 * (a lone \r ends a line in CommonMark too), and no control character or bidi override left to act.
 */
export function md(text: string): string {
  return inertText(text)
    .replace(/\n/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

const table = (head: string[], rows: string[][], align?: ('l' | 'r')[]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
];

const yes = (b: boolean) => (b ? 'yes' : 'no');
const list = (items: readonly string[]) => (items.length ? items.map(md).join(', ') : '—');

export function sectionNumber(doc: ReportDocument, key: SectionKey): number {
  return doc.sections.indexOf(key) + 1;
}

/** A summary row's detection: when, never, or not applicable (no attacker, only outages). */
export const detectedCell = (r: ScenarioRankRow) => (!r.attacker ? 'n/a (no attacker)' : r.detectedAt === null ? 'never' : formatAt(r.detectedAt));

/** "−12.4" for one scenario, "−12.4 over 3 scenarios" for a sum; "−12.4 points over 3 scenarios" with the unit. */
export const cutText = (r: Recommendation, unit = '') =>
  `−${formatScore(r.reduction)}${unit}${r.scenarioCount > 1 ? ` over ${r.scenarioCount} scenarios` : ''}`;

/** What the tables print after an impact's effect: " (silent)", " (stolen, dead after 4 h)", or nothing. */
export function impactNote(i: ImpactRow): string {
  return i.silent ? ' (silent)' : i.deadCopy && typeof i.until === 'number' ? ` (${deadCopyText(i.until)})` : '';
}

/**
 * A workshop note as the lines of one bullet, kept as in the HTML and the PDF. Empty lines go (one would end the
 * item), and a line that starts like a list item, a heading underline or a rule ("- x", "1. x", "===") reads as text.
 */
const noteMarkdown = (text: string) =>
  inertText(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => md(line.trim()).replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2'))
    .join('  \n  ');

export function renderMarkdown(doc: ReportDocument): string {
  const { meta } = doc;
  const out: string[] = [`# ${md(meta.title)}`, ''];
  const by = [meta.author, meta.organisation].filter(Boolean).map(md).join(', ');
  out.push(
    [
      meta.title !== meta.modelName && meta.modelName ? `Model: **${md(meta.modelName)}**` : '',
      meta.date ? `Date: ${md(meta.date)}` : '',
      meta.asOf ? `Model as of: ${md(meta.asOf)}` : '',
      by ? `Prepared by: ${by}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    '',
  );
  if (meta.description) out.push(`> ${md(meta.description)}`, '');
  const h2 = (key: SectionKey) => out.push(`## ${sectionNumber(doc, key)}. ${SECTION_TITLES[key]}`, '');

  for (const key of doc.sections) {
    h2(key);
    if (key === 'summary' && doc.summary) {
      const s = doc.summary;
      out.push(...s.headline.map(md), '');
      if (s.scenarios.length) {
        out.push(
          ...table(
            ['#', 'Scenario', 'Exposure', 'Score', 'Nodes reached', 'Detected'],
            s.scenarios.map((r) => [
              String(r.rank),
              md(r.name),
              formatPercent(r.exposure),
              formatScore(r.score),
              String(r.impactedNodes),
              detectedCell(r),
            ]),
            ['r', 'l', 'r', 'r', 'r', 'l'],
          ),
        );
      }
      if (s.worst.length) out.push('**Worst impacts**', '', ...s.worst.map((w) => `- ${md(w.sentence)}`), '');
      if (s.deadCopies.length) out.push('**Stolen, but dead before they carried anything**', '', ...s.deadCopies.map((w) => `- ${md(w.sentence)}`), '');
      if (s.topFixes.length) {
        out.push('**Top fixes**', '', ...s.topFixes.map((r) => `${r.rank}. ${md(r.fixTitle)} (${md(r.edgeText)}): ${cutText(r, ' points')}`), '');
      }
      const t = s.totals;
      out.push(
        `Totals: ${plural(t.nodes, 'node')}, ${plural(t.edges, 'edge')}, ${plural(t.scenarios, 'scenario')}, ${plural(t.impactedNodes, 'node')} reached, ${plural(t.silentOutages, 'silent outage')}, ${plural(t.findingsTotal, 'finding')} (${t.findings.critical} critical, ${t.findings.high} high, ${t.findings.medium} medium, ${t.findings.low} low).`,
        '',
      );
    }
    if (key === 'model' && doc.model) {
      const m = doc.model;
      if (m.description) out.push(md(m.description), '');
      out.push(`Nodes: ${m.kinds.map((k) => md(k.text)).join(', ')}. Monitored: ${m.monitored}.`, '');
      if (m.boundaries.length) out.push(`Trust boundaries: ${m.boundaries.map((b) => `${md(b.label)} (${b.environment}, ${b.nodes} nodes)`).join('; ')}.`, '');
      out.push('### Secrets', '');
      out.push(
        ...(m.secrets.length
          ? table(
              ['Secret', 'Type', 'TTL', 'Rotation', 'Bound', 'Owner', 'Expires', 'Held by', 'Stored in'],
              m.secrets.map((s) => [
                md(s.label),
                s.secretType,
                orNever(s.ttlHours, formatHours),
                orNever(s.rotationDays, formatDays),
                yes(s.bound),
                md(s.owner) || '—',
                s.expiresAt ? md(s.expiresAt) : s.autoRenew ? 'auto-renews' : '—',
                list(s.holders),
                list(s.storedIn),
              ]),
            )
          : ['No secrets.', '']),
      );
      out.push('### Identities', '');
      out.push(
        ...(m.identities.length
          ? table(
              ['Identity', 'Owner', 'Env', 'Last reviewed', 'Used by', 'Grants'],
              m.identities.map((i) => [md(i.label), md(i.owner) || '—', i.environment, i.lastReviewed ?? 'never', list(i.usedBy), list(i.grants)]),
            )
          : ['No identities.', '']),
      );
      out.push('### Agents and tools', '');
      if (m.agents.length) {
        out.push(...table(['Agent', 'Autonomy', 'Owner', 'Tools', 'Instructed by'], m.agents.map((a) => [md(a.label), a.autonomy, md(a.owner) || '—', list(a.tools), list(a.instructedBy)])));
      }
      if (m.tools.length) {
        out.push(...table(['Tool', 'Capabilities', 'Owner', 'Invoked by'], m.tools.map((t) => [md(t.label), t.capabilities.join(', ') || '—', md(t.owner) || '—', list(t.invokedBy)])));
      }
      if (!m.agents.length && !m.tools.length) out.push('No agents or tools.', '');
    }
    if (key === 'scenarios') {
      if (doc.scenarios.length === 0) out.push('No scenarios.', '');
      doc.scenarios.forEach((s, i) => out.push(...scenarioMarkdown(s, `${sectionNumber(doc, 'scenarios')}.${i + 1}`)));
    }
    if (key === 'findings' && doc.findings) {
      const f = doc.findings;
      if (f.total === 0) out.push('No findings.', '');
      for (const g of f.groups) {
        out.push(`### ${g.severity[0].toUpperCase()}${g.severity.slice(1)} (${g.items.length})`, '');
        for (const item of g.items) {
          const refs = [...item.owasp.map((o) => `OWASP ${o}`), ...item.llm, ...item.csf.map((c) => `CSF ${c}`)].join(' · ');
          out.push(`- **${md(item.title)}**: ${md(item.message)}${refs ? ` _(${refs})_` : ''}`);
        }
        out.push('');
      }
      out.push('**OWASP NHI Top 10 (2025) coverage**', '');
      out.push(...table(['Id', 'Risk', 'Findings'], f.coverage.owasp.map((r) => [r.id, md(r.name), String(r.count)]), ['l', 'l', 'r']));
    }
    if (key === 'recommendations' && doc.recommendations) {
      const r = doc.recommendations;
      if (r.items.length === 0) out.push('No single fix reduces any scenario’s score.', '');
      else {
        out.push(
          ...table(
            ['#', 'Fix', 'Where', 'Cuts', 'Closes'],
            r.items.map((x) => [String(x.rank), md(x.fixTitle), md(x.edgeText), cutText(x), md(x.closes)]),
            ['r', 'l', 'l', 'r', 'l'],
          ),
        );
      }
      if (r.more > 0) out.push(md(moreFixesText(r.more)), '');
      for (const b of r.backfires) {
        out.push(`- Caution: “${md(b.fixTitle)}” (${md(b.edgeText)}) raises the score by ${formatScore(-b.reduction)}${b.reason ? ` (${md(b.reason)})` : ''}.`);
      }
      if (r.backfires.length) out.push('');
    }
    if (key === 'notes' && doc.notes) {
      out.push(...doc.notes.notes.map((n) => `- ${noteMarkdown(n.text)}`), '');
    }
    if (key === 'appendix' && doc.appendix) {
      const a = doc.appendix;
      out.push('### Effects', '', ...table(['Effect', 'Meaning', 'Weight'], a.effects.map((e) => [e.label, md(e.meaning), String(e.weight)]), ['l', 'l', 'r']));
      out.push('### Score and exposure', '', ...[...a.score, ...a.exposure].map(md), '');
      out.push('### Assumptions', '', ...table(['Assumption', 'Value', 'Source'], a.assumptions.map((x) => [x.name, md(x.value), md(x.source)])));
      if (a.frameworks.length) out.push('### Framework references', '', ...a.frameworks.map((x) => `- ${x.id}: ${md(x.name)}`), '');
    }
  }
  out.push(`_Made with ${meta.generator}._`, '');
  return out.join('\n');
}

function scenarioMarkdown(s: ScenarioReport, number: string): string[] {
  const out = [`### ${number} ${md(s.name)}`, '', md(s.headline), ''];
  out.push(`Exposure **${formatPercent(s.exposure)}**, score **${formatScore(s.score)}**; ${EFFECTS.map((e) => `${s.counts[e]} ${e}`).join(', ')}.`, '');
  out.push('**What broke**', '', ...s.breaks.map((b) => `- ${b.modeTitle}: ${md(b.label)} (${md(b.meaning)}; ${b.tags.map(md).join(', ')})`), '');
  if (s.responses.length) out.push('**Responses**', '', ...s.responses.map((r) => `- ${md(r.text)}`), '');
  if (s.prevented.length) out.push('**Prevented**', '', ...s.prevented.map((p) => `- ${p.mode} of ${md(p.label)}: ${md(p.reason)}`), '');
  if (s.patches.length || s.removed.length) {
    out.push('**What-if changes**', '', ...s.patches.map((p) => `- ${md(p)}`), ...s.removed.map((r) => `- removed: ${md(r)}`), '');
  }
  out.push('**Timeline**', '', ...s.timeline.notes.map((n) => `- ${md(n)}`), '');
  if (s.impacts.length) {
    out.push(
      ...table(
        ['At', 'Node', 'Effect', 'Points', 'Path'],
        s.impacts.map((i) => [
          formatAt(i.at),
          md(i.label),
          `${effectText(i.effect)}${impactNote(i)}`,
          formatScore(i.points),
          md((i.steps.length ? i.steps : i.chain).join(PATH_JOIN)),
        ]),
        ['r', 'l', 'l', 'r', 'l'],
      ),
    );
  } else out.push('Nothing is reached.', '');
  if (s.silent.length) out.push('**Silent outages**', '', ...s.silent.map((i) => `- ${md(i.label)} goes ${i.effect} ${formatAt(i.at)} and no health check notices.`), '');
  return out;
}
