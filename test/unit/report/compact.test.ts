/** A small model gets a compact PDF: sections run on, diagrams sit in the text; nothing is left out. */
import { describe, expect, it } from 'vitest';
import { rankChokepoints } from '../../../shared/analysis/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { buildReport, SECTION_TITLES } from '../../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../../cli/reportFonts.ts';
import { renderReportPdf } from '../../../shared/report/pdf/index.ts';
import { pdfPageSizes, pdfPages, squash } from '../../tools/pdfText.ts';
import { buildModel } from '../engine/build.ts';

function sevenNodes() {
  const model = buildModel(
    [
      ['ci', 'pipeline', {}],
      ['tok', 'secret', { owner: 'platform' }],
      ['role', 'identity', {}],
      ['api', 'service', { criticality: 5 }],
      ['db', 'datastore', { sensitivity: 'restricted', monitored: true }],
      ['log', 'location', { audience: 'public' }],
      ['lib', 'dependency', {}],
    ],
    [
      ['e1', 'holds', 'ci', 'tok'],
      ['e2', 'authenticates', 'tok', 'role'],
      ['e3', 'grants', 'role', 'db', { access: 'admin' }],
      ['e4', 'deploys', 'ci', 'api'],
      ['e5', 'contains', 'log', 'tok'],
      ['e6', 'depends-on', 'api', 'lib'],
      ['e7', 'calls', 'api', 'db', { access: 'write' }],
    ],
    [{ id: 'leak', name: 'CI token leaks in a public log', breaks: [{ mode: 'leak', node: 'tok' }] }],
  );
  model.nodes.forEach((n, i) => (n.position = { x: (i % 4) * 260, y: Math.floor(i / 4) * 140 }));
  return model;
}

describe('the PDF of a 7-node model', () => {
  it('is compact: every section, each diagram in the text, no page for a few lines', async () => {
    const model = sevenNodes();
    const results = model.scenarios.map((s) => simulate(model, s));
    const chokepoints = Object.fromEntries(model.scenarios.map((s) => [s.id, rankChokepoints(model, s)]));
    const bytes = await renderReportPdf(buildReport(model, model.scenarios, results, { chokepoints }), { fonts: await loadNodeReportFonts() });
    const pages = await pdfPages(bytes);
    const text = squash(pages.join('\n'));
    // Every section but the workshop notes, which print only when the model has some (this one has none).
    for (const [key, title] of Object.entries(SECTION_TITLES)) if (key !== 'notes') expect(text).toContain(squash(title));
    expect(text).toContain(squash('Blast radius of “CI token leaks in a public log”'));
    // Cover plus about one page per two sections; before, one or more pages per section (12 in all).
    expect(pages.length).toBeLessThanOrEqual(9);
    // Diagrams are in the portrait flow: no landscape page.
    for (const size of await pdfPageSizes(bytes)) expect(size.height).toBeGreaterThan(size.width);
    // No page between the cover and the last holds only a few lines.
    for (const page of pages.slice(1, -1)) expect(page.length, page.slice(0, 80)).toBeGreaterThan(600);
  });
});
