/**
 * Each test gets a fresh browser context (its own storage) and fails on any console error or any request
 * that leaves the page's origin: Faultline never talks to a network. The guards are automatic: every spec
 * imports `test` from here (a lint rule refuses `test` from @playwright/test in a spec), and every page of
 * the test's context is watched, not only the first. A test that provokes an error on purpose says so with
 * `guards.expectConsoleError(pattern)`.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export interface Guards {
  consoleErrors: string[];
  foreignRequests: string[];
  /** Console errors matching `pattern` are part of this test (a CSP violation it provokes), not a failure. */
  expectConsoleError(pattern: RegExp): void;
}

const PLAYWRIGHT_IN_SANDBOX = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ context, baseURL }, provide) => {
      const expected: RegExp[] = [];
      const guards: Guards = {
        consoleErrors: [],
        foreignRequests: [],
        expectConsoleError: (pattern) => void expected.push(pattern),
      };
      const origin = new URL(baseURL!).origin;
      const watch = (page: Page) => {
        page.on('console', (msg) => {
          // Playwright itself tries to run its helpers in every frame, and the report preview's sandboxed
          // frame refuses them (microsoft/playwright#33343); the page runs no script there.
          if (msg.type() !== 'error' || PLAYWRIGHT_IN_SANDBOX.test(msg.text())) return;
          if (!expected.some((p) => p.test(msg.text()))) guards.consoleErrors.push(msg.text());
        });
        page.on('pageerror', (e) => guards.consoleErrors.push(e.message));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) guards.foreignRequests.push(url);
      });
      await provide(guards);
      expect(guards.consoleErrors, 'console errors').toEqual([]);
      expect(guards.foreignRequests, 'requests outside the app').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a file the way a user does: the Open button, then the system file chooser. */
export async function openFileThroughUi(page: Page, file: { name: string; text: string }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('action-open').click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
}
