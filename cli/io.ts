/**
 * What the CLI touches outside itself, passed in so commands run in-process under test with files in memory.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Io {
  /** A file's bytes (a model, an import source): decoded by shared/file/decode.ts, the app's one decoder. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Every file under `path` (its sub-folders too) when it is a folder; null when it is not one. */
  listFiles?(path: string): Promise<string[] | null>;
  writeFile(path: string, text: string): Promise<void>;
  /** Binary output: the PDF report. */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const nodeIo: Io = {
  readBytes: (path) => readFile(path),
  listFiles: async (path) => {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) return null;
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  },
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  writeBytes: (path, bytes) => writeFile(path, bytes),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** A file-system error as a few words: `no such file`, not a stack. */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder on the path is a file';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
