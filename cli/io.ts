/**
 * What the CLI touches outside itself, passed in so commands run in-process under test with files in memory.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface Io {
  /** A model file's bytes: they are decoded by shared/file/decode.ts, the app's one decoder. */
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  /** Binary output: the PDF report. */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const nodeIo: Io = {
  readBytes: (path) => readFile(path),
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
