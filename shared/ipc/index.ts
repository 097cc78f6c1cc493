

export { Channel, MENU_COMMANDS } from './channels.ts';
export type { MenuCommand } from './channels.ts';
export { EXPORT_KINDS, documentStateSchema, emptyRequestSchema, saveBeforeCloseDoneSchema, saveExportRequestSchema, saveModelRequestSchema, savePdfRequestSchema, setFullScreenSchema, themeSourceSchema } from './contract.ts';
export type { AppInfo, DesktopApi, DocumentState, ExportKind, OpenedFile, SaveExportRequest, SaveOutcome, ThemeSource } from './contract.ts';
