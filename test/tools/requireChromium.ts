/**
 * `npm test` starts here: without Chromium the end-to-end tests cannot run, so stop at once (before minutes
 * of type checking and unit tests) with the command that installs it. Chromium is the only system package
 * the tests need: PDFs are read back with PDF.js from npm.
 */
import { chromiumMissing } from '../../bench/lib/chromium.ts';

const missing = chromiumMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}
