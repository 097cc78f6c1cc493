/**
 * One visual language: the same scenario reads the same on the canvas, in its legend, in the PDF, the HTML and
 * the canvas picture. Each effect has one colour and one glyph, from shared/visual/effects.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { simulate } from '../../shared/engine/simulate.ts';
import { parseModelFile } from '../../shared/file/loader.ts';
import { glyphPath } from '../../shared/report/style.ts';
import { EFFECT_LOOKS } from '../../shared/visual/effects.ts';
import { pdfFillColours } from '../tools/pdfText.ts';
import { openFileThroughUi } from './fixtures.ts';
import { expect, test } from './editor-helpers.ts';

const FILE = 'cicd-pipeline.faultline.json';
const TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples', FILE), 'utf8');
const SCENARIO = 'pat-leak';

function model() {
  const parsed = parseModelFile(TEXT);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A node the scenario reaches at `effect` (as its highest effect), and is not a break. */
function reachedAt(effect: 'control' | 'write'): string {
  const m = model();
  const s = m.scenarios.find((x) => x.id === SCENARIO)!;
  const impacts = simulate(m, s).impacts.filter((i) => i.effect === effect && !s.breaks.some((b) => b.node === i.node));
  return impacts[0].node;
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function showScenario(page: Page) {
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: TEXT });
  await page.getByTestId(`scenario-item-${SCENARIO}`).click();
  await expect(page.getByTestId('overlay-legend')).toBeVisible();
}

test('the canvas tags and legend draw each effect in its one colour and glyph, in both themes', async ({ page }) => {
  await showScenario(page);
  for (const effect of ['control', 'write'] as const) {
    const look = EFFECT_LOOKS[effect];
    const tag = page.getByTestId(`rf__node-${reachedAt(effect)}`).locator(`.fx-tag-${effect}`);
    await expect(tag).toHaveCSS('background-color', rgb(look.color.light));
    await expect(tag.locator('svg')).toHaveAttribute('data-glyph', look.glyph);
    const legend = page.locator(`[data-legend="${effect}"] .fx-swatch`);
    await expect(legend).toHaveCSS('color', rgb(look.color.light));
    await expect(legend.locator('svg')).toHaveAttribute('data-glyph', look.glyph);
  }
  await page.getByTestId('action-theme').click();
  const tag = page.getByTestId(`rf__node-${reachedAt('control')}`).locator('.fx-tag-control');
  await expect(tag).toHaveCSS('background-color', rgb(EFFECT_LOOKS.control.color.dark));
});

test('the PDF, the HTML and the canvas picture of the scenario use the same colours and glyphs', async ({ page }) => {
  test.setTimeout(180_000);
  await showScenario(page);
  await page.getByTestId('action-export-report').click();
  for (const s of model().scenarios) if (s.id !== SCENARIO) await page.getByTestId(`export-scenario-${s.id}`).uncheck();

  const pdf = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-pdf').click();
  const fills = await pdfFillColours(readFileSync(await (await pdf).path()));
  for (const effect of ['control', 'write'] as const) expect(fills, effect).toContain(EFFECT_LOOKS[effect].color.light.toLowerCase());

  const html = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('action-export-html').click();
  const text = readFileSync(await (await html).path(), 'utf8');
  expect(text).toContain(`<path d="${glyphPath('diamond', 6, 6, 5.5)}" fill="${EFFECT_LOOKS.control.color.light}"`);
  expect(text).toContain(`<path d="${glyphPath('triangle', 6, 6, 5.5)}" fill="${EFFECT_LOOKS.write.color.light}"`);

  await page.getByTestId('export-diagram-of').selectOption(SCENARIO);
  const svg = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('action-export-svg').click();
  const picture = readFileSync(await (await svg).path(), 'utf8');
  expect(picture).toContain(`fill="${EFFECT_LOOKS.control.color.light}"`);
  expect(picture).toContain(`fill="${EFFECT_LOOKS.write.color.light}"`);
});
