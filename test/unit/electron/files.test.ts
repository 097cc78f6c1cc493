import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicWriteFs } from '../../../electron/files.ts';
import {
  addRecent,
  loadRecent,
  readModelFile,
  removeRecent,
  safeFileName,
  saveRecent,
  writeFileAtomic,
} from '../../../electron/files.ts';
import { UserFacingError } from '../../../electron/errors.ts';

let dir: string;
const fs: AtomicWriteFs = nodeFs;
const noSleep = () => Promise.resolve();

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faultline-files-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fsError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'model.faultline.json');
    await writeFileAtomic(fs, target, '{"v":1}');
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir)).toEqual(['model.faultline.json']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'model.faultline.json');
    await writeFile(target, 'old');
    await writeFileAtomic(fs, target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('writes bytes as they are', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFileAtomic(fs, target, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255]));
    expect([...(await readFile(target))]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255]);
  });

  it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces', async () => {
    const target = path.join(dir, 'private.faultline.json');
    await writeFile(target, 'old', { mode: 0o600 });
    await writeFileAtomic(fs, target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('keeps the original and removes the temporary file when writing fails (disk full)', async () => {
    const target = path.join(dir, 'model.faultline.json');
    await writeFile(target, 'original');
    const failing: AtomicWriteFs = {
      ...fs,
      open: async (p, flags, mode) => {
        const handle = await fs.open(p, flags, mode);
        return {
          writeFile: async () => {
            await handle.writeFile('partial');
            throw fsError('ENOSPC');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(failing, target, 'new contents')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['model.faultline.json']);
  });

  it('removes the temporary file when the rename fails for good', async () => {
    const target = path.join(dir, 'model.faultline.json');
    const failing: AtomicWriteFs = { ...fs, rename: () => Promise.reject(fsError('EXDEV')) };
    await expect(writeFileAtomic(failing, target, 'x', { sleep: noSleep })).rejects.toMatchObject({ code: 'EXDEV' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('retries a rename that a virus scanner briefly blocks (Windows EPERM)', async () => {
    const target = path.join(dir, 'model.faultline.json');
    let attempts = 0;
    const flaky: AtomicWriteFs = {
      ...fs,
      rename: (a, b) => (++attempts < 3 ? Promise.reject(fsError('EPERM')) : fs.rename(a, b)),
    };
    await writeFileAtomic(flaky, target, 'saved', { sleep: noSleep });
    expect(attempts).toBe(3);
    expect(await readFile(target, 'utf8')).toBe('saved');
  });

  it('never deletes a file it did not create (temporary name already taken)', async () => {
    const target = path.join(dir, 'model.faultline.json');
    const squatter = path.join(dir, '.model.faultline.json.fixed.tmp');
    await writeFile(squatter, 'someone else');
    await expect(writeFileAtomic(fs, target, 'x', { tempSuffix: () => 'fixed' })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(squatter, 'utf8')).toBe('someone else');
  });

  it('fails with the OS error when the folder does not exist', async () => {
    await expect(writeFileAtomic(fs, path.join(dir, 'missing', 'm.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('readModelFile', () => {
  const readFs = { stat: (p: string) => nodeFs.stat(p), readFile: (p: string) => nodeFs.readFile(p) };

  it('returns the name, path and text', async () => {
    const p = path.join(dir, 'shop.faultline.json');
    await writeFile(p, '{"format":"faultline"}');
    expect(await readModelFile(readFs, p)).toEqual({ name: 'shop.faultline.json', path: p, text: '{"format":"faultline"}' });
  });

  it('drops a UTF-8 byte-order mark (JSON.parse rejects it)', async () => {
    const p = path.join(dir, 'bom.faultline.json');
    await writeFile(p, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{}')]));
    expect((await readModelFile(readFs, p)).text).toBe('{}');
  });

  it('refuses binary data with a readable reason', async () => {
    const p = path.join(dir, 'photo.json');
    await writeFile(p, Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    const err = await readModelFile(readFs, p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as UserFacingError).message).toMatch(/not UTF-8 text/);
  });

  it('refuses files over the size limit before reading them', async () => {
    const p = path.join(dir, 'big.faultline.json');
    await writeFile(p, 'x'.repeat(2048));
    await expect(readModelFile(readFs, p, 1024)).rejects.toMatchObject({ code: 'file-too-large' });
  });

  it('refuses a folder', async () => {
    await expect(readModelFile(readFs, dir)).rejects.toMatchObject({ code: 'file-read' });
  });

  it('passes the OS error on for a missing file', async () => {
    await expect(readModelFile(readFs, path.join(dir, 'gone.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('safeFileName', () => {
  const ext = '.faultline.json';

  it('adds the extension once', () => {
    expect(safeFileName('payments', ext)).toBe('payments.faultline.json');
    expect(safeFileName('payments.faultline.json', ext)).toBe('payments.faultline.json');
    expect(safeFileName('Payments.FAULTLINE.JSON', ext)).toBe('Payments.faultline.json');
  });

  it('drops folders the renderer may have put in the name', () => {
    expect(safeFileName('../../etc/passwd', ext)).toBe('passwd.faultline.json');
    expect(safeFileName('C:\\Windows\\evil', ext)).toBe('evil.faultline.json');
  });

  it('replaces characters Windows refuses and control characters', () => {
    expect(safeFileName('a<b>c:d"e|f?g*h\u0007', '.pdf')).toBe('a-b-c-d-e-f-g-h.pdf');
  });

  it('never returns an empty or hidden name', () => {
    expect(safeFileName('   ', ext)).toBe('model.faultline.json');
    expect(safeFileName('...', ext)).toBe('model.faultline.json');
    expect(safeFileName('.hidden', '.pdf')).toBe('hidden.pdf');
  });

  it('caps very long names', () => {
    expect(safeFileName('x'.repeat(1000), '.pdf').length).toBe(204);
  });
});

describe('recent files', () => {
  it('puts the newest first without duplicates', () => {
    expect(addRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
  });

  it('keeps at most the limit', () => {
    const list = Array.from({ length: 10 }, (_, i) => `/m${i}`);
    const next = addRecent(list, '/new');
    expect(next).toHaveLength(10);
    expect(next[0]).toBe('/new');
    expect(next).not.toContain('/m9');
  });

  it('treats the same path spelled differently as one entry', () => {
    expect(addRecent(['/a/b/../m.json'], '/a/m.json')).toEqual(['/a/m.json']);
  });

  it('removes an entry', () => {
    expect(removeRecent(['/a', '/b'], '/a')).toEqual(['/b']);
  });

  it('survives a round trip through the user-data file', async () => {
    const file = path.join(dir, 'recent-files.json');
    await saveRecent(fs, file, ['/x/one.faultline.json', '/y/two.faultline.json']);
    expect(await loadRecent(nodeFs, file)).toEqual(['/x/one.faultline.json', '/y/two.faultline.json']);
  });

  it('starts empty when the file is missing, corrupt or of another shape', async () => {
    const file = path.join(dir, 'recent-files.json');
    expect(await loadRecent(nodeFs, file)).toEqual([]);
    await writeFile(file, '{not json');
    expect(await loadRecent(nodeFs, file)).toEqual([]);
    await writeFile(file, JSON.stringify({ version: 2, files: ['/a'] }));
    expect(await loadRecent(nodeFs, file)).toEqual([]);
    await writeFile(file, JSON.stringify(['/a']));
    expect(await loadRecent(nodeFs, file)).toEqual([]);
  });

  it('drops relative and empty paths and duplicates from a hand-edited file', async () => {
    const file = path.join(dir, 'recent-files.json');
    await writeFile(file, JSON.stringify({ version: 1, files: ['/a', 'relative.json', '', '/b', '/a'] }));
    expect(await loadRecent(nodeFs, file)).toEqual(['/a', '/b']);
  });
});
