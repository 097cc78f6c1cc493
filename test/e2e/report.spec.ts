/**
 * Export report…, driven as a person does: open a model, open the dialog, choose what goes in, export; the
 * download is a PDF that parses, with the sections and labels the report model says it has. The PDF is drawn
 * by pdfkit in the page, under the app's strict CSP (no eval, no WebAssembly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { simulate } from '../../shared/engine/index.ts';
import { parseModelFile } from '../../shared/file/index.ts';
import { SECTION_TITLES } from '../../shared/report/index.ts';
import { effectText } from '../../shared/visual/index.ts';
import { pdfPageSizes, pdfPages, squash } from '../tools/pdfText.ts';
import { clickEmptyCanvas } from './editor-helpers.ts';
import { expect, openFileThroughUi, test } from './fixtures.ts';

const FILE = 'ai-support-agent.faultline.json';
const TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples', FILE), 'utf8');

function sampleModel() {
  const loaded = parseModelFile(TEXT);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

async function openDialog(page: Page) {
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: TEXT });
  await page.getByTestId('action-export-report').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

test('Export PDF downloads a report that parses, with every section', async ({ page, guards }) => {
  await openDialog(page);
  // Typed while the scenarios are still simulating, then once the preview is drawn.
  await page.getByTestId('export-author').fill('Ada Lovelace');
  await expect(page.getByTestId('export-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.getByTestId('export-organisation').fill('Analytical Engines Ltd');
  // The preview is the report's HTML in a sandboxed frame: the cover follows what is typed.
  await expect(page.frameLocator('[data-testid="export-preview-frame"]').locator('body')).toContainText('Ada Lovelace, Analytical Engines Ltd');
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-pdf').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await file.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = squash((await pdfPages(bytes)).join('\n'));
  // Every section; Workshop notes print only for a model with notes (the sample has none: decide.spec.ts exports one).
  for (const [key, title] of Object.entries(SECTION_TITLES)) if (key !== 'notes') expect(text).toContain(squash(title));
  expect(text).not.toContain(squash(SECTION_TITLES.notes));
  expect(text).toContain('AdaLovelace');
  expect(text).toContain('AnalyticalEnginesLtd');
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
  const text = squash((await pdfPages(readFileSync(await (await download).path()))).join('\n'));
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

test("the preview's simulations and rankings run in the analysis worker, and the export follows", async ({ page, guards }) => {
  const analysisWorkers: string[] = [];
  page.on('worker', (w) => void (w.url().includes('analysis.worker') && analysisWorkers.push(w.url())));
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: TEXT });
  const before = analysisWorkers.length;
  await page.getByTestId('action-export-report').click();
  await expect(page.getByTestId('export-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  // The dialog's simulations and rankings ran as analysis jobs: opening it started that worker.
  expect(analysisWorkers.length).toBeGreaterThan(before);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-md').click();
  await download;
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-phase', 'done');
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});

test('Escape closes the dialog', async ({ page, guards }) => {
  await openDialog(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});

test('the Markdown download holds the chosen scenario with every impact the engine finds', async ({ page, guards }) => {
  const model = sampleModel();
  const scenario = model.scenarios.find((s) => s.id === 'zendesk-token-in-slack')!;
  const impacts = simulate(model, scenario).impacts;
  expect(impacts.length).toBeGreaterThan(1);
  await openDialog(page);
  for (const s of model.scenarios) if (s.id !== scenario.id) await page.getByTestId(`export-scenario-${s.id}`).uncheck();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('action-export-md').click();
  // Read as a person reads it: Markdown's backslash escapes (`\#`, `\_`) removed.
  const md = readFileSync(await (await download).path(), 'utf8').replace(/\\([\\`*_{}[\]()#+.!<>-])/g, '$1');
  expect(md).toContain(`### 3.1 ${scenario.name}`);
  for (const other of model.scenarios.filter((s) => s.id !== scenario.id)) expect(md).not.toContain(other.name);
  const rows = md.split('\n').filter((line) => line.startsWith('| '));
  for (const impact of impacts) {
    const label = model.nodes.find((n) => n.id === impact.node)!.label;
    // The effect as the canvas and the PDF show it: its glyph, then its word (`◆ Control`).
    const effect = effectText(impact.effect);
    expect(rows.some((row) => row.includes(`| ${label} | ${effect}`)), `${label}: ${effect}`).toBe(true);
  }
  await expect(page.getByTestId('export-progress')).toContainText(/Saved .*\.md\./);
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});

test('the paper chosen is the paper of the PDF: Letter, then A4', async ({ page }) => {
  // Two whole PDFs, made and read back: on a loaded shared machine that alone can pass a minute.
  test.setTimeout(150_000);
  await openDialog(page);
  // Fewer pages, faster: the scenarios section of one scenario.
  for (const key of Object.keys(SECTION_TITLES)) if (key !== 'scenarios') await page.getByTestId(`export-section-${key}`).uncheck();
  for (const s of sampleModel().scenarios) if (s.id !== 'model-outage') await page.getByTestId(`export-scenario-${s.id}`).uncheck();
  for (const [paper, portrait] of [
    ['Letter', { width: 612, height: 792 }],
    ['A4', { width: 595.28, height: 841.89 }],
  ] as const) {
    await page.getByTestId(`export-paper-${paper}`).check();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('action-export-pdf').click();
    const sizes = await pdfPageSizes(readFileSync(await (await download).path()));
    const upright = sizes.filter((p) => p.height > p.width);
    expect(upright.length, `${paper}: portrait pages`).toBeGreaterThan(0);
    for (const p of upright) expect(p, paper).toEqual(portrait);
    // Diagrams are on landscape pages of the same paper.
    for (const p of sizes.filter((x) => x.width > x.height)) expect(p, `${paper} landscape`).toEqual({ width: portrait.height, height: portrait.width });
  }
});

test('Mod+E opens the dialog, the shortcuts list says so, and focus stays inside the dialog', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: TEXT });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-overlay')).toContainText('Export report');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-overlay')).toBeHidden();
  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+e');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-title')).toBeFocused();
  // The preview is sandboxed (no scripts, opaque origin) and still draws the report's diagrams.
  await expect(page.getByTestId('export-preview-frame')).toHaveAttribute('sandbox', '');
  const preview = page.frameLocator('[data-testid="export-preview-frame"]');
  await expect(preview.locator('h2', { hasText: SECTION_TITLES.model })).toBeVisible();
  await expect(preview.locator('figure svg').first()).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="export-dialog"]')));
    expect(inside, `focus inside after ${i + 1} presses`).toBe(true);
  }
  await page.getByTestId('action-close-export').click();
  await expect(dialog).toBeHidden();
});

test('the HTML download fits a 1280 px window: every cell holds what it shows, even a label with no space', async ({ page, context, guards }) => {
  // The sample, with the agent's service account renamed to a 300-character ARN: it is a chip in three tables.
  const file = JSON.parse(TEXT);
  file.model.nodes.find((n: { id: string }) => n.id === 'agent-sa').label = `arn:aws:iam::123456789012:role/${'support-agent-'.repeat(21)}`;
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: JSON.stringify(file) });
  await page.getByTestId('action-export-report').click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('action-export-html').click();
  const html = readFileSync(await (await download).path(), 'utf8');
  const report = await context.newPage();
  await report.setViewportSize({ width: 1280, height: 720 });
  await report.setContent(html);
  const layout = await report.evaluate(() => {
    const spill: string[] = [];
    for (const el of document.querySelectorAll('td *')) {
      if (el.closest('svg') && el.tagName !== 'svg') continue;
      const cell = el.closest('td')!;
      const style = getComputedStyle(cell);
      const edge = cell.getBoundingClientRect().right - parseFloat(style.paddingRight);
      const right = el.getBoundingClientRect().right;
      if (right > edge + 1) spill.push(`${el.textContent!.slice(0, 40)}: ${Math.round(right - edge)} px past its cell`);
    }
    const clipped = [...document.querySelectorAll('h1, h2, h3, h4, p, li, td, th')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent!.slice(0, 40));
    return { spill, clipped, pageWidth: document.documentElement.scrollWidth };
  });
  expect(layout.spill, 'content running past its table cell').toEqual([]);
  expect(layout.clipped, 'text wider than its box').toEqual([]);
  expect(layout.pageWidth).toBeLessThanOrEqual(1280);
  expect(guards.foreignRequests, 'nothing leaves the machine').toEqual([]);
});
