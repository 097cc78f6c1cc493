/**
 * Every native menu command reaches the renderer and does what its menu item says. The page gets a desktop
 * bridge in place of the Electron preload (which is unit-tested on its own): its `onMenuCommand` hands the
 * test the app's listener, and its file methods record what the app asked for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MenuCommand } from '../../shared/ipc/index.ts';
import { MENU_COMMANDS } from '../../shared/ipc/index.ts';
import { expect, getModel, test, zoom } from './editor-helpers.ts';

const FILE = 'cicd-pipeline.faultline.json';
const TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples', FILE), 'utf8');

declare global {
  interface Window {
    __menu?: (command: MenuCommand) => void;
    __calls?: unknown[][];
    __fileOpened?: (file: { name: string; path: string | null; text: string }) => void;
    __saveBeforeClose?: () => Promise<boolean>;
  }
}

async function installBridge(page: Page) {
  await page.addInitScript(
    ({ name, text }) => {
      const calls: unknown[][] = [];
      window.__calls = calls;
      window.faultline = {
        async openModelFile() {
          calls.push(['openModelFile']);
          return { name, path: `/home/me/${name}`, text };
        },
        async saveModelFile(request) {
          calls.push(['saveModelFile', request.path]);
          return { saved: true, path: request.path ?? '/home/me/saved.faultline.json', name: 'saved.faultline.json' };
        },
        async savePdf() {
          return { saved: false };
        },
        async saveExport() {
          return { saved: false };
        },
        async appInfo() {
          return { name: 'Faultline', version: '9.8.7', platform: 'electron' };
        },
        async setFullScreen(on) {
          calls.push(['setFullScreen', on]);
        },
        async setTheme(theme) {
          calls.push(['setTheme', theme]);
        },
        onMenuCommand(listener) {
          window.__menu = listener;
          return () => {
            if (window.__menu === listener) delete window.__menu;
          };
        },
        async setDocumentState(state) {
          calls.push(['setDocumentState', state]);
        },
        onFileOpened(listener) {
          window.__fileOpened = listener;
          return () => {
            if (window.__fileOpened === listener) delete window.__fileOpened;
          };
        },
        onSaveBeforeClose(handler) {
          window.__saveBeforeClose = handler;
          return () => {
            if (window.__saveBeforeClose === handler) delete window.__saveBeforeClose;
          };
        },
      };
    },
    { name: FILE, text: TEXT },
  );
}

const send = async (page: Page, command: MenuCommand) => {
  await expect.poll(() => page.evaluate(() => typeof window.__menu)).toBe('function');
  await page.evaluate((c) => window.__menu!(c), command);
};
const calls = (page: Page) => page.evaluate(() => window.__calls!);

/** What each command must visibly do. A new command fails to compile here until it has a check. */
const CHECKS: Record<MenuCommand, (page: Page) => Promise<void>> = {
  open: async (page) => {
    await send(page, 'open');
    await expect(page.getByTestId('status-file')).toHaveText(FILE);
    expect(await calls(page)).toContainEqual(['openModelFile']);
  },
  save: async (page) => {
    await send(page, 'save');
    // Opened from a path: Save writes back to it.
    await expect.poll(() => calls(page)).toContainEqual(['saveModelFile', `/home/me/${FILE}`]);
  },
  'save-as': async (page) => {
    await send(page, 'save-as');
    await expect.poll(() => calls(page)).toContainEqual(['saveModelFile', null]);
    await expect(page.getByTestId('status-file')).toHaveText('saved.faultline.json');
  },
  undo: async (page) => {
    const before = (await getModel(page)).nodes.length;
    await page.getByTestId('palette-secret').click();
    await expect.poll(async () => (await getModel(page)).nodes.length).toBe(before + 1);
    await page.keyboard.press('Escape');
    await send(page, 'undo');
    await expect.poll(async () => (await getModel(page)).nodes.length).toBe(before);
  },
  redo: async (page) => {
    const before = (await getModel(page)).nodes.length;
    await send(page, 'redo');
    await expect.poll(async () => (await getModel(page)).nodes.length).toBe(before + 1);
  },
  'zoom-in': async (page) => {
    const z = await zoom(page);
    await send(page, 'zoom-in');
    await expect.poll(() => zoom(page)).toBeGreaterThan(z * 1.1);
  },
  'zoom-out': async (page) => {
    const z = await zoom(page);
    await send(page, 'zoom-out');
    await expect.poll(() => zoom(page)).toBeLessThan(z / 1.1);
  },
  fit: async (page) => {
    await send(page, 'zoom-out');
    await send(page, 'zoom-out');
    await page.waitForTimeout(300);
    const z = await zoom(page);
    await send(page, 'fit');
    await expect.poll(() => zoom(page)).toBeGreaterThan(z * 1.2);
  },
  'toggle-theme': async (page) => {
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    // Nothing picked yet: the window's native parts follow the system.
    expect(await calls(page)).toContainEqual(['setTheme', 'system']);
    await send(page, 'toggle-theme');
    const picked = theme === 'dark' ? 'light' : 'dark';
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(picked);
    // The pick reaches main, for the dialogs, the window's backdrop and the next launch.
    await expect.poll(() => calls(page)).toContainEqual(['setTheme', picked]);
  },
  shortcuts: async (page) => {
    await send(page, 'shortcuts');
    await expect(page.getByTestId('shortcuts-overlay')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
  },
  about: async (page) => {
    await send(page, 'about');
    await expect(page.getByTestId('about-dialog')).toBeVisible();
    await expect(page.getByTestId('about-version')).toContainText('Version 9.8.7');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('about-dialog')).toHaveCount(0);
  },
  import: async (page) => {
    await send(page, 'import');
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  },
  'export-report': async (page) => {
    await send(page, 'export-report');
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  },
  new: async (page) => {
    await send(page, 'new');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');
  },
};

