/**
 * The Electron main process: app lifecycle and wiring. Decisions live in unit-tested modules
 * (security, files, menu, document, ipc, handlers); this file connects them to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import icon from '../assets/icon.png?asset';
import { Channel } from '../shared/ipc/index.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol.ts';
import { APP_NAME, modelPathsFromArgv } from './document.ts';
import { UserFacingError, describeFsError, errorCode } from './errors.ts';
import { addRecent, loadRecent, readModelFile, removeRecent, saveRecent, writeFileAtomic } from './files.ts';
import { createPathGrants, createRoutes } from './handlers.ts';
import { hardenSession, hardenWebContents } from './harden.ts';
import { createSenderCheck, registerRoutes } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { APP_SCHEME, externalLinkConfirmed, externalLinkPrompt } from './security.ts';
import { createThemeSetting, loadTheme, saveTheme, windowBackground } from './theme.ts';
import type { MainWindow } from './window.ts';
import { createMainWindow } from './window.ts';

const log = console;
const here = import.meta.dirname;
// Never taken from the environment in a packaged app: that would let anyone point it at a web page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let current: MainWindow | null = null;
let quitting = false;
let ready = false;
const pendingPaths: string[] = [];
const grants = createPathGrants();
let recent: string[] = [];
let recentWrites: Promise<void> = Promise.resolve();

const recentFile = () => path.join(app.getPath('userData'), 'recent-files.json');
const themeFile = () => path.join(app.getPath('userData'), 'theme.json');
let theme: ReturnType<typeof createThemeSetting> | null = null;

/** The window's backdrop in the theme its native parts show now. */
function paintBackdrop(): void {
  current?.win.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors));
}

function setRecent(next: string[]): void {
  recent = next;
  refreshMenu();
  const snapshot = recent;
  recentWrites = recentWrites
    .then(async () => {
      await fs.mkdir(path.dirname(recentFile()), { recursive: true });
      await saveRecent(fs, recentFile(), snapshot);
    })
    .catch((err: unknown) => log.warn('Could not save the recent-files list', err));
}

function rememberRecent(filePath: string): void {
  setRecent(addRecent(recent, filePath));
  app.addRecentDocument(filePath);
}

