/**
 * Saving what "Export report…" made (Markdown, HTML, JSON, CSV, PNG, SVG, PDF): main asks where, names the
 * file after its kind and writes the bytes atomically. The bytes are checked against the kind first, so a page
 * cannot write an executable under a report's name: the extension comes from the kind, never from the page.
 */
import path from 'node:path';
import type { ExportKind, SaveExportRequest, SaveOutcome } from '../shared/ipc/index.ts';
import { EXPORT_KINDS } from '../shared/ipc/index.ts';
import { UserFacingError, writeError } from './errors.ts';
import { safeFileName } from './files.ts';
import type { FileFilter } from './handlers.ts'; // a type only: no import cycle at run time

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export const isPdf = (bytes: Uint8Array): boolean => startsWith(bytes, PDF_MAGIC);

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Why `bytes` cannot be a file of `kind`, or null when they can. */
export function exportMismatch(kind: ExportKind, bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return 'the export is empty';
  if (kind === 'pdf') return isPdf(bytes) ? null : 'the data is not a PDF document';
  if (kind === 'png') return startsWith(bytes, PNG_MAGIC) ? null : 'the data is not a PNG image';
  if (!isUtf8(bytes)) return `the data is not UTF-8 text, so it cannot be ${EXPORT_KINDS[kind].label}`;
  return null;
}

function exportFilters(kind: ExportKind): FileFilter[] {
  return [{ name: EXPORT_KINDS[kind].label, extensions: [EXPORT_KINDS[kind].ext.slice(1)] }];
}

export interface SaveExportDeps {
  /** The chosen path, or null when cancelled. */
  askWhere(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  write(filePath: string, data: Uint8Array): Promise<void>;
  /** Where the dialog starts: the last folder used. */
  folder(): string;
  /** Remembers the folder of a saved file for the next dialog. */
  remember(filePath: string): void;
}

export async function saveExport({ suggestedName, kind, bytes }: SaveExportRequest, deps: SaveExportDeps): Promise<SaveOutcome> {
  const mismatch = exportMismatch(kind, bytes);
  if (mismatch) throw new UserFacingError(`${mismatch}; nothing was written`, 'export-mismatch');
  const { ext, label } = EXPORT_KINDS[kind];
  const chosen = await deps.askWhere({
    title: `Export ${label}`,
    defaultPath: path.join(deps.folder(), safeFileName(suggestedName, ext)),
    filters: exportFilters(kind),
  });
  if (!chosen) return { saved: false };
  // The dialog may return a name without the extension (Linux): the kind decides it.
  const target = chosen.toLowerCase().endsWith(ext) ? chosen : `${chosen}${ext}`;
  try {
    await deps.write(target, bytes);
  } catch (err) {
    throw writeError(err, target);
  }
  deps.remember(target);
  return { saved: true, path: target, name: path.basename(target) };
}
