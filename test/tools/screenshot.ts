/**
 * Screenshots of the built web app (dist-web) with a model open, for the README and for looking at
 * what we build: `npx tsx test/tools/screenshot.ts [model.faultline.json] [out.png] [light|dark]`.
 * Run `npm run build:web` first.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/lib/chromium.ts';

const [file = 'assets/samples/cicd-pipeline.faultline.json', out = 'docs/screenshot.png', theme = 'light'] = process.argv.slice(2);

const server = await preview({ configFile: 'vite.web.config.ts', preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 }, deviceScaleFactor: 1 });
  await page.addInitScript((t) => localStorage.setItem('faultline.theme', t), theme);
  await page.goto(server.resolvedUrls!.local[0]);
  await page.locator('.react-flow').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('action-open').first().click();
  await (await chooser).setFiles({ name: basename(file), mimeType: 'application/json', buffer: readFileSync(file) });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.httpServer.close();
}
