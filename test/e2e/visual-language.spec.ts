/**
 * One visual language: the same scenario reads the same on the canvas, in its legend, in the PDF, the HTML and
 * the canvas picture. Each effect, each response and a dead stolen copy have one colour and one glyph, from
 * shared/visual/effects.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { simulate } from '../../shared/engine/index.ts';
import { parseModelFile } from '../../shared/file/index.ts';
import { glyphPath } from '../../shared/report/index.ts';
import { EFFECT_LOOKS, RESPONSE_LOOK, deadColor } from '../../shared/visual/index.ts';
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

/** The sample with two more PAT-leak scenarios: one where the team revokes the CI bot at 3 h, one where the
 * token is rotated at 15 min, so the stolen copy dies before it carries anything. */
const WITH_RESPONSES = (() => {
  const json = JSON.parse(TEXT) as { model: { scenarios: { id: string; name: string; responses?: unknown[] }[] } };
  const pat = json.model.scenarios.find((s) => s.id === SCENARIO)!;
  json.model.scenarios.push(
    { ...pat, id: 'pat-revoked', name: 'PAT leak, CI bot revoked at 3 h', responses: [{ action: 'revoke', node: 'ci-bot', at: 3 }] },
    { ...pat, id: 'pat-rotated', name: 'PAT leak, token rotated at 15 min', responses: [{ action: 'rotate', node: 'deploy-token', at: 0.25 }] },
  );
  return JSON.stringify(json);
})();

async function showScenario(page: Page, id = SCENARIO, text = TEXT) {
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text });
  await page.getByTestId(`scenario-item-${id}`).click();
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

test('text fields take the theme the app shows, not the system’s', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  // Light picked (dark, then light again), so the app keeps it when the system turns dark in the evening.
  await page.getByTestId('action-theme').click();
  await page.getByTestId('action-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  const description = page.getByTestId('field-model-description');
  const ink = () => description.evaluate((e) => getComputedStyle(e).color);
  expect(await ink()).toBe('rgb(0, 0, 0)');
  await page.getByTestId('action-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await ink()).not.toBe('rgb(0, 0, 0)');
});

test('the theme follows the system until one is picked, and the one picked stays', async ({ page }) => {
  const theme = page.locator('html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(theme).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(theme).toHaveAttribute('data-theme', 'light');
  // Picked: the system's changes no longer move it, and the next launch opens with it.
  await page.getByTestId('action-theme').click();
  await expect(theme).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(theme).toHaveAttribute('data-theme', 'dark');
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

test('a response and a dead stolen copy look the same on the canvas, in the PDF, the HTML and the picture', async ({ page }) => {
  test.setTimeout(180_000);
  await showScenario(page, 'pat-revoked', WITH_RESPONSES);
  const response = page.getByTestId('rf__node-ci-bot').getByTestId('fx-response');
  await expect(response).toHaveAttribute('data-response', 'revoke');
  await expect(response).toHaveCSS('background-color', rgb(RESPONSE_LOOK.color.light));
  await expect(response.locator('svg')).toHaveAttribute('data-glyph', RESPONSE_LOOK.glyphs.revoke);
  await expect(page.locator('[data-legend="response"] .fx-swatch')).toHaveCSS('color', rgb(RESPONSE_LOOK.color.light));

  await page.getByTestId('scenario-item-pat-rotated').click();
  const token = page.getByTestId('rf__node-deploy-token');
  await expect(token.locator('.fl-node')).toHaveClass(/fx-dead-copy/);
  await expect(token.locator('.fx-tag-control')).toHaveCSS('background-color', rgb(deadColor('control')));
  await expect(page.locator('[data-legend="dead"] .fx-swatch')).toHaveCSS('color', rgb(deadColor('control')));

  await page.getByTestId('action-export-report').click();
  // Only the two added scenarios stay in the report.
  for (const s of model().scenarios) await page.getByTestId(`export-scenario-${s.id}`).uncheck();
  const pdf = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-pdf').click();
  const fills = await pdfFillColours(readFileSync(await (await pdf).path()));
  expect(fills, 'the response').toContain(RESPONSE_LOOK.color.light.toLowerCase());
  expect(fills, 'the dead copy').toContain(deadColor('control').toLowerCase());

  const html = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('action-export-html').click();
  const text = readFileSync(await (await html).path(), 'utf8');
  expect(text).toContain(`fill="${RESPONSE_LOOK.color.light}"`);
  expect(text).toContain(`fill="${deadColor('control')}"`);

  for (const [id, colour] of [['pat-revoked', RESPONSE_LOOK.color.light], ['pat-rotated', deadColor('control')]] as const) {
    await page.getByTestId('export-diagram-of').selectOption(id);
    const svg = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('action-export-svg').click();
    expect(readFileSync(await (await svg).path(), 'utf8'), id).toContain(`fill="${colour}"`);
  }
});
