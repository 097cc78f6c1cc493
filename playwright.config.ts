import { defineConfig } from '@playwright/test';
// Debian's Chromium: Playwright's own browser download cannot run on these machines (toolchain.md).
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from './bench/lib/chromium.ts';

// Without Chromium every test would fail the same way: say so once, with the command that installs it.
const missing = chromiumMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  // The e2e build (dist-e2e: production code plus the read-only test hook), built fresh for every run.
  webServer: {
    command:
      `npx vite build --config vite.web.config.ts --mode e2e --logLevel warn && ` +
      `npx vite preview --config vite.web.config.ts --mode e2e --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
