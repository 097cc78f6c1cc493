/**
 * Library figures in real Chromium (its IndexedDB, not a Node stand-in): autosave of a 5,000-node model,
 * open from the library, open from a file (parse + import into the library). Targets from issue 5.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, ms, within } from '../lib/measure.ts';

export const librarySuite: Suite = {
  name: 'library',
  description: 'autosave and open of a 5,000-node model in Chromium IndexedDB',
  async run(print) {
    const server = await createServer({ root: process.cwd(), logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${url}bench/browser/library.html`);
      await page.waitForFunction(() => window.__benchResult !== undefined, undefined, { timeout: 180_000 });
      const r = (await page.evaluate(() => window.__benchResult))!;
      if (typeof r.error === 'string') throw new Error(r.error);
      const n = (k: string) => r[k] as number;
      print(figure(`model`, `${n('nodes')} nodes, ${n('edges')} edges, ${(n('fileBytes') / 1e6).toFixed(1)} MB`));
      print(figure('autosave (one save, median of 9)', ms(n('saveMs')), within(n('saveMs'), 50, 'ms', true)));
      print(figure('open from the library (median of 9)', ms(n('openLibraryMs')), within(n('openLibraryMs'), 500, 'ms', true)));
      print(figure('open from a file: read + validate (median of 9)', ms(n('openFileMs')), within(n('openFileMs'), 500, 'ms', true)));
      print(figure('  then its first write to the library (background)', ms(n('importMs'))));
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
