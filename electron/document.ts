/**
 * The open document as main sees it: the window title, the unsaved-changes prompt, the round trip that
 * asks the renderer to save before the window closes, and the queue of files opened by the operating
 * system before the renderer listens. Plain functions and small state machines, no Electron.
 */
import type { DocumentState, OpenedFile } from '../shared/ipc/index.ts';

export const APP_NAME = 'Faultline';

/** `• name — Faultline` while there are unsaved changes, `name — Faultline` otherwise. */
export function windowTitle(state: DocumentState | null): string {
  if (!state) return APP_NAME;
  return `${state.dirty ? '• ' : ''}${state.name} — ${APP_NAME}`;
}

// ---------------------------------------------------------------------------------------------------
// The unsaved-changes prompt

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

const UNSAVED_BUTTONS: readonly { label: string; choice: UnsavedChoice }[] = [
  { label: 'Save', choice: 'save' },
  { label: "Don't Save", choice: 'discard' },
  { label: 'Cancel', choice: 'cancel' },
];

/** Options for `dialog.showMessageBox`: Save is the default, Escape cancels. */
export function unsavedChangesPrompt(name: string, action: 'close' | 'open') {
  return {
    type: 'warning' as const,
    buttons: UNSAVED_BUTTONS.map((b) => b.label),
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: APP_NAME,
    message: `Do you want to save the changes you made to “${name}”?`,
    detail:
      action === 'close'
        ? "If you don't save, the changes since the last save are lost when the window closes."
        : "If you don't save, the changes since the last save are lost when the other file opens.",
  };
}

/** The button index `showMessageBox` resolved with, as a choice; anything unexpected cancels. */
export function unsavedChoiceFromResponse(response: number): UnsavedChoice {
  return UNSAVED_BUTTONS[response]?.choice ?? 'cancel';
}

interface UnsavedDeps {
  ask(name: string): Promise<UnsavedChoice>;
  /** Asks the renderer to save; true once the document is on disk. */
  save(): Promise<boolean>;
}

/**
 * Whether the pending action (closing, opening another file) may go ahead: at once when nothing is
 * unsaved; otherwise after the user saves (and the save succeeds) or chooses not to save.
 */
export async function resolveUnsavedChanges(state: DocumentState | null, deps: UnsavedDeps): Promise<'proceed' | 'stay'> {
  if (!state?.dirty) return 'proceed';
  const choice = await deps.ask(state.name);
  if (choice === 'discard') return 'proceed';
  if (choice === 'cancel') return 'stay';
  return (await deps.save()) ? 'proceed' : 'stay';
}

interface CloseGuardDeps extends UnsavedDeps {
  state(): DocumentState | null;
  /** Closes the window for real (the guard lets that close through). */
  close(): void;
  /** The user kept the window open (Cancel, or the save did not happen). */
  stayed?(): void;
  onError(err: unknown): void;
}

/**
 * Call `onClose()` from the window's `close` event and prevent the event when it returns true. A dirty
 * document opens the prompt once (a second close while it is open is ignored); the window closes once
 * the prompt says so.
 */
export function createCloseGuard(deps: CloseGuardDeps) {
  let allowed = false;
  let prompting = false;
  return {
    onClose(): boolean {
      if (allowed || !deps.state()?.dirty) return false;
      if (!prompting) {
        prompting = true;
        resolveUnsavedChanges(deps.state(), deps)
          .then((outcome) => {
            if (outcome === 'proceed') {
              allowed = true;
              deps.close();
            } else {
              deps.stayed?.();
            }
          })
          .catch((err: unknown) => {
            deps.onError(err);
            deps.stayed?.();
          })
          .finally(() => {
            prompting = false;
          });
      }
      return true;
    },
    get prompting() {
      return prompting;
    },
    /** The user already decided the window may close. */
    get allowed() {
      return allowed;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Save-before-close round trip

/**
 * main → renderer `SaveBeforeClose {requestId}`, renderer → main `SaveBeforeCloseDone {requestId,
 * saved}`. Unknown ids are ignored; `cancelAll` answers false to everything pending (the renderer went
 * away).
 */
export function createSaveRequests(send: (requestId: number) => void) {
  const pending = new Map<number, (saved: boolean) => void>();
  let nextId = 1;
  return {
    request(): Promise<boolean> {
      const requestId = nextId++;
      return new Promise<boolean>((resolve) => {
        pending.set(requestId, resolve);
        send(requestId);
      });
    },
    settle(requestId: number, saved: boolean): boolean {
      const resolve = pending.get(requestId);
      if (!resolve) return false;
      pending.delete(requestId);
      resolve(saved);
      return true;
    },
    cancelAll(): void {
      for (const resolve of pending.values()) resolve(false);
      pending.clear();
    },
    get size() {
      return pending.size;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Files opened by the operating system

/**
 * Files arrive from the OS (file association, command line, Open Recent) before the renderer may
 * listen; they wait here until it says it is ready, then go out in order. A reload makes the renderer
 * not ready again.
 */
export function createFileDelivery(send: (file: OpenedFile) => void) {
  let ready = false;
  const queue: OpenedFile[] = [];
  return {
    deliver(file: OpenedFile): void {
      if (ready) send(file);
      else queue.push(file);
    },
    markReady(): void {
      ready = true;
      for (const file of queue.splice(0)) send(file);
    },
    reset(): void {
      ready = false;
    },
    get queued() {
      return queue.length;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Command line

/**
 * The model files named on a command line (`faultline model.faultline.json`, a file association on
 * Windows or Linux, a second instance): arguments ending in .json that are not switches, absolute,
 * file:// URLs decoded. The executable and the app folder ('.') are skipped by the extension check.
 */
export function modelPathsFromArgv(
  argv: readonly string[],
  cwd: string,
  resolve: (cwd: string, p: string) => string,
  fromFileUrl: (url: string) => string,
): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    let p = arg;
    if (/^file:\/\//i.test(p)) {
      try {
        p = fromFileUrl(p);
      } catch {
        continue;
      }
    }
    if (!p.toLowerCase().endsWith('.json')) continue;
    paths.push(resolve(cwd, p));
  }
  return paths;
}
