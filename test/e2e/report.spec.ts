/**
 * Export report…, driven as a person does: open a model, open the dialog, choose what goes in, export; the
 * download is a PDF that parses, with the sections and labels the report model says it has. Needs the dialog
 * mounted in App (toolbar button `action-export-report`) and the CSP allowing WebAssembly for react-pdf's
 * layout engine ('wasm-unsafe-eval'; connect-src data:).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SECTION_TITLES } from '../../shared/report/types.ts';
import { expect, openFileThroughUi, test } from './fixtures.ts';

const FILE = 'ai-support-agent.faultline.json';
const TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples', FILE), 'utf8');
const squash = (s: string) => s.replace(/[\s\u00a0\-‐]+/g, '');

async function openDialog(page: Page) {
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: TEXT });
  await page.getByTestId('action-export-report').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

test('Export PDF downloads a report that parses, with every section', async ({ page, guards }) => {
  await openDialog(page);
  await page.getByTestId('export-author').fill('Ada Lovelace');
  // The preview is the report's HTML in a sandboxed frame: the cover follows what is typed.
  await expect(page.frameLocator('[data-testid="export-preview-frame"]').locator('body')).toContainText('Ada Lovelace');
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-pdf').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await file.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
  for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(squash(title));
  expect(text).toContain('AdaLovelace');
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-phase', 'done');
  await expect(page.getByTestId('export-progress')).toContainText(/Saved .*\.pdf: \d+ pages/);
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});

test('leaving a section and a scenario out leaves them out of the PDF', async ({ page, guards }) => {
  await openDialog(page);
  await page.getByTestId('export-section-findings').uncheck();
  await page.getByTestId('export-scenario-model-outage').uncheck();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-pdf').click();
  const text = squash(execFileSync('pdftotext', [await (await download).path(), '-'], { encoding: 'utf8' }));
  expect(text).not.toContain(squash('4 Findings'));
  expect(text).not.toContain(squash('Model provider outage'));
  expect(text).toContain(squash(SECTION_TITLES.recommendations));
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});

test('the other formats download as files of their kind', async ({ page, guards }) => {
  await openDialog(page);
  for (const [action, pattern, head] of [
    ['action-export-md', /\.md$/, '# '],
    ['action-export-html', /\.html$/, '<!doctype html>'],
    ['action-export-csv-impacts', /-impacts\.csv$/, '\uFEFFscenario_id,'],
    ['action-export-svg', /-diagram\.svg$/, '<svg '],
  ] as const) {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId(action).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(pattern);
    expect(readFileSync(await file.path(), 'utf8').startsWith(head)).toBe(true);
  }
  const png = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('action-export-png').click();
  const bytes = readFileSync(await (await png).path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});

test('Escape closes the dialog', async ({ page, guards }) => {
  await openDialog(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});
