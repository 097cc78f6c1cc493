/**
 * A part of the window that fails to draw says so in a sentence and leaves the rest of the window working,
 * and no edit is lost. The e2e build's hook makes a part fail (shell/PanelBoundary.tsx): a real failure
 * cannot be summoned on demand, and one found is fixed.
 */
import type { Page } from '@playwright/test';
import { expect, getModel, test } from './editor-helpers.ts';

const fail = (page: Page, area: string | null) => page.evaluate((a) => window.__faultline!.failArea(a), area);

async function addNode(page: Page, kind: string, name: string) {
  await page.getByTestId(`palette-${kind}`).click();
  await expect(page.getByTestId('inline-rename')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

test('a panel that fails to draw says so, the rest of the window goes on working, and no edit is lost', async ({ page, guards }) => {
  guards.expectConsoleError(/made to fail|failed to draw/);
  await page.goto('/');
  await addNode(page, 'service', 'checkout API');

  await fail(page, 'scenario dock');
  const failed = page.getByTestId('panel-failed');
  await expect(failed).toHaveAttribute('data-area', 'scenario dock');
  await expect(failed).toContainText('The scenario dock could not be drawn.');
  // Words for the user, not the error: no message, no stack.
  await expect(failed).not.toContainText(/made to fail|Error|at \w+ \(/);
  await expect(page.getByTestId('scenario-dock')).toHaveCount(0);
  // The palette and the canvas still work beside it.
  await addNode(page, 'secret', 'Stripe key');
  await expect(page.locator('.react-flow__node-kind')).toHaveCount(2);
  await fail(page, null);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('scenario-dock')).toBeVisible();
  await expect(failed).toHaveCount(0);

  // The whole window: a sentence in its place, and Try again brings it back with the unsaved edits.
  await fail(page, 'window');
  await expect(failed).toContainText('Faultline could not draw its window.');
  await expect(page.locator('.react-flow')).toHaveCount(0);
  await fail(page, null);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.react-flow__node-kind')).toHaveCount(2);
  await expect(page.locator('.react-flow__node-kind')).toContainText(['checkout API', 'Stripe key']);
  expect((await getModel(page)).nodes.map((n) => n.label)).toEqual(['checkout API', 'Stripe key']);
});
