/** The CLI's real Io: binary output reaches the disk byte for byte. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFsError, nodeIo } from '../../../cli/io.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-cli-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nodeIo.writeBytes', () => {
  it('writes every byte unchanged, including ones that are not UTF-8', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]);
    await nodeIo.writeBytes(join(dir, 'r.pdf'), bytes);
    expect([...readFileSync(join(dir, 'r.pdf'))]).toEqual([...bytes]);
  });

  it('fails with an error the CLI can put in words', async () => {
    const err = await nodeIo.writeBytes(join(dir, 'missing', 'r.pdf'), new Uint8Array([1])).catch((e: unknown) => e);
    expect(describeFsError(err)).toBe('no such file');
  });
});
