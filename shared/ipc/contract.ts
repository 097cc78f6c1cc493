/**
 * The desktop API between the renderer and the Electron main process: one channel per operation, one
 * named method per channel. The preload implements it with IPC, the browser build with file inputs and
 * downloads (renderer/src/desktop/browserApi.ts).
 */
import { z } from 'zod';
import type { MenuCommand } from './channels.ts';
import { MENU_COMMANDS } from './channels.ts';

// Channel names and menu commands live in ./channels.ts, free of zod, so the sandboxed preload can
// bundle them without the schemas.
export { Channel, MENU_COMMANDS } from './channels.ts';
export type { MenuCommand } from './channels.ts';

/** A file the user picked: its text is parsed by the renderer through the one load path. */
export interface OpenedFile {
  name: string;
  /** Absolute path in Electron; null in the browser, where pages never see paths. */
  path: string | null;
  text: string;
}

export type SaveOutcome = { saved: true; path: string | null; name: string } | { saved: false };

export interface AppInfo {
  name: string;
  version: string;
  platform: 'electron' | 'browser';
}

export interface DesktopApi {
  /** Asks the user for a `.faultline.json` file; null when they cancel. */
  openModelFile(): Promise<OpenedFile | null>;
  /** Writes `text` to `path`, or asks where when `path` is null (Save As). */
  saveModelFile(request: SaveModelRequest): Promise<SaveOutcome>;
  /** Asks where to save a PDF and writes the bytes the renderer built. */
  savePdf(request: SavePdfRequest): Promise<SaveOutcome>;
  appInfo(): Promise<AppInfo>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;

  // Desktop-only members: Electron's preload implements all of them; the browser build leaves them out
  // (a browser tab has its own title, `beforeunload`, and no files pushed by the operating system).

  /** Tells main the document's name and dirty flag: window title `• name — Faultline`, close prompt. */
  setDocumentState?(state: DocumentState): Promise<void>;
  /**
   * Registers the save used when the user picks Save in the unsaved-changes prompt (closing the window,
   * opening a file from the OS). Resolve true once saved, false when cancelled or failed. One handler;
   * returns the unregister function.
   */
  onSaveBeforeClose?(handler: () => Promise<boolean>): () => void;
  /** Files opened from outside the window (file association, command line, File ▸ Open Recent). */
  onFileOpened?(listener: (file: OpenedFile) => void): () => void;
}

export interface DocumentState {
  /** File name, or the model's name while it has never been saved. */
  name: string;
  dirty: boolean;
}

/** Payloads are validated in main before anything touches the disk. */
export const saveModelRequestSchema = z.strictObject({
  path: z.string().min(1).max(4096).nullable(),
  suggestedName: z.string().min(1).max(255),
  text: z.string().max(200 * 1024 * 1024),
});
export type SaveModelRequest = z.infer<typeof saveModelRequestSchema>;

export const savePdfRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 500 * 1024 * 1024, 'PDF too large'),
});
export type SavePdfRequest = z.infer<typeof savePdfRequestSchema>;

export const menuCommandSchema = z.enum(MENU_COMMANDS);

export const documentStateSchema = z.strictObject({
  name: z.string().min(1).max(255),
  dirty: z.boolean(),
});

export const saveBeforeCloseDoneSchema = z.strictObject({
  requestId: z.number().int().nonnegative(),
  saved: z.boolean(),
});

/** For channels whose request carries nothing. */
export const emptyRequestSchema = z.undefined();
