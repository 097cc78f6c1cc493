/**
 * The report as one standalone HTML file: inline CSS and SVG, no script, no external resource (its own CSP says
 * so), readable offline and printable.
 */
import { EFFECTS } from '../domain/index.ts';
import { diagramSvg, primitivesToSvg, timelineHeight, timelinePrimitives } from './draw.ts';
import { formatAt, formatDays, formatHours, formatPercent, formatScore, orNever } from './format.ts';
import { cutText, detectedCell, impactNote, sectionNumber } from './markdown.ts';
import { diagramLegend } from './legend.ts';
import { inertText } from './inert.ts';
import { EFFECT_STYLES, KIND_STYLES, SEVERITY_COLORS, glyphEvenOdd, glyphPath } from './style.ts';
import type { GlyphName } from '../visual/index.ts';
import type { DiagramView, ReportDocument, ScenarioReport, SectionKey } from './types.ts';
import { SECTION_TITLES } from './types.ts';
import { moreFixesText } from './recommendations.ts';

/** A model's text as HTML: markup escaped, controls and bidi overrides shown (inert.ts), every line break a \n. */
const esc = (s: string) =>
  inertText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root{--ink:#0f172a;--muted:#475569;--rule:#e2e8f0;--accent:#9a3412;--bg:#fff}
*{box-sizing:border-box}
/* A label with no space in it (an ARN, a hash) breaks where it must, in a title, a paragraph, a list or a cell. */
body{margin:0;background:#f1f5f9;color:var(--ink);font:14px/1.5 'Noto Sans','Noto Sans JP','Segoe UI',system-ui,sans-serif;overflow-wrap:anywhere}
main{max-width:1060px;margin:0 auto;padding:32px 40px;background:var(--bg)}
h1{font-size:30px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
h3{font-size:16px;margin:26px 0 8px}h4{font-size:14px;margin:18px 0 6px}
.meta{color:var(--muted);margin:0 0 16px}.lead{font-size:15px}
table{width:100%;border-collapse:collapse;margin:8px 0 16px;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--rule)}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#f8fafc}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
/* A chip moves to the next line whole, and one wider than its cell wraps inside its plate: nothing runs under the next column. */
.chip{display:inline-block;max-width:100%;font-size:11px;padding:1px 6px;border-radius:4px;background:#f1f5f9;margin:0 4px 2px 0}
.sev{color:#fff;font-weight:700;text-transform:uppercase;font-size:11px;padding:1px 6px;border-radius:3px}
.figure{border:1px solid var(--rule);border-radius:6px;padding:8px;margin:10px 0}
.figure>svg{width:100%;height:auto;display:block}
.caption{color:var(--muted);font-size:12px;margin:4px 0 0}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;color:var(--muted);margin-top:6px}
.legend svg{vertical-align:middle;margin-right:4px}
.bar{height:12px;background:#c23b00;border-radius:2px}
.bars td{padding:3px 8px}
.path{color:var(--muted);font-size:12.5px}
.stored{color:var(--accent);font-size:12px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin:12px 0}
.stat{border:1px solid var(--rule);border-radius:6px;padding:8px 10px}.stat b{display:block;font-size:20px}
@media print{body{background:#fff}main{padding:0}.figure{break-inside:avoid}h2{break-before:page}}
`;

function glyphSvg(glyph: GlyphName, color: string): string {
  return `<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="${glyphPath(glyph, 6, 6, 5.5)}" fill="${color}"${glyphEvenOdd(glyph) ? ' fill-rule="evenodd"' : ''}/></svg>`;
}

const marker = (effect: keyof typeof EFFECT_STYLES): string => glyphSvg(EFFECT_STYLES[effect].glyph, EFFECT_STYLES[effect].color);

function legend(view: DiagramView): string {
  const items = diagramLegend(view).map((item) => {
    const w = item.width(12);
    return `<span>${primitivesToSvg(item.swatch(0, 6, 12), { x: 0, y: 0, width: w, height: 12 }, { width: String(w), height: '12' }).replace(' role="img"', ' aria-hidden="true"')}${esc(item.label)}</span>`;
  });
  return `<div class="legend">${items.join('')}</div>`;
}

/** draw.ts writes labels into its SVG as the model has them: no control character gets into the file that way either. */
const inertSvg = (svg: string) => inertText(svg);

function figure(view: DiagramView): string {
  return `<figure class="figure" id="${esc(view.id)}"><h4>${esc(view.title)}</h4>${inertSvg(diagramSvg(view, { tight: true }))}${legend(view)}<figcaption class="caption">${esc(view.caption)}</figcaption></figure>`;
}

const td = (s: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${s}</td>`;
const th = (s: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${esc(s)}</th>`;
const chips = (items: readonly string[]) => items.map((i) => `<span class="chip">${esc(i)}</span>`).join('') || '—';
const yes = (b: boolean) => (b ? 'yes' : 'no');
/** Where a secret sits (a build log, a state bucket), under its holders and in the accent colour, as in the PDF. */
const storedIn = (places: readonly string[]) => (places.length ? `<div class="stored">in ${esc(places.join(', '))}</div>` : '');

function htmlTable(head: string[], rows: string[][], numeric: number[] = [], widths: string[] = []): string {
  const cols = widths.length ? `<colgroup>${widths.map((w) => `<col style="width:${w}">`).join('')}</colgroup>` : '';
  return `<table>${cols}<thead><tr>${head.map((h, i) => th(h, numeric.includes(i) ? 'n' : '')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => td(c, numeric.includes(i) ? 'n' : '')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderHtml(doc: ReportDocument): string {
  const { meta } = doc;
  const by = [meta.author, meta.organisation].filter(Boolean).join(', ');
  const parts: string[] = [
    `<header><h1>${esc(meta.title)}</h1><p class="meta">${[
      meta.title !== meta.modelName && meta.modelName ? `Model: ${esc(meta.modelName)}` : '',
      meta.date ? `Date: ${esc(meta.date)}` : '',
      meta.asOf ? `Model as of: ${esc(meta.asOf)}` : '',
      by ? `Prepared by: ${esc(by)}` : '',
    ]
      .filter(Boolean)
      .join(' · ')}</p>${meta.description ? `<p class="lead">${esc(meta.description)}</p>` : ''}</header>`,
  ];
  const h2 = (key: SectionKey) => `<h2 id="${key}">${sectionNumber(doc, key)}. ${esc(SECTION_TITLES[key])}</h2>`;
  for (const key of doc.sections) {
    parts.push(`<section>${h2(key)}${sectionHtml(doc, key)}</section>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(meta.generator)}">
<title>${esc(meta.title)}</title><style>${CSS}</style></head>
<body><main>${parts.join('\n')}<p class="caption">Made with ${esc(meta.generator)}.</p></main></body></html>
`;
}

function sectionHtml(doc: ReportDocument, key: SectionKey): string {
  switch (key) {
    case 'summary': {
      const s = doc.summary;
      if (!s) return '';
      const t = s.totals;
      const max = Math.max(0.0001, ...s.scenarios.map((r) => r.exposure));
      return [
        s.headline.map((h) => `<p class="lead">${esc(h)}</p>`).join(''),
        `<div class="stats"><div class="stat"><b>${t.scenarios}</b>scenarios</div><div class="stat"><b>${t.impactedNodes}</b>nodes reached</div><div class="stat"><b>${t.undetectedScenarios}</b>undetected</div><div class="stat"><b>${t.silentOutages}</b>silent outages</div><div class="stat"><b>${t.findingsTotal}</b>findings</div></div>`,
        s.scenarios.length
          ? `<h3>Scenarios by exposure</h3><table class="bars"><colgroup><col style="width:4%"><col style="width:32%"><col style="width:24%"><col style="width:8%"><col style="width:8%"><col style="width:10%"><col style="width:14%"></colgroup><thead><tr>${th('#', 'n')}${th('Scenario')}${th('Exposure')}${th('%', 'n')}${th('Score', 'n')}${th('Reached', 'n')}${th('Detected')}</tr></thead><tbody>${s.scenarios
              .map(
                (r) =>
                  `<tr>${td(String(r.rank), 'n')}${td(esc(r.name))}${td(`<div class="bar" style="width:${((r.exposure / max) * 100).toFixed(1)}%"></div>`)}${td(formatPercent(r.exposure), 'n')}${td(formatScore(r.score), 'n')}${td(String(r.impactedNodes), 'n')}${td(detectedCell(r))}</tr>`,
              )
              .join('')}</tbody></table>`
          : '',
        s.worst.length ? `<h3>Worst impacts</h3><ul>${s.worst.map((w) => `<li>${marker(w.effect)} ${esc(w.sentence)}</li>`).join('')}</ul>` : '',
        s.deadCopies.length
          ? `<h3>Stolen, but dead before they carried anything</h3><ul>${s.deadCopies.map((w) => `<li>${esc(w.sentence)}</li>`).join('')}</ul>`
          : '',
        s.topFixes.length
          ? `<h3>Top fixes</h3><ol>${s.topFixes.map((r) => `<li><b>${esc(r.fixTitle)}</b> (${esc(r.edgeText)}): ${esc(cutText(r, ' points'))}</li>`).join('')}</ol>`
          : '',
      ].join('');
    }
    case 'model': {
      const m = doc.model;
      if (!m) return '';
      return [
        m.description ? `<p>${esc(m.description)}</p>` : '',
        `<p>${m.kinds.map((k) => `<span class="chip">${esc(k.text)}</span>`).join('')}</p>`,
        m.diagrams.map(figure).join(''),
        // Column widths as the PDF's: lists of chips get the room, yes/no and durations little.
        '<h3>Secrets</h3>',
        m.secrets.length
          ? htmlTable(
              ['Secret', 'Type', 'TTL', 'Rotation', 'Bound', 'Owner', 'Expires', 'Held by / stored in'],
              m.secrets.map((s) => [esc(s.label), esc(s.secretType), orNever(s.ttlHours, formatHours), orNever(s.rotationDays, formatDays), yes(s.bound), esc(s.owner) || '—', s.expiresAt ? esc(s.expiresAt) : s.autoRenew ? 'auto-renews' : '—', chips(s.holders) + storedIn(s.storedIn)]),
              [],
              ['17%', '10%', '7%', '9%', '7%', '11%', '11%', '28%'],
            )
          : '<p>No secrets.</p>',
        '<h3>Identities</h3>',
        m.identities.length
          ? htmlTable(['Identity', 'Owner', 'Env', 'Last reviewed', 'Used by', 'Grants'], m.identities.map((i) => [esc(i.label), esc(i.owner) || '—', i.environment, esc(i.lastReviewed ?? 'never'), chips(i.usedBy), chips(i.grants)]), [], ['20%', '13%', '8%', '12%', '22%', '25%'])
          : '<p>No identities.</p>',
        '<h3>Agents and tools</h3>',
        m.agents.length ? htmlTable(['Agent', 'Autonomy', 'Owner', 'Tools', 'Instructed by'], m.agents.map((a) => [esc(a.label), a.autonomy, esc(a.owner) || '—', chips(a.tools), chips(a.instructedBy)]), [], ['22%', '11%', '13%', '31%', '23%']) : '',
        m.tools.length ? htmlTable(['Tool', 'Capabilities', 'Owner', 'Invoked by'], m.tools.map((t) => [esc(t.label), chips(t.capabilities), esc(t.owner) || '—', chips(t.invokedBy)]), [], ['24%', '24%', '16%', '36%']) : '',
        !m.agents.length && !m.tools.length ? '<p>No agents or tools.</p>' : '',
      ].join('');
    }
    case 'scenarios':
      return doc.scenarios.length ? doc.scenarios.map((s, i) => scenarioHtml(s, `${sectionNumber(doc, 'scenarios')}.${i + 1}`)).join('') : '<p>No scenarios.</p>';
    case 'findings': {
      const f = doc.findings;
      if (!f) return '';
      return [
        f.total === 0 ? '<p>No findings.</p>' : '',
        ...f.groups.map(
          (g) =>
            `<h3><span class="sev" style="background:${SEVERITY_COLORS[g.severity]}">${g.severity}</span> ${g.items.length}</h3>${htmlTable(
              ['Finding', 'Nodes', 'OWASP NHI', 'LLM / Agentic', 'NIST CSF 2.0'],
              g.items.map((i) => [`<b>${esc(i.title)}</b><br>${esc(i.message)}`, chips(i.nodes), chips(i.owasp), chips(i.llm), chips(i.csf)]),
              [],
              ['44%', '18%', '12%', '12%', '14%'],
            )}`,
        ),
        '<h3>OWASP NHI Top 10 (2025) coverage</h3>',
        htmlTable(['Id', 'Risk', 'Findings'], f.coverage.owasp.map((r) => [r.id, esc(r.name), String(r.count)]), [2], ['12%', '73%', '15%']),
      ].join('');
    }
    case 'recommendations': {
      const r = doc.recommendations;
      if (!r) return '';
      return [
        r.items.length
          ? htmlTable(
              ['#', 'Fix', 'Cuts', 'Closes'],
              r.items.map((x) => [String(x.rank), `<b>${esc(x.fixTitle)}</b><br>${esc(x.edgeText)}<br><span class="path">${esc(x.description)}</span>`, esc(cutText(x)), esc(x.closes)]),
              [0, 2],
              ['5%', '45%', '10%', '40%'],
            )
          : '<p>No single fix reduces any scenario’s score.</p>',
        r.more > 0 ? `<p class="meta">${esc(moreFixesText(r.more))}</p>` : '',
        ...r.backfires.map((b) => `<p>Caution: “${esc(b.fixTitle)}” (${esc(b.edgeText)}) raises the score by ${formatScore(-b.reduction)}${b.reason ? ` (${esc(b.reason)})` : ''}.</p>`),
      ].join('');
    }
    case 'notes':
      return doc.notes ? `<ul class="notes">${doc.notes.notes.map((n) => `<li>${esc(n.text).replace(/\n/g, '<br>')}</li>`).join('')}</ul>` : '';
    case 'appendix': {
      const a = doc.appendix;
      if (!a) return '';
      return [
        '<h3>Effects</h3>',
        htmlTable(['Effect', 'Meaning', 'Weight'], a.effects.map((e) => [`${marker(e.effect)} ${e.label}`, esc(e.meaning), String(e.weight)]), [2], ['18%', '67%', '15%']),
        '<h3>Score and exposure</h3>',
        [...a.score, ...a.exposure].map((s) => `<p>${esc(s)}</p>`).join(''),
        '<h3>Break modes</h3>',
        htmlTable(['Mode', 'Meaning', 'Tags'], a.breakModes.map((b) => [esc(b.title), esc(b.meaning), chips(b.tags)])),
        '<h3>Assumptions</h3>',
        htmlTable(['Assumption', 'Value', 'Source'], a.assumptions.map((x) => [esc(x.name), esc(x.value), esc(x.source)]), [], ['18%', '50%', '32%']),
        a.frameworks.length ? `<h3>Framework references</h3><ul>${a.frameworks.map((x) => `<li>${esc(x.id)}: ${esc(x.name)}</li>`).join('')}</ul>` : '',
      ].join('');
    }
    default:
      return key satisfies never;
  }
}

function scenarioHtml(s: ScenarioReport, number: string): string {
  const h = timelineHeight(s.timeline, 78);
  const timeline = inertSvg(primitivesToSvg(timelinePrimitives(s.timeline, 680, h), { x: 0, y: 0, width: 680, height: h }, { title: 'Timeline' }));
  return [
    `<h3 id="scenario-${esc(s.id)}">${number} ${esc(s.name)}</h3>`,
    `<p class="lead">${esc(s.headline)}</p>`,
    `<p>Exposure <b>${formatPercent(s.exposure)}</b>, score <b>${formatScore(s.score)}</b> · ${EFFECTS.map((e) => `${s.counts[e]} ${e}`).join(', ')}</p>`,
    `<h4>What broke</h4><ul>${s.breaks.map((b) => `<li><b>${esc(b.modeTitle)}</b>: ${esc(b.label)}: ${esc(b.meaning)} ${chips(b.tags)}</li>`).join('')}</ul>`,
    s.responses.length ? `<h4>Responses</h4><ul>${s.responses.map((r) => `<li>${esc(r.text)}</li>`).join('')}</ul>` : '',
    s.prevented.length ? `<h4>Prevented</h4><ul>${s.prevented.map((p) => `<li>${esc(p.mode)} of ${esc(p.label)}: ${esc(p.reason)}</li>`).join('')}</ul>` : '',
    s.patches.length || s.removed.length ? `<h4>What-if changes</h4><ul>${[...s.patches, ...s.removed.map((r) => `removed: ${r}`)].map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '',
    s.diagrams.map(figure).join(''),
    `<h4>Timeline</h4><div class="figure">${timeline}</div><ul>${s.timeline.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`,
    '<h4>Impacts</h4>',
    s.impacts.length
      ? htmlTable(
          ['At', 'Node', 'Effect', 'Points', 'Path'],
          s.impacts.map((i) => [
            formatAt(i.at),
            `${esc(i.label)}<br><span class="path">${esc(KIND_STYLES[i.kind].label)}</span>`,
            `${marker(i.effect)} ${EFFECT_STYLES[i.effect].label}${esc(impactNote(i))}`,
            formatScore(i.points),
            `<span class="path">${esc(i.route)}</span><br>${i.steps.map(esc).join('<br>')}`,
          ]),
          [0, 3],
          ['9%', '20%', '13%', '8%', '50%'],
        )
      : '<p>Nothing is reached.</p>',
    s.silent.length ? `<h4>Silent outages</h4><ul>${s.silent.map((i) => `<li>${esc(i.label)} goes ${i.effect} ${formatAt(i.at)} and no health check notices.</li>`).join('')}</ul>` : '',
  ].join('');
}
