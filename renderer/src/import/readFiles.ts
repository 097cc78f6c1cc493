/**
 * Files the user picked or dropped, read as text for the importers (which never touch files themselves). From
 * a folder only the files the chosen importer reads are kept, and the rest counted, so a `.github` folder with
 * a README in it imports cleanly.
 */
import { decodeFileBytes } from '../../../shared/file/index.ts';
import type { ImportKind, SourceFile } from '../../../shared/import/index.ts';
import { takesFile } from '../../../shared/import/index.ts';

export interface PickedFiles {
  files: SourceFile[];
  /** Files in a picked folder that the importer does not read. */
  skipped: number;
}

/** The name shown for a file: its path inside a picked folder, else its name. */
const displayName = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

/** The app's one decoder, not `File.text()`, which would replace invalid UTF-8 without a word. */
async function decoded(f: File): Promise<string> {
  const text = decodeFileBytes(new Uint8Array(await f.arrayBuffer()));
  if (!text.ok) throw new Error(`${displayName(f)}: ${text.error.message}`);
  return text.value;
}

export async function readPicked(kind: ImportKind, list: readonly File[], fromFolder: boolean): Promise<PickedFiles> {
  const chosen = fromFolder ? list.filter((f) => takesFile(kind, displayName(f))) : [...list];
  const files = await Promise.all(chosen.map(async (f) => ({ name: displayName(f), text: await decoded(f) })));
  return { files, skipped: list.length - chosen.length };
}
