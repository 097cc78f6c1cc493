import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the Electron app (test/electron): Playwright's `_electron` launches the built
 * app, so run `electron-vite build` first. They skip with the reason when the Electron binary cannot
 * be downloaded (toolchain.md) or, on Linux, when there is no display (use `xvfb-run -a`).
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
});
