/** Reading PDFs back in tests with poppler-utils (pdftotext, pdfinfo), as a person's viewer would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withFile<T>(bytes: Uint8Array, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-pdf-'));
  const path = join(dir, 'report.pdf');
  try {
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in reading order. */
export function pdfPages(bytes: Uint8Array): string[] {
  return withFile(bytes, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, -1));
}

/** Text compared without spaces, line breaks and hyphens, which wrapping adds and moves. */
export const squash = (text: string) => text.replace(/[\s\u00a0\-‐]+/g, '');

export interface PageInfo {
  width: number;
  height: number;
}

export function pdfPageSizes(bytes: Uint8Array): PageInfo[] {
  return withFile(bytes, (path) => {
    const out = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', path], { encoding: 'utf8' });
    return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  });
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its box, in points from the page's top-left (pdftotext -bbox). */
export function pdfWords(bytes: Uint8Array): Word[] {
  const html = withFile(bytes, (path) => execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(line);
    if (w) {
      words.push({ page, text: w[5], xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4], pageWidth, pageHeight });
    }
  }
  return words;
}
