/** `faultline report` and `simulate --format html|pdf`, run in-process over the CLI's test harness. */
import { describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../../../shared/report/index.ts';
import { cli, SMALL } from '../cli/harness.ts';
import { pdfPageSizes, pdfPages, squash } from '../../tools/pdfText.ts';

const LETTER = { width: 612, height: 792 };

describe('faultline report', () => {
  it('writes the full report as a PDF to --out', async () => {
    const r = await cli(['report', SMALL, '--out', 'out/report.pdf', '--author', 'Ada Lovelace', '--date', '2026-11-27']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = squash((await pdfPages(r.writtenBytes.get('out/report.pdf')!)).join('\n'));
    // Every section but the workshop notes, which print only when the model has some (the fixture has none).
    for (const [key, title] of Object.entries(SECTION_TITLES)) if (key !== 'notes') expect(text).toContain(squash(title));
    expect(text).toContain('AdaLovelace');
  });

  it('prints on Letter paper when asked, and keeps only the scenarios picked', async () => {
    const r = await cli(['report', SMALL, '--out', 'r.pdf', '--paper', 'Letter', '--scenario', 'tls-expired', '--sections', 'scenarios']);
    expect(r.code).toBe(0);
    const bytes = r.writtenBytes.get('r.pdf')!;
    const portrait = (await pdfPageSizes(bytes)).filter((p) => p.height > p.width);
    expect(portrait.length).toBeGreaterThan(0);
    for (const p of portrait) expect(p).toEqual(LETTER);
    const text = squash((await pdfPages(bytes)).join('\n'));
    expect(text).toContain(squash('API certificate expired'));
    expect(text).not.toContain(squash('CI token leaked from the build log'));
  });

  it('says why the PDF could not be written, without a stack', async () => {
    const r = await cli(['report', SMALL, '--out', '/readonly/r.pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: /readonly/r.pdf: cannot write (permission denied)\n');
  });

  it('writes Markdown to standard output, and HTML to a file named .html', async () => {
    const md = await cli(['report', SMALL, '--format', 'md', '--date', '2026-11-27']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## 1. Executive summary');
    const html = await cli(['report', SMALL, '--out', 'r.html', '--scenario', 'tls-expired', '--date', '2026-11-27']);
    expect(html.code).toBe(0);
    const page = html.written.get('r.html') ?? '';
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('tls-expired');
    expect(page).not.toContain('scenario-leaked-ci-token');
  });

  it('writes the report document as JSON, and text as Markdown (one --format vocabulary)', async () => {
    const json = await cli(['report', SMALL, '--format', 'json', '--sections', 'summary,recommendations', '--date', '2026-11-27']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.sections).toEqual(['summary', 'recommendations']);
    expect(doc.meta).toMatchObject({ date: '2026-11-27', scenarioCount: 3 });
    expect(doc.recommendations.items.length).toBeGreaterThan(0);
    const text = await cli(['report', SMALL, '--format', 'text', '--sections', 'findings', '--date', '2026-11-27']);
    const md = await cli(['report', SMALL, '--format', 'md', '--sections', 'findings', '--date', '2026-11-27']);
    expect(text.stdout).toBe(md.stdout);
    const byName = await cli(['report', SMALL, '--out', 'r.json', '--sections', 'findings', '--date', '2026-11-27']);
    expect(JSON.parse(byName.written.get('r.json') ?? '').sections).toEqual(['findings']);
  });

  it('keeps only the sections asked for', async () => {
    const r = await cli(['report', SMALL, '--format', 'md', '--sections', 'findings,appendix', '--date', '2026-11-27']);
    expect(r.stdout).toContain('## 1. Findings');
    expect(r.stdout).not.toContain('Executive summary');
  });

  it.each([
    [['--format', 'pdf'], 'report: a PDF needs --out PATH'],
    [['--out', 'x.pdf', '--scenario', 'nope'], 'no scenario "nope"'],
    [['--out', 'x.pdf', '--paper', 'A3'], '--paper "A3": expected A4 or Letter'],
    [['--out', 'x.pdf', '--sections', 'summary,extras'], '--sections "summary,extras"'],
    [['--out', 'x.pdf', '--date', 'tomorrow'], '--date "tomorrow": expected YYYY-MM-DD'],
    [['--format', 'docx'], '--format "docx": expected text, md, json, html or pdf'],
  ])('refuses %j as bad input', async (args, message) => {
    const r = await cli(['report', SMALL, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('faultline simulate --format html|pdf', () => {
  it('prints the report of one scenario as standalone HTML', async () => {
    const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toContain('Scenarios');
    expect(r.stdout).toContain('Recommendations');
  });

  it('writes the report of one scenario as a PDF to --out', async () => {
    const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'pdf', '--out', 'radius.pdf']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = squash((await pdfPages(r.writtenBytes.get('radius.pdf')!)).join('\n'));
    expect(text).toContain(squash(SECTION_TITLES.scenarios));
    expect(text).toContain(squash('CI token leaked from the build log'));
    expect(text).not.toContain(squash('API certificate expired'));
  });

  it('prints the scenario as Markdown', async () => {
    const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# /);
    expect(r.stdout).toContain('leaked-ci-token');
  });

  it('needs --out for a PDF, and has no probabilistic PDF', async () => {
    const pdf = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('simulate: a PDF needs --out PATH');
    const mc = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'pdf', '--probabilistic', '--out', 'x.pdf']);
    expect(mc.code).toBe(2);
    expect(mc.stderr).toContain('--probabilistic prints text, md or json');
  });
});
