/**
 * The bridge: `window.faultline`, one named method per operation of DesktopApi. ipcRenderer itself is
 * never exposed, listeners never see the IPC event, and what main sends is checked before the page
 * sees it. Runs sandboxed, so it is bundled to one CommonJS file with no imports but electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
// Types only from the contract: its zod schemas stay out of the preload bundle.
import type { DesktopApi, MenuCommand, OpenedFile } from '../shared/ipc/index.ts';
import { Channel, MENU_COMMANDS } from '../shared/ipc/index.ts';
import { unwrapIpcErrorMessage } from './errors.ts';

async function invoke<T>(channel: Channel, payload?: unknown): Promise<T> {
  try {
    return (await (payload === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, payload))) as T;
  } catch (err) {
    throw new Error(unwrapIpcErrorMessage(err instanceof Error ? err.message : String(err)));
  }
}

function subscribe(channel: Channel, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): () => void {
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

function isOpenedFile(value: unknown): value is OpenedFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && (typeof v.path === 'string' || v.path === null) && typeof v.text === 'string';
}

let saveBeforeClose: (() => Promise<boolean>) | null = null;

// Registered once: main may ask before the page has registered a handler, and gets "not saved".
ipcRenderer.on(Channel.SaveBeforeClose, (_event, request: unknown) => {
  const requestId = (request as { requestId?: unknown } | null)?.requestId;
  if (typeof requestId !== 'number') return;
  const handler = saveBeforeClose;
  const answer = (saved: boolean) => void invoke(Channel.SaveBeforeCloseDone, { requestId, saved }).catch(() => undefined);
  if (!handler) {
    answer(false);
    return;
  }
  handler().then(
    (saved) => answer(saved === true),
    () => answer(false),
  );
});

const api = {
  openModelFile: () => invoke<OpenedFile | null>(Channel.OpenModelFile),
  saveModelFile: (request) => invoke(Channel.SaveModelFile, request),
  savePdf: (request) => invoke(Channel.SavePdf, request),
  saveExport: (request) => invoke(Channel.SaveExport, { suggestedName: request.suggestedName, kind: request.kind, bytes: request.bytes }),
  appInfo: () => invoke(Channel.AppInfo),
  setFullScreen: (on) => invoke(Channel.SetFullScreen, on === true),
  setTheme: (theme) => invoke(Channel.SetTheme, theme),
  onMenuCommand(listener) {
    return subscribe(Channel.MenuCommand, (_event, command) => {
      if (isMenuCommand(command)) listener(command);
    });
  },
  setDocumentState: (state) => invoke(Channel.SetDocumentState, { name: state.name, dirty: state.dirty }),
  onSaveBeforeClose(handler) {
    saveBeforeClose = handler;
    return () => {
      if (saveBeforeClose === handler) saveBeforeClose = null;
    };
  },
  onFileOpened(listener) {
    const unsubscribe = subscribe(Channel.FileOpened, (_event, file) => {
      if (isOpenedFile(file)) listener({ name: file.name, path: file.path, text: file.text });
    });
    void invoke(Channel.FileOpenedReady).catch(() => undefined);
    return unsubscribe;
  },
} satisfies Required<DesktopApi>;

contextBridge.exposeInMainWorld('faultline', api);
