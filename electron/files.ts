/**
 * File work for the main process, as plain functions with the file system passed in: atomic writes
 * (a crash or a full disk never leaves a half-written model), reading a model file, the recent-files
 * list and its persistence, safe default file names.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { decodeFileBytes } from '../shared/file/index.ts';
import type { OpenedFile } from '../shared/ipc/index.ts';
import { UserFacingError } from './errors.ts';

// ---------------------------------------------------------------------------------------------------
// Atomic writes

interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The part of `node:fs/promises` that `writeFileAtomic` uses. */
export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ mode: number }>;
  realpath(filePath: string): Promise<string>;
  lstat(filePath: string): Promise<{ isSymbolicLink(): boolean }>;
  readlink(filePath: string): Promise<string>;
}

/** As many links as Linux follows before ELOOP. */
const MAX_LINK_HOPS = 40;

/**
 * The file a save must replace: `target` itself, or the file a symbolic link (or a chain of them) points
 * to, even when that file does not exist yet. Renaming over the link itself would replace the link with a
 * plain file and leave the file it pointed to unchanged.
 */
export async function resolveWriteTarget(fs: AtomicWriteFs, target: string): Promise<string> {
  try {
    return await fs.realpath(target);
  } catch (err) {
    if (codeOf(err) !== 'ENOENT') throw err;
  }
  // Nothing there yet, or a link to nothing yet: follow the links by hand.
  let current = target;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let isLink: boolean;
    try {
      isLink = (await fs.lstat(current)).isSymbolicLink();
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return current;
      throw err;
    }
    if (!isLink) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${target}`), { code: 'ELOOP' });
}

interface AtomicWriteOptions {
  /** Suffix for the temporary file's name; random by default. */
  tempSuffix?: () => string;
  /** Flush the folder entry after the rename (POSIX); Windows cannot open folders. */
  syncDirectory?: boolean;
  /** Waits between rename attempts; Windows virus scanners briefly lock fresh files (EPERM/EBUSY). */
  sleep?: (ms: number) => Promise<void>;
  renameAttempts?: number;
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/**
 * Writes `data` to a temporary file beside `target`, flushes it to disk, then renames it over
 * `target`: readers see the old file or the new one, never a mix. The temporary file is removed when
 * anything fails, and the original file is left as it was. A symbolic link stays a link: the file it
 * points to is the one replaced.
 */
export async function writeFileAtomic(
  fs: AtomicWriteFs,
  requested: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveWriteTarget(fs, requested);
  const {
    tempSuffix = () => randomBytes(6).toString('hex'),
    syncDirectory = process.platform !== 'win32',
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    renameAttempts = 5,
  } = options;
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${tempSuffix()}.tmp`);
  // Keep the permissions of the file being replaced (a model kept private stays private).
  const mode = await fs.stat(target).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );

  let created = false;
  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    created = true;
    await handle.writeFile(data);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    for (let attempt = 1; ; attempt++) {
      try {
        await fs.rename(temp, target);
        break;
      } catch (err) {
        if (attempt >= renameAttempts || !RETRYABLE_RENAME.has(codeOf(err) ?? '')) throw err;
        await sleep(25 * 2 ** attempt);
      }
    }
    created = false;
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    // Only remove a file this call created: with 'wx', an existing file of that name is never ours.
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw err;
  }

  if (syncDirectory) {
    // Best effort: makes the rename itself durable on POSIX file systems.
    try {
      const dirHandle = await fs.open(dir, 'r');
      try {
        await dirHandle.sync();
      } finally {
        await dirHandle.close();
      }
    } catch {
      // Some file systems refuse fsync on folders; the data itself is already on disk.
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading a model file

interface ReadFs {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

/** The same limit as the save request's text (shared/ipc/contract.ts). */
const MAX_MODEL_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Reads a model file as text through the app's one decoder (shared/file/decode.ts: a byte-order mark is
 * dropped, invalid UTF-8 refused). The renderer parses it through the one load path; here we only refuse
 * what cannot be a model: folders, huge files, bytes that are not UTF-8 text.
 */
export async function readModelFile(fs: ReadFs, filePath: string, maxBytes = MAX_MODEL_FILE_BYTES): Promise<OpenedFile> {
  const info = await fs.stat(filePath);
  if (!info.isFile()) throw new UserFacingError(`that is not a file (${filePath})`, 'file-read');
  if (info.size > maxBytes) {
    const mb = Math.round(maxBytes / (1024 * 1024));
    throw new UserFacingError(`the file is larger than ${mb} MB, too large to be a Faultline model (${filePath})`, 'file-too-large');
  }
  const text = decodeFileBytes(await fs.readFile(filePath));
  if (!text.ok) throw new UserFacingError(`${text.error.message} (${filePath})`, 'file-not-text');
  return { name: path.basename(filePath), path: filePath, text: text.value };
}

// ---------------------------------------------------------------------------------------------------
// File names

const FORBIDDEN_NAME_CHARS = /[<>:"/\\|?*]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

/**
 * A safe default name for a save dialog from what the renderer suggested: no folders, no characters
 * Windows refuses, not empty, ending in `extension`.
 */
export function safeFileName(suggested: string, extension: string): string {
  const lastSegment = suggested.split(/[/\\]/).pop() ?? '';
  let name = lastSegment.replace(CONTROL_CHARS, '').replace(FORBIDDEN_NAME_CHARS, '-').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name.toLowerCase().endsWith(extension.toLowerCase())) name = name.slice(0, -extension.length);
  name = name.replace(/[.\s]+$/, '');
  if (!name) name = 'model';
  return name.slice(0, 200) + extension;
}

// ---------------------------------------------------------------------------------------------------
// Recent files

const RECENT_MAX = 10;

function samePath(a: string, b: string): boolean {
  return path.normalize(a) === path.normalize(b);
}

/** `filePath` first, without duplicates, at most `max` entries. */
export function addRecent(list: readonly string[], filePath: string, max = RECENT_MAX): string[] {
  return [filePath, ...list.filter((p) => !samePath(p, filePath))].slice(0, max);
}

export function removeRecent(list: readonly string[], filePath: string): string[] {
  return list.filter((p) => !samePath(p, filePath));
}

/** Version 1 of `recent-files.json` in the user-data folder. */
const recentFileSchema = z.object({
  version: z.literal(1),
  files: z.array(z.string()),
});

interface RecentReadFs {
  readFile(filePath: string, encoding: 'utf8'): Promise<string>;
}

/**
 * The saved recent-files list; a missing, unreadable or malformed file gives an empty list (it is a
 * convenience, and the next save rewrites it). Only absolute paths are kept.
 */
export async function loadRecent(fs: RecentReadFs, file: string, max = RECENT_MAX): Promise<string[]> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const parsed = recentFileSchema.safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.files
    .filter((p) => p.length > 0 && p.length <= 4096 && path.isAbsolute(p))
    .reduceRight<string[]>((list, p) => addRecent(list, p, max), []);
}

export async function saveRecent(fs: AtomicWriteFs, file: string, list: readonly string[], options?: AtomicWriteOptions): Promise<void> {
  const body = JSON.stringify({ version: 1, files: list }, null, 2) + '\n';
  await writeFileAtomic(fs, file, body, options);
}
