import Ajv from 'ajv';
import { load } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const CONFIG = path.join(root, 'electron-builder.yml');

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asar: boolean;
  icon: string;
  fileAssociations: { ext: string; name: string; role: string; mimeType?: string }[];
  linux: { target: string[]; category: string; maintainer?: string; icon: string; mimeTypes: string[] };
  win: { target: string[]; icon: string };
  nsis: { perMachine?: boolean };
  mac: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
  publish: unknown;
}

let config: BuilderConfig;

beforeAll(async () => {
  config = load(await readFile(CONFIG, 'utf8'), { filename: CONFIG }) as BuilderConfig;
});

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema that electron-builder ships', async () => {
    const schema = JSON.parse(await readFile(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(ajv.errorsText(validate.errors, { separator: '\n' }), 'schema errors').toBe('No errors');
    expect(valid).toBe(true);
  });

  it('passes electron-builder’s own loading and validation', async () => {
    const loaded = await getConfig(root, CONFIG, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.appId).toBe('dev.faultline.app');
  });

  it('names the app and packs only the build output', () => {
    expect(config.appId).toBe('dev.faultline.app');
    expect(config.productName).toBe('Faultline');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('associates .faultline.json files with the app as their editor', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'faultline.json', name: 'Faultline model', role: 'Editor', mimeType: 'application/x-faultline+json' }),
    ]);
    // electron-builder's NSIS target registers associations only for per-machine installs.
    expect(config.nsis.perMachine).toBe(true);
  });

  it('switches off the fuses that let local code run as the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('never publishes anywhere on its own', () => {
    expect(config.publish).toBeNull();
  });

  it('points at a 512×512 PNG icon (macOS needs at least 512)', async () => {
    const png = await readFile(path.join(root, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });

  it('has an icon for each platform: a Linux PNG set, a Windows .ico and a macOS .icns', async () => {
    const sizes = [16, 32, 48, 64, 128, 256, 512];
    for (const size of sizes) {
      const png = await readFile(path.join(root, config.linux.icon, `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('ascii'), `${size}x${size}.png`).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const ico = await readFile(path.join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const images = ico.readUInt16LE(4);
    const icoSizes = Array.from({ length: images }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (let i = 0; i < images; i++) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(ico.subarray(offset + 1, offset + 4).toString('ascii')).toBe('PNG');
    }
    const icns = await readFile(path.join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('ascii'));
    expect(types).toEqual(['ic07', 'ic08', 'ic09', 'ic10']);
  });

  it('registers the .faultline.json type on Linux too', () => {
    expect(config.linux.mimeTypes).toEqual(['application/x-faultline+json']);
    expect(config.fileAssociations[0].mimeType).toBe('application/x-faultline+json');
  });
});