function refreshMenu(): void {
  const template = buildMenuTemplate((command) => current?.win.webContents.send(Channel.MenuCommand, command), process.platform, recent, {
    isPackaged: app.isPackaged,
    openRecent: (filePath) => void openFromSystem(filePath),
    clearRecent: () => {
      setRecent([]);
      app.clearRecentDocuments();
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): MainWindow {
  const created = createMainWindow({
    preload: path.join(here, '../preload/index.cjs'),
    devServerUrl,
    icon,
    platform: process.platform,
    log,
    onQuitCancelled: () => {
      quitting = false;
    },
    onClosed: () => {
      if (current === created) current = null;
    },
  });
  current = created;
  return created;
}

/** A file from the OS (file association, command line, Open Recent): read it and hand it over. */
async function openFromSystem(filePath: string): Promise<void> {
  if (!ready) {
    pendingPaths.push(filePath);
    return;
  }
  const target = current ?? createWindow();
  target.focus();
  if (!(await target.confirmReplace())) return;
  try {
    const file = await readModelFile(fs, filePath);
    grants.grant(filePath);
    rememberRecent(filePath);
    target.deliverFile(file);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') setRecent(removeRecent(recent, filePath));
    const reason = err instanceof UserFacingError ? err.message : `${describeFsError(err)} (${filePath})`;
    log.warn(`Could not open ${filePath}`, err);
    await dialog.showMessageBox(target.win, {
      type: 'error',
      noLink: true,
      message: `Could not open ${path.basename(filePath)}`,
      detail: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}. Nothing was changed.`,
    });
  }
}

function dialogParent(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? current?.win;
}

function pathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return modelPathsFromArgv(argv, cwd, (dir, p) => path.resolve(dir, p), (url) => fileURLToPath(url));
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: path.join(here, '../renderer'), readFile: (p) => fs.readFile(p) }));
  hardenSession(session.defaultSession, { devServerUrl, log });

  recent = await loadRecent(fs, recentFile());
  // Before the window exists, so that it opens in the theme last picked.
  theme = createThemeSetting(await loadTheme(fs, themeFile()), {
    apply(source) {
      nativeTheme.themeSource = source;
      paintBackdrop();
    },
    async save(source) {
      await fs.mkdir(path.dirname(themeFile()), { recursive: true });
      await saveTheme(fs, themeFile(), source);
    },
    log,
  });
  // Following the system, the backdrop follows it too (a laptop that turns dark in the evening).
  nativeTheme.on('updated', paintBackdrop);

  registerRoutes(
    ipcMain,
    createRoutes({
      dialogs: {
        async open(options) {
          const parent = dialogParent();
          const opts: OpenDialogOptions = { ...options, properties: ['openFile'] };
          const result = await (parent ? dialog.showOpenDialog(parent, opts) : dialog.showOpenDialog(opts));
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        async save(options) {
          const parent = dialogParent();
          const opts: SaveDialogOptions = { ...options, properties: ['createDirectory', 'showOverwriteConfirmation'] };
          const result = await (parent ? dialog.showSaveDialog(parent, opts) : dialog.showSaveDialog(opts));
          return result.canceled || !result.filePath ? null : result.filePath;
        },
      },
      readModel: (filePath) => readModelFile(fs, filePath),
      write: (filePath, data) => writeFileAtomic(fs, filePath, data),
      grants,
      addRecent: rememberRecent,
      defaultFolder: () => app.getPath('documents'),
      appInfo: () => ({ name: APP_NAME, version: app.getVersion(), platform: 'electron' }),
      setDocumentState: (state) => current?.setDocumentState(state),
      settleSaveBeforeClose: (requestId, saved) => current?.settleSaveBeforeClose(requestId, saved),
      rendererReadyForFiles: () => current?.rendererReadyForFiles(),
      setFullScreen: (on) => current?.setFullScreen(on),
      setTheme: (source) => theme?.set(source),
    }),
    {
      // The app's page in the app's window, and nothing else.
      isTrusted: createSenderCheck(() => (current ? [current.win.webContents] : []), devServerUrl),
      log,
    },
  );

  refreshMenu();
  createWindow();
  ready = true;
  // Opened before the app was ready (macOS open-file, the command line): the last one wins.
  const last = pendingPaths.splice(0).at(-1);
  if (last) await openFromSystem(last);
}

function main(): void {
  if (!app.isPackaged && process.env.FAULTLINE_USER_DATA_DIR) {
    // Lets end-to-end tests run with a fresh profile; ignored in packaged builds.
    app.setPath('userData', process.env.FAULTLINE_USER_DATA_DIR);
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (process.platform === 'win32') app.setAppUserModelId('dev.faultline.app');

  pendingPaths.push(...pathsFromArgv(process.argv, process.cwd()));

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      devServerUrl,
      log,
      async confirmExternal(url) {
        const win = BrowserWindow.fromWebContents(contents);
        const prompt = externalLinkPrompt(url);
        const { response } = await (win ? dialog.showMessageBox(win, prompt) : dialog.showMessageBox(prompt));
        return externalLinkConfirmed(response);
      },
      openExternal: (url) => shell.openExternal(url),
    });
  });
  // macOS: double-clicked files and files dropped on the Dock icon, possibly before `ready`.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void openFromSystem(filePath);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const last = pathsFromArgv(argv, workingDirectory).at(-1);
    if (last) void openFromSystem(last);
    else if (current) current.focus();
    else if (ready) createWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('activate', () => {
    if (ready && !current) createWindow();
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error('Faultline could not start', err);
      dialog.showErrorBox('Faultline could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

main();
