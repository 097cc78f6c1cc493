/**
 * The packaged shape of the app, end to end, in real Electron: the built main, preload and renderer
 * (run `electron-vite build` first). Skips with the reason when the Electron binary or a display is
 * missing; never fakes Electron.
 */
import { _electron as electron, expect, test as base } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findElectronBinary, missingDisplay } from '../../electron/launch/electronBinary.ts';

const root = path.resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(root);
const noDisplay = missingDisplay();

const DESKTOP_API_METHODS = [
  'appInfo',
  'onFileOpened',
  'onMenuCommand',
  'onSaveBeforeClose',
  'openModelFile',
  'saveModelFile',
  'saveExport',
  'savePdf',
  'setDocumentState',
  'setFullScreen',
  'setTheme',
];

const test = base.extend<{ app: ElectronApplication; page: Page }>({
  // Playwright reads the fixture's parameter pattern, so the empty one must stay.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, provide) => {
    if (!binary.found) throw new Error(binary.reason);
    if (!existsSync(path.join(root, 'out/main/index.js'))) throw new Error('Build the app first: npx electron-vite build');
    const userData = await mkdtemp(path.join(tmpdir(), 'faultline-e2e-'));
    const env: Record<string, string> = { FAULTLINE_USER_DATA_DIR: userData };
    for (const [key, value] of Object.entries(process.env)) {
      // Without ELECTRON_RENDERER_URL the app loads the built renderer over app://, as shipped.
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] ??= value;
    }
    const app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start as root with its sandbox (CI containers); the page's own sandbox
      // setting is unchanged.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
      cwd: root,
      env,
    });
    await provide(app);
    // destroy() skips the unsaved-changes prompt, which would otherwise wait for a click.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.destroy()));
    await app.close();
    await rm(userData, { recursive: true, force: true });
  },
  page: async ({ app }, provide) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await provide(page);
  },
});

// The list reporter does not print skip reasons; say it once here.
if (!binary.found) console.warn(`Electron end-to-end tests skipped: ${binary.reason}`);
else if (noDisplay) console.warn(`Electron end-to-end tests skipped: ${noDisplay}`);
test.skip(!binary.found, binary.found ? '' : binary.reason);
test.skip(noDisplay !== null, noDisplay ?? '');

test('opens one window with the canvas and the app name in the title', async ({ app, page }) => {
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect.poll(() => page.title()).toContain('Faultline');
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), visible: w.isVisible(), ...w.getBounds() })),
  );
  expect(windows).toHaveLength(1);
  expect(windows[0]).toMatchObject({ visible: true });
  expect(windows[0]?.title).toContain('Faultline');
});

test('serves the renderer from app://faultline with the CSP header', async ({ page }) => {
  expect(page.url()).toBe('app://faultline/index.html');
  const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
});

test('exposes DesktopApi as window.faultline and no Node to the page', async ({ page }) => {
  const surface = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const api = w.faultline as Record<string, unknown> | undefined;
    return {
      methods: api ? Object.keys(api).sort() : [],
      allFunctions: api ? Object.values(api).every((v) => typeof v === 'function') : false,
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      ipcRenderer: api ? 'ipcRenderer' in api : false,
    };
  });
  expect(surface.methods).toEqual([...DESKTOP_API_METHODS].sort());
  expect(surface.allFunctions).toBe(true);
  expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: false });
});

test('answers appInfo from main', async ({ page }) => {
  const info = await page.evaluate(() => (window as unknown as { faultline: { appInfo(): Promise<unknown> } }).faultline.appInfo());
  expect(info).toMatchObject({ name: 'Faultline', platform: 'electron' });
});

test('shows the unsaved marker in the title when the page reports changes', async ({ app, page }) => {
  type Api = { faultline: { setDocumentState(s: { name: string; dirty: boolean }): Promise<void> } };
  const title = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  await page.evaluate(() => (window as unknown as Api).faultline.setDocumentState({ name: 'shop.faultline.json', dirty: true }));
  await expect.poll(title).toBe('• shop.faultline.json — Faultline');
  await page.evaluate(() => (window as unknown as Api).faultline.setDocumentState({ name: 'shop.faultline.json', dirty: false }));
  await expect.poll(title).toBe('shop.faultline.json — Faultline');
});

test('presentation mode puts the window in full screen, and Esc takes it out', async ({ app, page }) => {
  const fullScreen = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFullScreen());
  await page.locator('.react-flow').waitFor();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  await expect.poll(fullScreen).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-caption')).toHaveCount(0);
  await expect.poll(fullScreen).toBe(false);
});

test('the theme picked in the app is the window’s: its native parts, its backdrop, and theme.json for the next launch', async ({ app, page }) => {
  await page.locator('.react-flow').waitFor();
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  const picked = before === 'dark' ? 'light' : 'dark';
  await page.getByTestId('action-theme').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(picked);
  await expect.poll(() => app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe(picked);
  const backdrop = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBackgroundColor());
  expect(backdrop?.toLowerCase()).toBe(picked === 'dark' ? '#0f1218' : '#f6f7f9');
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  await expect.poll(async () => JSON.parse(await readFile(path.join(userData, 'theme.json'), 'utf8')).theme).toBe(picked);
});

test('refuses a malformed request with a readable message', async ({ page }) => {
  const message = await page.evaluate(() =>
    (window as unknown as { faultline: { setDocumentState(s: unknown): Promise<void> } }).faultline
      .setDocumentState({ name: '', dirty: 'yes' })
      .then(
        () => 'accepted',
        (e: Error) => e.message,
      ),
  );
  expect(message).toMatch(/^Faultline refused a malformed request/);
});

test('keeps the page from navigating, opening windows or reaching the network', async ({ app, page }) => {
  const results = await page.evaluate(async () => {
    const opened = window.open('https://example.com/', '_blank');
    const fetched = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    return { opened: opened === null, fetched };
  });
  expect(results).toEqual({ opened: true, fetched: 'blocked' });

  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://faultline/index.html');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('has the native menu with File, Edit, View and Help', async ({ app }) => {
  const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? []);
  expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
});

test('menu items reach the page: View ▸ Zoom In zooms the canvas, Help ▸ About opens About', async ({ app, page }) => {
  await expect(page.locator('.react-flow')).toBeVisible();
  const zoom = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const click = (id: string) => app.evaluate(({ Menu }, itemId) => Menu.getApplicationMenu()?.getMenuItemById(itemId)?.click(), id);
  const before = await zoom();
  await click('command:zoom-in');
  await expect.poll(zoom).toBeGreaterThan(before * 1.1);
  await click('command:about');
  await expect(page.getByTestId('about-dialog')).toContainText('Version');
});

test('draws the export preview: its srcdoc frame is the one frame allowed to load', async ({ page }) => {
  await expect(page.locator('.react-flow')).toBeVisible();
  await page.getByTestId('action-export-report').click();
  const preview = page.frameLocator('[data-testid="export-preview-frame"]');
  // Blank if will-frame-navigate cancelled the frame; the cover carries the model's name.
  await expect(preview.locator('body')).toContainText('Untitled model', { timeout: 20_000 });
});
