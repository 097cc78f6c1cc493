import { expect, test } from './fixtures.ts';

test('the built page carries a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  // Scripts and fetches from the app itself only: no eval, no WebAssembly, no inline script, no host anywhere.
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
  expect(csp).toContain("connect-src 'self';");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/https?:|\*/);
});

test('the page cannot reach the network: a fetch to another origin is blocked by the CSP', async ({ page, guards }) => {
  guards.expectConsoleError(/Content Security Policy/);
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(msg.text());
  });
  await page.goto('/');
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/exfiltrate');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
  expect(violations.some((v) => v.includes('Content Security Policy'))).toBe(true);
});

test('inline script injected into the page does not run', async ({ page, guards }) => {
  guards.expectConsoleError(/Content Security Policy/);
  await page.goto('/');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = true';
    document.body.append(s);
    return (window as unknown as { __pwned?: boolean }).__pwned === true;
  });
  expect(ran).toBe(false);
});
