/**
 * IPC channel names and native menu commands: plain constants with no dependencies, so the sandboxed
 * preload bundles them without zod. shared/ipc/contract.ts re-exports them with the schemas and types.
 */

export const Channel = {
  OpenModelFile: 'faultline:open-model-file',
  SaveModelFile: 'faultline:save-model-file',
  SavePdf: 'faultline:save-pdf',
  /** The report's other formats and the canvas pictures: Markdown, HTML, JSON, CSV, PNG, SVG (and PDF). */
  SaveExport: 'faultline:save-export',
  AppInfo: 'faultline:app-info',
  /** main → renderer: a menu item was chosen. */
  MenuCommand: 'faultline:menu-command',
  /** renderer → main: the open document's name and whether it has unsaved changes (title, close prompt). */
  SetDocumentState: 'faultline:set-document-state',
  /** main → renderer: the user chose Save in the unsaved-changes prompt; carries a request id. */
  SaveBeforeClose: 'faultline:save-before-close',
  /** renderer → main: the answer to SaveBeforeClose. */
  SaveBeforeCloseDone: 'faultline:save-before-close-done',
  /** main → renderer: a file the operating system opened (file association, command line, Open Recent). */
  FileOpened: 'faultline:file-opened',
  /** renderer → main: the renderer now listens for FileOpened; main sends what it queued meanwhile. */
  FileOpenedReady: 'faultline:file-opened-ready',
  /** renderer → main: presentation mode puts the window in full screen, and takes it out. */
  SetFullScreen: 'faultline:set-full-screen',
  /** renderer → main: the theme picked in the app (or the system's), for the window's native parts. */
  SetTheme: 'faultline:set-theme',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'import',
  'export-report',
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
