/**
 * What each IPC channel does, with dialogs, disk and window passed in. Main wires real Electron
 * objects; tests pass a temporary folder and scripted dialogs.
 */
import path from 'node:path';
import type { AppInfo, DocumentState, OpenedFile, SaveOutcome, ThemeSource } from '../shared/ipc/index.ts';
import { Channel, documentStateSchema, emptyRequestSchema, saveBeforeCloseDoneSchema, saveExportRequestSchema, saveModelRequestSchema, savePdfRequestSchema, setFullScreenSchema, themeSourceSchema } from '../shared/ipc/index.ts';
import { FILE_EXTENSION } from '../shared/file/index.ts';
import { UserFacingError, describeFsError, writeError } from './errors.ts';
import { isPdf, saveExport } from './exports.ts';
import { safeFileName } from './files.ts';
import type { Route } from './ipc.ts';
import { route } from './ipc.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

const MODEL_FILTERS: FileFilter[] = [
  { name: 'Faultline model', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];
const PDF_FILTERS: FileFilter[] = [{ name: 'PDF document', extensions: ['pdf'] }];

export interface Dialogs {
  /** The chosen path, or null when cancelled. */
  open(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  save(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

/**
 * Paths the user chose in a dialog or opened from the OS during this run. The renderer may save
 * without a dialog only to one of these; any other path it names goes through Save As, so a
 * compromised page cannot write wherever it likes.
 */
export function createPathGrants() {
  const granted = new Set<string>();
  return {
    grant(p: string): void {
      granted.add(path.resolve(p));
    },
    has(p: string): boolean {
      return path.isAbsolute(p) && granted.has(path.resolve(p));
    },
  };
}
type PathGrants = ReturnType<typeof createPathGrants>;

export interface HandlerDeps {
  dialogs: Dialogs;
  readModel(filePath: string): Promise<OpenedFile>;
  write(filePath: string, data: string | Uint8Array): Promise<void>;
  grants: PathGrants;
  /** Records a file in the recent list (menu, OS recent documents). */
  addRecent(filePath: string): void;
  /** Where dialogs start when nothing was opened yet (the Documents folder). */
  defaultFolder(): string;
  appInfo(): AppInfo;
  setDocumentState(state: DocumentState): void;
  settleSaveBeforeClose(requestId: number, saved: boolean): void;
  rendererReadyForFiles(): void;
  /** Presentation mode: the window in full screen, or back. */
  setFullScreen(on: boolean): void;
  /** The theme the app shows, for the window's native parts and the next launch's backdrop. */
  setTheme(theme: ThemeSource): void;
}

export function createRoutes(deps: HandlerDeps): Route[] {
  let lastFolder: string | null = null;
  const folder = () => lastFolder ?? deps.defaultFolder();
  const remember = (filePath: string) => {
    lastFolder = path.dirname(filePath);
  };

  return [
    route({
      channel: Channel.OpenModelFile,
      action: 'open a model',
      schema: emptyRequestSchema,
      async handle(): Promise<OpenedFile | null> {
        const chosen = await deps.dialogs.open({ title: 'Open model', defaultPath: folder(), filters: MODEL_FILTERS });
        if (!chosen) return null;
        let file: OpenedFile;
        try {
          file = await deps.readModel(chosen);
        } catch (err) {
          if (err instanceof UserFacingError) throw err;
          throw new UserFacingError(`${describeFsError(err)} (${chosen})`, 'file-read', { cause: err });
        }
        deps.grants.grant(chosen);
        deps.addRecent(chosen);
        remember(chosen);
        return file;
      },
    }),

    route({
      channel: Channel.SaveModelFile,
      action: 'save the model',
      schema: saveModelRequestSchema,
      async handle({ path: requested, suggestedName, text }): Promise<SaveOutcome> {
        let target = requested !== null && deps.grants.has(requested) ? path.resolve(requested) : null;
        if (!target) {
          const defaultPath =
            requested !== null && path.isAbsolute(requested)
              ? requested
              : path.join(folder(), safeFileName(suggestedName, FILE_EXTENSION));
          target = await deps.dialogs.save({ title: 'Save model', defaultPath, filters: MODEL_FILTERS });
          if (!target) return { saved: false };
        }
        try {
          await deps.write(target, text);
        } catch (err) {
          throw writeError(err, target);
        }
        deps.grants.grant(target);
        deps.addRecent(target);
        remember(target);
        return { saved: true, path: target, name: path.basename(target) };
      },
    }),

    route({
      channel: Channel.SavePdf,
      action: 'save the PDF report',
      schema: savePdfRequestSchema,
      async handle({ suggestedName, bytes }): Promise<SaveOutcome> {
        if (!isPdf(bytes)) throw new UserFacingError('the report data is not a PDF document; nothing was written', 'not-a-pdf');
        const target = await deps.dialogs.save({
          title: 'Export PDF report',
          defaultPath: path.join(folder(), safeFileName(suggestedName, '.pdf')),
          filters: PDF_FILTERS,
        });
        if (!target) return { saved: false };
        try {
          await deps.write(target, bytes);
        } catch (err) {
          throw writeError(err, target);
        }
        remember(target);
        return { saved: true, path: target, name: path.basename(target) };
      },
    }),

    route({
      channel: Channel.SaveExport,
      action: 'save the export',
      schema: saveExportRequestSchema,
      handle: (request) =>
        saveExport(request, { askWhere: (options) => deps.dialogs.save(options), write: deps.write, folder, remember }),
    }),

    route({
      channel: Channel.AppInfo,
      action: 'read the app version',
      schema: emptyRequestSchema,
      handle: () => deps.appInfo(),
    }),

    route({
      channel: Channel.SetDocumentState,
      action: 'update the window title',
      schema: documentStateSchema,
      handle(state) {
        deps.setDocumentState(state);
      },
    }),

    route({
      channel: Channel.SaveBeforeCloseDone,
      action: 'finish saving before closing',
      schema: saveBeforeCloseDoneSchema,
      handle({ requestId, saved }) {
        deps.settleSaveBeforeClose(requestId, saved);
      },
    }),

    route({
      channel: Channel.SetFullScreen,
      action: 'switch full screen',
      schema: setFullScreenSchema,
      handle(on) {
        deps.setFullScreen(on);
      },
    }),

    route({
      channel: Channel.SetTheme,
      action: 'switch the theme',
      schema: themeSourceSchema,
      handle(theme) {
        deps.setTheme(theme);
      },
    }),

    route({
      channel: Channel.FileOpenedReady,
      action: 'receive opened files',
      schema: emptyRequestSchema,
      handle() {
        deps.rendererReadyForFiles();
      },
    }),
  ];
}
