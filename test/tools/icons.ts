/**
 * Builds the app icons for all three platforms from assets/icon.svg, rendered by Chromium (no image tools
 * are needed): assets/icons/<n>x<n>.png for Linux, assets/icon.ico for Windows (PNG entries, 16–256 px),
 * assets/icon.icns for macOS (PNG entries, 128–1024 px). Run after changing
 * the SVG: `npx tsx test/tools/icons.ts`; test/unit/electron/builder-config.test.ts checks the results.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/lib/chromium.ts';

const ASSETS = join(import.meta.dirname, '../../assets');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding PNG data, by pixel size. */
const ICNS_TYPES: [string, number][] = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

/** ICO: a header, one 16-byte directory entry per image, then the PNGs (Windows Vista and later). */
export function ico(pngs: Map<number, Buffer>, sizes: number[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((size) => {
    const png = pngs.get(size)!;
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...sizes.map((s) => pngs.get(s)!)]);
}

/** ICNS: 'icns', the total length, then (type, length, PNG) per entry; lengths include their 8-byte headers. */
export function icns(pngs: Map<number, Buffer>): Buffer {
  const parts = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main() {
  const svg = readFileSync(join(ASSETS, 'icon.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])].sort((a, b) => a - b);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const pngs = new Map<number, Buffer>();
  try {
    const page = await browser.newPage();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
  } finally {
    await browser.close();
  }
  mkdirSync(join(ASSETS, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(join(ASSETS, 'icons', `${size}x${size}.png`), pngs.get(size)!);
  writeFileSync(join(ASSETS, 'icon.ico'), ico(pngs, ICO_SIZES));
  writeFileSync(join(ASSETS, 'icon.icns'), icns(pngs));
  console.log(`icons: ${LINUX_SIZES.length} Linux PNGs, icon.ico (${ICO_SIZES.join(', ')}), icon.icns (${ICNS_TYPES.map(([t, s]) => `${t} ${s}`).join(', ')})`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
