/** `faultline report` and `simulate --format html|pdf`, run in-process over the CLI's test harness. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../../../shared/report/types.ts';
import { cli, SMALL } from '../cli/harness.ts';
import { pdfPages, squash } from './pdfTools.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline report', () => {
  it('writes the full report as a PDF to --out', async () => {
    const out = join(dir, 'report.pdf');
    const r = await cli(['report', SMALL, '--out', out, '--author', 'Ada Lovelace', '--date', '2026-11-27']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = squash(pdfPages(new Uint8Array(readFileSync(out))).join('\n'));
    for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(squash(title));
    expect(text).toContain('AdaLovelace');
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
    [['--format', 'docx'], '--format "docx": expected pdf or html or md'],
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

  it('needs --out for a PDF, and has no probabilistic PDF', async () => {
    const pdf = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('simulate: a PDF needs --out PATH');
    const mc = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'pdf', '--probabilistic', '--out', 'x.pdf']);
    expect(mc.code).toBe(2);
    expect(mc.stderr).toContain('--probabilistic prints json or md');
  });
});
