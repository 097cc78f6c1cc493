/** Without Chromium, `npm test` stops at once and names the one command that installs it. */
import { describe, expect, it } from 'vitest';
import { INSTALL_CHROMIUM, chromiumMissing } from '../../../bench/lib/chromium.ts';

describe('the Chromium check before the browser tests', () => {
  it('names the missing path and the one install command', () => {
    const message = chromiumMissing('/nonexistent/chromium');
    expect(message).toContain('/nonexistent/chromium');
    expect(message).toContain(INSTALL_CHROMIUM);
  });

  it('says nothing when the browser is there to run', () => {
    expect(chromiumMissing(process.execPath)).toBeNull();
  });
});
