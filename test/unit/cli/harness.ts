/** Runs the CLI in-process over files held in memory, and reads the fixtures and the shipped samples. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../../../cli/io.ts';
import { run } from '../../../cli/main.ts';
import type { Command } from '../../../cli/command.ts';
import { COMMANDS } from '../../../cli/commands/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { parseModelFile } from '../../../shared/file/index.ts';

export const ROOT = join(import.meta.dirname, '../../..');
export const SMALL = 'test/fixtures/cli/small.faultline.json';
export const SAMPLES_DIR = 'assets/samples';

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Every `.faultline.json` in assets/samples, as repo paths; empty until the samples land. */
export function samplePaths(): string[] {
  try {
    return readdirSync(join(ROOT, SAMPLES_DIR))
      .filter((f) => f.endsWith('.faultline.json'))
      .sort()
      .map((f) => `${SAMPLES_DIR}/${f}`);
  } catch {
    return [];
  }
}

export function loadRepoModel(path: string): Model {
  const loaded = parseModelFile(readRepoFile(path));
  if (!loaded.ok) throw new Error(`${path}: ${loaded.error.message}`);
  return loaded.value;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
  /** Binary files written (the PDF report). */
  writtenBytes: Map<string, Uint8Array>;
}

const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/**
 * The CLI over an in-memory file system: `files` maps paths to text (or bytes); paths not in it are read from
 * the repo (fixtures, samples). Writes under `/readonly/` fail as a full disk would.
 */
export async function cli(
  argv: string[],
  files: Record<string, string | Uint8Array> = {},
  commands: readonly Command[] = COMMANDS,
): Promise<CliRun> {
  const written = new Map<string, string>();
  const writtenBytes = new Map<string, Uint8Array>();
  let stdout = '';
  let stderr = '';
  const io: Io = {
    readBytes: async (path) => {
      const given = files[path];
      if (given !== undefined) return typeof given === 'string' ? new TextEncoder().encode(given) : given;
      try {
        return readFileSync(join(ROOT, path));
      } catch (e) {
        throw fsError((e as { code?: string }).code ?? 'ENOENT');
      }
    },
    listFiles: async (path) => {
      const inMemory = Object.keys(files).filter((f) => f.startsWith(`${path.replace(/\/$/, '')}/`));
      if (inMemory.length) return inMemory.sort();
      try {
        return readdirSync(join(ROOT, path), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name).slice(ROOT.length + 1))
          .sort();
      } catch {
        return null;
      }
    },
    writeFile: async (path, text) => {
      if (path.startsWith('/readonly/')) throw fsError('EACCES');
      written.set(path, text);
    },
    writeBytes: async (path, bytes) => {
      if (path.startsWith('/readonly/')) throw fsError('EACCES');
      writtenBytes.set(path, bytes);
    },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = await run(argv, io, commands);
  return { code, stdout, stderr, written, writtenBytes };
}

/** A model file's text with the model changed by `edit`. */
export function editedFile(path: string, edit: (model: Record<string, unknown>) => void): string {
  const file = JSON.parse(readRepoFile(path)) as { model: Record<string, unknown> };
  edit(file.model);
  return JSON.stringify(file);
}
