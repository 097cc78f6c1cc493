/** The app's export: the steps behind "Export report…", file names, the canvas as SVG, saving without Electron. */
import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../shared/ipc/index.ts';
import { SECTION_KEYS } from '../../../shared/report/index.ts';
import { canvasSvg } from '../../../renderer/src/report/canvasExport.ts';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { fileStem, saveExport, savePdf } from '../../../renderer/src/report/save.ts';
import type { ExportSettings } from '../../../renderer/src/report/useReportExport.ts';
import { ExportCancelled, makeReport, today } from '../../../renderer/src/report/useReportExport.ts';
import { reportJobs } from '../../../renderer/src/report/reportJobs.ts';
import type { JobRunner } from '../../../renderer/src/decide/jobs/runner.ts';
import { createJobRunner } from '../../../renderer/src/decide/jobs/runner.ts';
import type { JobSpec } from '../../../renderer/src/decide/jobs/protocol.ts';
import { rankChokepoints } from '../../../shared/analysis/index.ts';
import { SAMPLES, simulateAll } from './fixtures.ts';

const { model } = SAMPLES[0];
const settings = (over: Partial<ExportSettings> = {}): ExportSettings => ({
  scenarioIds: model.scenarios.map((s) => s.id),
  sections: [...SECTION_KEYS],
  title: 'Quarterly review',
  author: 'Ada',
  organisation: 'Acme',
  paper: 'A4',
  ...over,
});

/** The analysis job runner, in-process (the worker's own code, runJob), recording the jobs it is given. */
function recordingRunner(cancelOn?: JobSpec['kind']) {
  const inner = createJobRunner(null);
  const asked: JobSpec['kind'][] = [];
  let cancelled = 0;
  const runner: JobRunner = {
    start(modelJson, spec, onProgress) {
      asked.push(spec.kind);
      const job = inner.start(modelJson, spec, onProgress);
      const made = { done: job.done, cancel: () => (cancelled++, job.cancel()) };
      // Cancel while the job runs (before its macrotask): as Cancel in the dialog does.
      if (spec.kind === cancelOn) queueMicrotask(() => recorded.jobs.cancel());
      return made;
    },
    dispose: () => inner.dispose(),
  };
  const recorded = { jobs: reportJobs(runner), asked, cancelled: () => cancelled };
  return recorded;
}

describe('makeReport', () => {
  it('simulates, ranks and builds, reporting each step in order', async () => {
    const steps: string[] = [];
    const { doc, results } = await makeReport(model, settings(), (phase, step, total) => steps.push(`${phase} ${step}/${total}`), { jobs: recordingRunner().jobs });
    const n = model.scenarios.length;
    expect(steps).toEqual([
      ...model.scenarios.map((_, i) => `simulating ${i}/${2 * n + 2}`),
      ...model.scenarios.map((_, i) => `ranking ${n + i}/${2 * n + 2}`),
      `building ${2 * n}/${2 * n + 2}`,
    ]);
    expect(results).toEqual(simulateAll(model));
    expect(doc.meta).toMatchObject({ title: 'Quarterly review', author: 'Ada', organisation: 'Acme', paper: 'A4', date: today() });
    expect(doc.recommendations!.items.length).toBeGreaterThan(0);
  });

  it('includes only the scenarios chosen, and skips ranking when no section shows fixes', async () => {
    const phases = new Set<string>();
    const { doc } = await makeReport(model, settings({ scenarioIds: [model.scenarios[1].id], sections: ['scenarios'] }), (p) => phases.add(p), {
      jobs: recordingRunner().jobs,
    });
    expect(doc.scenarios.map((s) => s.id)).toEqual([model.scenarios[1].id]);
    expect(phases.has('ranking')).toBe(false);
  });

  it('stops at the next step when cancelled', async () => {
    let calls = 0;
    await expect(makeReport(model, settings(), () => calls++, { jobs: recordingRunner().jobs, stopped: () => calls >= 2 })).rejects.toThrow(ExportCancelled);
    expect(calls).toBe(2);
  });

  it('asks the analysis runner to simulate and rank each scenario, with the same answers as the engine in-process', async () => {
    const { jobs, asked } = recordingRunner();
    const { doc, results } = await makeReport(model, settings(), () => {}, { jobs });
    const n = model.scenarios.length;
    expect(asked).toEqual([...Array<string>(n).fill('simulate'), ...Array<string>(n).fill('rank')]);
    expect(results).toEqual(simulateAll(model));
    // The report reads the same as one built from choke points ranked on the spot.
    const here = await makeReport(model, settings(), () => {}, {
      jobs: recordingRunner().jobs,
      known: { chokepoints: Object.fromEntries(model.scenarios.map((s) => [s.id, rankChokepoints(model, s)])) },
    });
    expect(doc).toEqual(here.doc);
  });

  it("does not ask the runner again for what the preview already has", async () => {
    const { jobs, asked } = recordingRunner();
    const known = {
      results: new Map(model.scenarios.map((s, i) => [s.id, simulateAll(model)[i]])),
      chokepoints: Object.fromEntries(model.scenarios.map((s) => [s.id, rankChokepoints(model, s)])),
    };
    await makeReport(model, settings(), () => {}, { jobs, known });
    expect(asked).toEqual([]);
  });

  it('ends the running job on cancel, and the export stops', async () => {
    const { jobs, asked, cancelled } = recordingRunner('rank');
    const made = makeReport(model, settings(), () => {}, { jobs });
    await expect(made).rejects.toThrow(ExportCancelled);
    expect(cancelled()).toBe(1);
    expect(asked.filter((k) => k === 'rank')).toHaveLength(1);
  });
});

