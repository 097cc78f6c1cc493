/**
 * The desktop API between the renderer and the Electron main process: one channel per operation, one
 * named method per channel. The preload implements it with IPC, the browser build with file inputs and
 * downloads (renderer/src/desktop/browserApi.ts).
 */
import { z } from 'zod';

export const Channel = {
  OpenModelFile: 'faultline:open-model-file',
  SaveModelFile: 'faultline:save-model-file',
  SavePdf: 'faultline:save-pdf',
  AppInfo: 'faultline:app-info',
  /** main → renderer: a menu item was chosen. */
  MenuCommand: 'faultline:menu-command',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'undo',
  'redo',
  'fit',
  'zoom-in',
  'zoom-out',
  'toggle-theme',
  'shortcuts',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

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
