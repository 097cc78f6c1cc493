/**
 * Saving over a symbolic link, and a rename that fails over an existing file (issue #15): the link stays a
 * link, its target gets the new bytes atomically, and a failed save leaves the old file as it was.
 */
import * as nodeFs from 'node:fs/promises';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicWriteFs } from '../../../electron/files.ts';
import { resolveWriteTarget, writeFileAtomic } from '../../../electron/files.ts';

let dir: string;
const fs: AtomicWriteFs = nodeFs;
const noSleep = () => Promise.resolve();
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faultline-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('saving over a symbolic link', () => {
  it('writes the file the link points to and keeps the link', async () => {
    await mkdir(path.join(dir, 'models'));
    const real = path.join(dir, 'models', 'shop.faultline.json');
    const link = path.join(dir, 'shop.faultline.json');
    await writeFile(real, 'old');
    await symlink('models/shop.faultline.json', link);

    await writeFileAtomic(fs, link, 'new');

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('models/shop.faultline.json');
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readdir(path.join(dir, 'models'))).toEqual(['shop.faultline.json']);
  });

  it('follows a chain of links, and creates the target of a link to nothing yet', async () => {
    const real = path.join(dir, 'real.json');
    await symlink('real.json', path.join(dir, 'b.json'));
    await symlink(path.join(dir, 'b.json'), path.join(dir, 'a.json'));
    await writeFileAtomic(fs, path.join(dir, 'a.json'), 'created');
    expect(await readFile(real, 'utf8')).toBe('created');
    expect((await lstat(path.join(dir, 'a.json'))).isSymbolicLink()).toBe(true);
    expect((await lstat(path.join(dir, 'b.json'))).isSymbolicLink()).toBe(true);
  });

  it('refuses a loop of links with ELOOP and writes nothing', async () => {
    await symlink('y.json', path.join(dir, 'x.json'));
    await symlink('x.json', path.join(dir, 'y.json'));
    await expect(writeFileAtomic(fs, path.join(dir, 'x.json'), 'z')).rejects.toMatchObject({ code: 'ELOOP' });
    expect((await readdir(dir)).sort()).toEqual(['x.json', 'y.json']);
  });

  it('resolves a plain path to itself', async () => {
    const plain = path.join(dir, 'plain.json');
    expect(await resolveWriteTarget(fs, plain)).toBe(plain);
    await writeFile(plain, '');
    expect(await resolveWriteTarget(fs, plain)).toBe(await nodeFs.realpath(plain));
  });
});

describe('a failed rename', () => {
  it('leaves the old file intact and removes the temporary file', async () => {
    const target = path.join(dir, 'model.faultline.json');
    await writeFile(target, 'the saved model');
    const failing: AtomicWriteFs = { ...fs, rename: () => Promise.reject(fsError('EACCES')) };
    await expect(writeFileAtomic(failing, target, 'half a new model', { sleep: noSleep })).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(target, 'utf8')).toBe('the saved model');
    expect(await readdir(dir)).toEqual(['model.faultline.json']);
  });

  it('that keeps failing after retries (a virus scanner holding the file) also leaves the old file', async () => {
    const target = path.join(dir, 'model.faultline.json');
    await writeFile(target, 'the saved model');
    let attempts = 0;
    const locked: AtomicWriteFs = { ...fs, rename: () => (attempts++, Promise.reject(fsError('EBUSY'))) };
    await expect(writeFileAtomic(locked, target, 'new', { sleep: noSleep })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(attempts).toBe(5);
    expect(await readFile(target, 'utf8')).toBe('the saved model');
    expect(await readdir(dir)).toEqual(['model.faultline.json']);
  });
});