describe('saving', () => {
  it('makes file names every system accepts', () => {
    expect(fileStem('Données clients: Q3 / 2026')).toBe('donnees-clients-q3-2026');
    expect(fileStem('決済サービス')).toBe('決済サービス');
    expect(fileStem('***')).toBe('faultline-report');
  });

  it('hands the PDF to the desktop API', async () => {
    const api = { savePdf: vi.fn(async () => ({ saved: true as const, path: '/x.pdf', name: 'x.pdf' })) } as unknown as DesktopApi;
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await savePdf(bytes, 'report', api);
    expect(api.savePdf).toHaveBeenCalledWith({ suggestedName: 'report.pdf', bytes });
  });

  it('hands other formats to saveExport as UTF-8 bytes, named after their kind', async () => {
    const saveExportFn = vi.fn(async () => ({ saved: true as const, path: null, name: 'r.md' }));
    const api = { saveExport: saveExportFn } as unknown as DesktopApi;
    await saveExport('md', '# Rapport: données', 'r', api);
    expect(saveExportFn).toHaveBeenCalledWith({ suggestedName: 'r.md', kind: 'md', bytes: new TextEncoder().encode('# Rapport: données') });
  });

  it('passes binary content through unchanged', async () => {
    const saveExportFn = vi.fn(async () => ({ saved: true as const, path: null, name: 'd.png' }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await saveExport('png', png, 'd', { saveExport: saveExportFn } as unknown as DesktopApi);
    expect(saveExportFn).toHaveBeenCalledWith({ suggestedName: 'd.png', kind: 'png', bytes: png });
  });
});

describe('canvas SVG', () => {
  it('draws the whole model at canvas scale, on a white sheet, with every label', () => {
    const svg = canvasSvg(model);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<rect x="0" y="0" width="[\d.]+" height="[\d.]+" fill="#ffffff"\/>/);
    const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThan(1000);
    for (const n of model.nodes) expect(svg).toContain(n.label.split(' ')[0].replace(/&/g, '&amp;'));
    expect(svg).toContain(`>${model.name.replace(/&/g, '&amp;')}</text>`);
  });

  it("draws a scenario's radius when asked", () => {
    const result = simulateAll(model)[0];
    const svg = canvasSvg(model, { result, title: 'Radius' });
    // It explains itself: a title, the legend of the vocabulary, and each edge's kind.
    expect(svg).toContain('<title>Blast radius of “Radius”</title>');
    expect(svg).toMatch(/>Blast radius of “Radius”<\/text>/);
    for (const word of ['Control', 'Write', 'Read', 'Down', 'Degraded', 'Break (ringed)', 'Not reached']) expect(svg).toContain(`>${word}</text>`);
    const labelled = [...svg.matchAll(/text-anchor="middle">([a-z-]+)<\/text>/g)].map((m) => m[1]);
    // Labels that would cover a node are left out (edges between neighbours): most of the rest show.
    expect(labelled.length).toBeGreaterThan(model.edges.length / 3);
    for (const kind of labelled) expect(model.edges.some((e) => e.kind === kind)).toBe(true);
    // Reached nodes in the vocabulary's colours, with its glyphs: the control diamond at least.
    expect(svg).toContain(`fill="${EFFECT_LOOKS.control.color.light}"`);
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+Z[^"]*" fill="#A11822"/i);
  });
});
