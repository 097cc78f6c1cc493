/**
 * The main window and the document state main keeps for it: title, unsaved prompt on close, the
 * save-before-close round trip, files pushed from the OS. Wiring only; the logic is in document.ts.
 */
import { BrowserWindow, dialog, nativeTheme } from 'electron';
import type { DocumentState, OpenedFile } from '../shared/ipc/index.ts';
import { Channel } from '../shared/ipc/index.ts';
import {
  createCloseGuard,
  createFileDelivery,
  createSaveRequests,
  resolveUnsavedChanges,
  unsavedChangesPrompt,
  unsavedChoiceFromResponse,
  windowTitle,
} from './document.ts';
import { APP_ENTRY_URL, secureWebPreferences } from './security.ts';
import { windowBackground } from './theme.ts';

interface MainWindowOptions {
  preload: string;
  /** Vite's dev server, only when the app is not packaged. */
  devServerUrl?: string;
  /** Window icon for Linux (Windows and macOS take it from the packaged executable). */
  icon?: string;
  platform: NodeJS.Platform;
  log: Pick<Console, 'warn' | 'error'>;
  /** The user kept the window open during a quit (Cancel in the prompt). */
  onQuitCancelled(): void;
  onClosed(): void;
}

export type MainWindow = ReturnType<typeof createMainWindow>;

export function createMainWindow(options: MainWindowOptions) {
  const { platform, log } = options;
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: windowTitle(null),
    // The theme main was given (theme.ts), or the system's: the window never flashes the other one.
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    ...(platform === 'linux' && options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preload),
  });
  const contents = win.webContents;

  let documentState: DocumentState | null = null;
  const saveRequests = createSaveRequests((requestId) => contents.send(Channel.SaveBeforeClose, { requestId }));
  const delivery = createFileDelivery((file) => contents.send(Channel.FileOpened, file));

  const ask = async (name: string, action: 'close' | 'open') => {
    const { response } = await dialog.showMessageBox(win, unsavedChangesPrompt(name, action));
    return unsavedChoiceFromResponse(response);
  };

  const closeGuard = createCloseGuard({
    state: () => documentState,
    ask: (name) => ask(name, 'close'),
    save: () => saveRequests.request(),
    close: () => win.close(),
    stayed: options.onQuitCancelled,
    onError: (err) => log.error('The unsaved-changes prompt failed', err),
  });

  win.on('close', (event) => {
    if (closeGuard.onClose()) event.preventDefault();
  });
  // Main owns the prompt: once the user chose, or when the page reported no unsaved changes, a
  // `beforeunload` in the page must not silently keep the window open. Otherwise (a reload, or a page
  // that never reported its state) ask here; main cannot save for the page, so there is no Save button.
  contents.on('will-prevent-unload', (event) => {
    if (closeGuard.allowed || documentState?.dirty === false) {
      event.preventDefault();
      return;
    }
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Discard Changes', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: 'This window has unsaved changes.',
      detail: 'Leave anyway? The changes since the last save will be lost.',
    });
    if (choice === 0) event.preventDefault();
  });
  win.on('closed', () => {
    saveRequests.cancelAll();
    options.onClosed();
  });
  win.once('ready-to-show', () => win.show());
  // Once the renderer reports its document, main sets the title (with the unsaved marker).
  win.on('page-title-updated', (event) => {
    if (documentState) event.preventDefault();
  });
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) {
      // A reload: the new page has no document yet and is not listening for files.
      delivery.reset();
      saveRequests.cancelAll();
      documentState = null;
    }
  });
  contents.on('render-process-gone', (_event, details) => {
    saveRequests.cancelAll();
    delivery.reset();
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    log.error(`The renderer stopped: ${details.reason} (exit code ${details.exitCode})`);
    void dialog
      .showMessageBox(win, {
        type: 'error',
        buttons: ['Reload', 'Close Window'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
        message: 'The Faultline window stopped unexpectedly.',
        detail: `Reason: ${details.reason}. Files on disk are unchanged. Reload to continue working.`,
      })
      .then(({ response }) => {
        if (win.isDestroyed()) return;
        if (response === 0) contents.reload();
        else {
          documentState = null;
          win.close();
        }
      });
  });

  void (options.devServerUrl ? win.loadURL(options.devServerUrl) : win.loadURL(APP_ENTRY_URL)).catch((err: unknown) =>
    log.error('Could not load the app page', err),
  );

  return {
    win,
    setDocumentState(state: DocumentState): void {
      documentState = state;
      win.setTitle(windowTitle(state));
      if (platform === 'darwin') win.setDocumentEdited(state.dirty);
    },
    settleSaveBeforeClose(requestId: number, saved: boolean): void {
      saveRequests.settle(requestId, saved);
    },
    rendererReadyForFiles(): void {
      delivery.markReady();
    },
    /** Before replacing the document with a file from the OS: true when that may go ahead. */
    async confirmReplace(): Promise<boolean> {
      if (closeGuard.prompting) return false;
      const outcome = await resolveUnsavedChanges(documentState, {
        ask: (name) => ask(name, 'open'),
        save: () => saveRequests.request(),
      });
      return outcome === 'proceed';
    },
    deliverFile(file: OpenedFile): void {
      delivery.deliver(file);
    },
    setFullScreen(on: boolean): void {
      if (!win.isDestroyed() && win.isFullScreen() !== on) win.setFullScreen(on);
    },
    focus(): void {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
  };
}
