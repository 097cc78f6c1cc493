/**
 * The desktop API between the renderer and the Electron main process: one channel per operation, one
 * named method per channel. The preload implements it with IPC, the browser build with file inputs and
 * downloads (renderer/src/desktop/browserApi.ts).
 */
import { z } from 'zod';
import type { MenuCommand } from './channels.ts';

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
  /** Asks where to save an export of `kind` (the extension follows the kind) and writes its bytes. */
  saveExport(request: SaveExportRequest): Promise<SaveOutcome>;
  appInfo(): Promise<AppInfo>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Puts the window in full screen (presentation mode) or takes it out. Electron's main does it for the
   * window; the browser build uses the Fullscreen API. Rejects when refused: the caller carries on in the
   * window as it is.
   */
  setFullScreen(on: boolean): Promise<void>;

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
  /**
   * The theme the app shows, for what the page does not draw: the window's backdrop before the first
   * paint (kept for the next launch), native dialogs and the title bar. 'system' until one is picked.
   */
  setTheme?(theme: ThemeSource): Promise<void>;
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
type SaveModelRequest = z.infer<typeof saveModelRequestSchema>;

export const savePdfRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 500 * 1024 * 1024, 'PDF too large'),
});
type SavePdfRequest = z.infer<typeof savePdfRequestSchema>;

/** Every kind of file "Export report…" writes: its extension, media type and the save dialog's filter name. */
export const EXPORT_KINDS = {
  pdf: { ext: '.pdf', mime: 'application/pdf', label: 'PDF document', text: false },
  md: { ext: '.md', mime: 'text/markdown;charset=utf-8', label: 'Markdown', text: true },
  html: { ext: '.html', mime: 'text/html;charset=utf-8', label: 'HTML page', text: true },
  json: { ext: '.json', mime: 'application/json', label: 'JSON', text: true },
  csv: { ext: '.csv', mime: 'text/csv;charset=utf-8', label: 'CSV table', text: true },
  png: { ext: '.png', mime: 'image/png', label: 'PNG image', text: false },
  svg: { ext: '.svg', mime: 'image/svg+xml', label: 'SVG image', text: true },
  otm: { ext: '.otm', mime: 'application/json', label: 'Open Threat Model', text: true },
  opengraph: { ext: '.json', mime: 'application/json', label: 'BloodHound OpenGraph JSON', text: true },
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

/** Exports are reports and pictures of a model: far below this. */
const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

export const saveExportRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(255),
  kind: z.enum(Object.keys(EXPORT_KINDS) as [ExportKind, ...ExportKind[]]),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, 'export too large'),
});
export type SaveExportRequest = z.infer<typeof saveExportRequestSchema>;

export const documentStateSchema = z.strictObject({
  name: z.string().min(1).max(255),
  dirty: z.boolean(),
});

export const saveBeforeCloseDoneSchema = z.strictObject({
  requestId: z.number().int().nonnegative(),
  saved: z.boolean(),
});

export const setFullScreenSchema = z.boolean();

export const themeSourceSchema = z.enum(['system', 'light', 'dark']);
export type ThemeSource = z.infer<typeof themeSourceSchema>;

/** For channels whose request carries nothing. */
export const emptyRequestSchema = z.undefined();