test('every native menu command reaches the app and does what it says', async ({ page }) => {
  await installBridge(page);
  await page.goto('/');
  await expect(page.locator('.react-flow')).toBeVisible();
  const order = Object.keys(CHECKS) as MenuCommand[];
  expect([...order].sort()).toEqual([...MENU_COMMANDS].sort());
  for (const command of order) {
    await test.step(command, () => CHECKS[command](page));
  }
});

test('Edit ▸ Undo while typing in a field undoes the typing, not the last model edit', async ({ page }) => {
  await installBridge(page);
  await page.goto('/');
  await send(page, 'open');
  await expect(page.getByTestId('status-file')).toHaveText(FILE);
  const nodes = (await getModel(page)).nodes.length;
  await page.getByTestId('palette-secret').click();
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(nodes + 1);
  const search = page.getByTestId('action-search');
  await search.click();
  const input = page.locator('[data-own-keys] input').first();
  await input.fill('');
  await input.pressSequentially('abc');
  await send(page, 'undo');
  await expect(input).not.toHaveValue('abc');
  expect((await getModel(page)).nodes.length).toBe(nodes + 1);
});

test('a file the operating system opens loads as Open does; main hears the document’s name and unsaved state, and its prompt’s Save saves', async ({ page }) => {
  await installBridge(page);
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => typeof window.__fileOpened)).toBe('function');
  // File ▸ Open Recent, a double-clicked file or the command line: main pushes the file to the page.
  await page.evaluate(({ name, text }) => window.__fileOpened!({ name, path: `/home/me/${name}`, text }), { name: FILE, text: TEXT });
  await expect(page.getByTestId('status-file')).toHaveText(FILE);
  await expect.poll(() => calls(page)).toContainEqual(['setDocumentState', { name: FILE, dirty: false }]);
  const nodes = (await getModel(page)).nodes.length;
  await page.getByTestId('palette-secret').click();
  await page.keyboard.press('Escape');
  await expect.poll(() => calls(page)).toContainEqual(['setDocumentState', { name: FILE, dirty: true }]);
  // Save in main's unsaved-changes prompt: the page writes to the file it came from and answers "saved".
  expect(await page.evaluate(() => window.__saveBeforeClose!())).toBe(true);
  expect(await calls(page)).toContainEqual(['saveModelFile', `/home/me/${FILE}`]);
  // Saved (under the name this bridge's save reports): main hears the document is clean again.
  await expect.poll(async () => (await calls(page)).at(-1)).toEqual(['setDocumentState', { name: 'saved.faultline.json', dirty: false }]);
  // A broken file from the OS is refused as Open refuses it, and the model stays as it was.
  await page.evaluate(() => window.__fileOpened!({ name: 'broken.faultline.json', path: '/home/me/broken.faultline.json', text: '{"format":' }));
  await expect(page.getByTestId('notice')).toContainText('Could not open broken.faultline.json');
  await expect(page.getByTestId('status-file')).toHaveText('saved.faultline.json');
  expect((await getModel(page)).nodes.length).toBe(nodes + 1);
});
