/**
 * The report on a 300-node model with 5 scenarios (test/report/bigModel.ts): simulate, build the report model
 * (paths in words, choke points, findings, diagram geometry), render the PDF. Target: the whole report in under
 * 5 s. The first PDF of a process also loads and parses the fonts; the second run shows the steady cost.
 */
import { performance } from 'node:perf_hooks';
import { simulate } from '../../shared/engine/index.ts';
import { buildReport } from '../../shared/report/index.ts';
import { loadNodeReportFonts } from '../../cli/reportFonts.ts';
import { renderReportPdf } from '../../shared/report/pdf/index.ts';
import { bigModel } from '../../test/report/bigModel.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, ms, within } from '../lib/measure.ts';

const TARGET_MS = 5000;

const pages = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Wall time, and the process's CPU time: on a busy machine the first grows, the second much less. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, value };
}

export const reportSuite: Suite = {
  name: 'report',
  description: 'report of a 300-node model with 5 scenarios: build time and PDF size',
  async run(print) {
    const model = bigModel();
    print(`${model.nodes.length} nodes, ${model.edges.length} edges, ${model.scenarios.length} scenarios`);
    for (const run of ['first run (loads fonts)', 'second run']) {
      const sim = await timed(() => model.scenarios.map((s) => simulate(model, s)));
      const build = await timed(() => buildReport(model, model.scenarios, sim.value, { date: '2026-11-27' }));
      // Reading the font files is part of the render, as when the CLI writes a PDF.
      const pdf = await timed(async () => renderReportPdf(build.value, { fonts: await loadNodeReportFonts() }));
      const total = sim.ms + build.ms + pdf.ms;
      const impacts = build.value.scenarios.reduce((n, s) => n + s.impacts.length, 0);
      print(`${run}:`);
      print(figure('simulate 5 scenarios', ms(sim.ms)));
      print(figure(`build the report model (${impacts} impacts)`, ms(build.ms)));
      print(figure(`render the PDF (${pages(pdf.value)} pages)`, ms(pdf.ms)));
      print(figure('  of which CPU time (all threads)', ms(pdf.cpu)));
      print(figure('PDF size', mb(pdf.value.byteLength)));
      print(figure('whole report', ms(total), within(total, TARGET_MS, 'ms', true)));
    }
  },
};
