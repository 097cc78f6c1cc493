/** Saving an export in main: the bytes must fit the kind, the extension follows the kind, the write is atomic. */
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportKind } from '../../../shared/ipc/index.ts';
import { EXPORT_KINDS } from '../../../shared/ipc/index.ts';
import { exportMismatch, saveExport } from '../../../electron/exports.ts';
import type { SaveExportDeps } from '../../../electron/exports.ts';
import { writeFileAtomic } from '../../../electron/files.ts';

const text = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = text('%PDF-1.7\n%%EOF');
const SAMPLE: Record<ExportKind, Uint8Array<ArrayBuffer>> = {
  pdf: PDF,
  md: text('# Report\n'),
  html: text('<!doctype html><p>Rapport</p>'),
  json: text('[{"scenarioId":"s1"}]'),
  csv: text('\uFEFFscenario_id,node\ns1,Vault\n'),
  png: PNG,
  svg: text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  otm: text('{"otmVersion":"0.2.0","project":{"name":"m","id":"m"}}'),
  opengraph: text('{"metadata":{"source_kind":"Faultline"},"graph":{"nodes":[],"edges":[]}}'),
};

let dir: string;
let answer: string | null;
let deps: SaveExportDeps;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faultline-exports-'));
  answer = null;
  deps = {
    askWhere: vi.fn<SaveExportDeps['askWhere']>(async () => answer),
    write: (p, data) => writeFileAtomic(nodeFs, p, data),
    folder: () => dir,
    remember: vi.fn<SaveExportDeps['remember']>(),
  };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportMismatch', () => {
  it('accepts each kind’s own content', () => {
    for (const kind of Object.keys(EXPORT_KINDS) as ExportKind[]) expect(exportMismatch(kind, SAMPLE[kind]), kind).toBeNull();
  });

  it('refuses a PDF or PNG without its signature, and text kinds that are not UTF-8', () => {
    expect(exportMismatch('pdf', PNG)).toMatch(/not a PDF/);
    expect(exportMismatch('png', PDF)).toMatch(/not a PNG/);
    expect(exportMismatch('md', PNG)).toMatch(/not UTF-8 text/);
    expect(exportMismatch('csv', new Uint8Array([0xff, 0xfe, 0x00]))).toMatch(/not UTF-8 text/);
  });

  it('refuses an empty export', () => {
    expect(exportMismatch('json', new Uint8Array())).toMatch(/empty/);
  });
});

describe('saveExport', () => {
  it('asks where with a safe name ending in the kind’s extension, then writes the bytes there', async () => {
    answer = path.join(dir, 'review.md');
    const outcome = await saveExport({ suggestedName: '../Q3: review.exe', kind: 'md', bytes: SAMPLE.md }, deps);
    expect(deps.askWhere).toHaveBeenCalledWith({
      title: 'Export Markdown',
      defaultPath: path.join(dir, 'Q3- review.exe.md'),
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    expect(outcome).toEqual({ saved: true, path: answer, name: 'review.md' });
    expect(await readFile(answer, 'utf8')).toBe('# Report\n');
    expect(deps.remember).toHaveBeenCalledWith(answer);
  });

  it('adds the extension when the dialog returns a name without it', async () => {
    answer = path.join(dir, 'diagram');
    const outcome = await saveExport({ suggestedName: 'diagram.png', kind: 'png', bytes: PNG }, deps);
    expect(outcome).toEqual({ saved: true, path: `${answer}.png`, name: 'diagram.png' });
    expect([...(await readFile(`${answer}.png`))]).toEqual([...PNG]);
  });

  it('writes nothing when the user cancels', async () => {
    await expect(saveExport({ suggestedName: 'r', kind: 'csv', bytes: SAMPLE.csv }, deps)).resolves.toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
    expect(deps.remember).not.toHaveBeenCalled();
  });

  it('refuses bytes that do not fit the kind before any dialog', async () => {
    await expect(saveExport({ suggestedName: 'r', kind: 'png', bytes: SAMPLE.md }, deps)).rejects.toThrow(/not a PNG image; nothing was written/);
    expect(deps.askWhere).not.toHaveBeenCalled();
  });

  it('says why a write failed, and leaves no partial file', async () => {
    answer = path.join(dir, 'missing-folder', 'r.html');
    await expect(saveExport({ suggestedName: 'r', kind: 'html', bytes: SAMPLE.html }, deps)).rejects.toThrow(
      /^the file or folder does not exist \(.*r\.html\)$/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
