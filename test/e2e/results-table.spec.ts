/**
 * A long results table: the dock draws the rows in sight, and every impacted node is still a row the user
 * reaches, by scrolling and by the keyboard. Expectations come from the engine in shared/.
 */
import type { Page } from '@playwright/test';
import { simulate } from '../../shared/engine/index.ts';
import { openFileThroughUi } from './fixtures.ts';
import { expect, expectedEffects, getModel, parseModel, test } from './editor-helpers.ts';

const STORES = 160;

/**
 * A leaked secret whose identity reads every one of STORES data stores; the first forty stores are also down,
 * and their rows, with two effect chips each, are taller than the others.
 */
function wideFile() {
  const nodes = [
    { id: 'token', kind: 'secret', label: 'Deploy token', position: { x: 0, y: 0 } },
    { id: 'role', kind: 'identity', label: 'Deploy role', position: { x: 240, y: 0 } },
    ...Array.from({ length: STORES }, (_, i) => ({ id: `db${i}`, kind: 'datastore', label: `Store ${i}`, position: { x: 480 + (i % 20) * 220, y: Math.floor(i / 20) * 120 } })),
  ];
  const edges = [
    { id: 'auth', kind: 'authenticates', source: 'token', target: 'role' },
    ...Array.from({ length: STORES }, (_, i) => ({ id: `g${i}`, kind: 'grants', source: 'role', target: `db${i}`, props: { access: 'read' } })),
  ];
  const outages = Array.from({ length: STORES }, (_, i) => i).filter((i) => i < 40);
  const breaks = [{ mode: 'leak', node: 'token' }, ...outages.map((i) => ({ mode: 'outage', node: `db${i}` }))];
  const scenarios = [{ id: 'leak', name: 'Deploy token leaked', breaks, patches: [], removed: [], params: {} }];
  return { name: 'wide.faultline.json', text: JSON.stringify({ format: 'faultline', version: 1, model: { id: 'wide', name: 'Wide', nodes, edges, scenarios } }) };
}

/** The impacted nodes of the rows in the document now. */
function rowsDrawn(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="impact-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('impact-row-'.length)));
}

/** The focused row's place in the table. */
function focusedIndex(page: Page): Promise<number> {
  return page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1));
}

test('a long results table draws the rows in sight, and scrolling and the keyboard reach every impacted node', async ({ page }) => {
  const file = wideFile();
  const model = parseModel(file.text);
  const expected = Object.keys(expectedEffects(simulate(model, model.scenarios[0])));
  expect(expected.length).toBeGreaterThan(STORES);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await openFileThroughUi(page, file);
  await page.getByTestId('scenario-item-leak').click();
  await expect(page.getByTestId('impacts-table')).toBeVisible();

  // A screenful and a margin, not every row.
  const first = await rowsDrawn(page);
  expect(first.length).toBeGreaterThan(3);
  expect(first.length).toBeLessThan(60);
  // Only one row is a Tab stop: the table is one step of the Tab order, the arrows move inside it.
  await expect(page.locator('[data-testid^="impact-row-"][tabindex="0"]')).toHaveCount(1);

  // Scrolled through a panel-height at a time, every impacted node shows up as a row, once, in order.
  const panel = page.locator('.fx-dock-main');
  const seen: string[] = [];
  for (let top = 0; ; ) {
    await panel.evaluate((el, y) => (el.scrollTop = y), top);
    await page.waitForTimeout(50);
    const inSight = await page.locator('[data-testid^="impact-row-"]').evaluateAll((rows, box) => {
      const p = box as Element;
      const b = p.getBoundingClientRect();
      return rows.filter((r) => {
        const rect = r.getBoundingClientRect();
        return rect.bottom > b.top && rect.top < b.bottom;
      }).map((r) => r.getAttribute('data-testid')!.slice('impact-row-'.length));
    }, await panel.elementHandle());
    for (const node of inSight) if (!seen.includes(node)) seen.push(node);
    const { scrollTop, clientHeight, scrollHeight } = await panel.evaluate((el) => ({ scrollTop: el.scrollTop, clientHeight: el.clientHeight, scrollHeight: el.scrollHeight }));
    if (scrollTop + clientHeight >= scrollHeight - 1) break;
    top = scrollTop + clientHeight - 30;
  }
  expect(seen.sort()).toEqual([...expected].sort());
  // Scrolled to the end, the last row is drawn and ends the table: no blank is left under it.
  const tail = await page.locator('[data-testid="impacts-table"] tbody > tr').last().evaluate((r) => ({ index: r.dataset.index, blank: r.classList.contains('fx-row-blank') }));
  expect(tail).toEqual({ index: String(expected.length - 1), blank: false });
  // Rows of two heights were drawn.
  const heights = new Set(await page.locator('[data-testid^="impact-row-"]').evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().height))));
  expect(heights.size).toBeGreaterThan(1);

  // The keyboard: Home, End and Page Down move the focus to rows not drawn before, drawing them, and
  // nothing else: the playhead stays where it was, and no node moves (Home and the arrows are editor keys too).
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.locator('[data-testid^="impact-row-"]').first().click();
  const hour = await page.getByTestId('timeline-now').textContent();
  const placed = (await getModel(page)).nodes.map((n) => n.position);
  await page.keyboard.press('End');
  await expect.poll(() => focusedIndex(page)).toBe(expected.length - 1);
  expect(await rowsDrawn(page)).not.toContain(first[0]);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedIndex(page)).toBe(0);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedIndex(page)).toBe(21);
  await expect(page.getByTestId('timeline-now')).toHaveText(hour!);
  expect((await getModel(page)).nodes.map((n) => n.position)).toEqual(placed);
  // Enter selects the focused row's node, as a click does.
  const node = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid!.slice('impact-row-'.length));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`impact-row-${node}`)).toHaveClass(/is-selected/);
});

test('while presenting, the hidden results table keeps drawing only the rows it had, and they are there on return', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await openFileThroughUi(page, wideFile());
  await page.getByTestId('scenario-item-leak').click();
  await expect(page.getByTestId('impacts-table')).toBeVisible();
  const panel = page.locator('.fx-dock-main');
  const before = await rowsDrawn(page);
  const tall = await panel.evaluate((el) => el.scrollHeight);

  // Hidden, the table is 0 px tall over rows 0 px high: read as a view, that drew every row, and each hop of
  // the presentation laid them all out.
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  await expect(page.getByTestId('impacts-table')).toBeHidden();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  expect((await rowsDrawn(page)).length).toBeLessThan(60);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('impacts-table')).toBeVisible();
  await expect.poll(async () => (await rowsDrawn(page)).length).toBeLessThan(60);
  expect((await rowsDrawn(page))[0]).toBe(before[0]);
  // The blank under the rows still stands for the rows not drawn: the panel scrolls as far as before.
  expect(Math.abs((await panel.evaluate((el) => el.scrollHeight)) - tall)).toBeLessThan(30);
});
