import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mock } from 'vitest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentState, OpenedFile } from '../../../shared/ipc/index.ts';
import type { UnsavedChoice } from '../../../electron/document.ts';
import {
  createCloseGuard,
  createFileDelivery,
  createSaveRequests,
  modelPathsFromArgv,
  resolveUnsavedChanges,
  unsavedChangesPrompt,
  unsavedChoiceFromResponse,
  windowTitle,
} from '../../../electron/document.ts';

const clean: DocumentState = { name: 'shop.faultline.json', dirty: false };
const dirty: DocumentState = { name: 'shop.faultline.json', dirty: true };

/** Lets queued promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('windowTitle', () => {
  it('shows the file name and the app', () => {
    expect(windowTitle(clean)).toBe('shop.faultline.json — Faultline');
  });

  it('marks unsaved changes with a bullet', () => {
    expect(windowTitle(dirty)).toBe('• shop.faultline.json — Faultline');
  });

  it('is just the app name before the page reports a document', () => {
    expect(windowTitle(null)).toBe('Faultline');
  });
});

describe('unsaved-changes prompt', () => {
  it('offers Save, Don’t Save and Cancel with Save as default and Escape as Cancel', () => {
    const prompt = unsavedChangesPrompt('shop.faultline.json', 'close');
    expect(prompt.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(prompt.buttons[prompt.defaultId]).toBe('Save');
    expect(prompt.buttons[prompt.cancelId]).toBe('Cancel');
    expect(prompt.message).toContain('shop.faultline.json');
  });

  it('maps the buttons to choices, anything else to cancel', () => {
    expect([0, 1, 2, 3, -1].map(unsavedChoiceFromResponse)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });
});

describe('resolveUnsavedChanges', () => {
  const deps = (choice: UnsavedChoice, saved = true) => ({
    ask: vi.fn(async () => choice),
    save: vi.fn(async () => saved),
  });

  it('goes ahead without asking when nothing is unsaved', async () => {
    const d = deps('cancel');
    expect(await resolveUnsavedChanges(clean, d)).toBe('proceed');
    expect(await resolveUnsavedChanges(null, d)).toBe('proceed');
    expect(d.ask).not.toHaveBeenCalled();
  });

  it('goes ahead after a successful save', async () => {
    const d = deps('save', true);
    expect(await resolveUnsavedChanges(dirty, d)).toBe('proceed');
    expect(d.save).toHaveBeenCalledOnce();
  });

  it('stays when the save is cancelled or fails', async () => {
    expect(await resolveUnsavedChanges(dirty, deps('save', false))).toBe('stay');
  });

  it('goes ahead without saving on Don’t Save', async () => {
    const d = deps('discard');
    expect(await resolveUnsavedChanges(dirty, d)).toBe('proceed');
    expect(d.save).not.toHaveBeenCalled();
  });

  it('stays on Cancel', async () => {
    expect(await resolveUnsavedChanges(dirty, deps('cancel'))).toBe('stay');
  });
});

describe('createCloseGuard', () => {
  let state: DocumentState | null;
  let choice: UnsavedChoice;
  let saved: boolean;
  let close: Mock<() => void>;
  let stayed: Mock<() => void>;
  let ask: Mock<(name: string) => Promise<UnsavedChoice>>;
  let guard: ReturnType<typeof createCloseGuard>;

  beforeEach(() => {
    state = dirty;
    choice = 'save';
    saved = true;
    close = vi.fn();
    stayed = vi.fn();
    ask = vi.fn(async () => choice);
    guard = createCloseGuard({
      state: () => state,
      ask,
      save: async () => saved,
      close,
      stayed,
      onError: () => undefined,
    });
  });

  it('lets a clean window close at once', () => {
    state = clean;
    expect(guard.onClose()).toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });

  it('holds a dirty window, saves, then closes it', async () => {
    expect(guard.onClose()).toBe(true);
    await settle();
    expect(close).toHaveBeenCalledOnce();
    expect(guard.allowed).toBe(true);
    // The close main then triggers goes through.
    expect(guard.onClose()).toBe(false);
  });

  it('keeps the window when the user cancels, and asks again next time', async () => {
    choice = 'cancel';
    expect(guard.onClose()).toBe(true);
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect(stayed).toHaveBeenCalledOnce();
    expect(guard.onClose()).toBe(true);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('keeps the window when the save does not happen', async () => {
    saved = false;
    guard.onClose();
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect(stayed).toHaveBeenCalledOnce();
  });

  it('asks once even if close is pressed again while the prompt is open', async () => {
    guard.onClose();
    guard.onClose();
    await settle();
    expect(ask).toHaveBeenCalledOnce();
  });
});

describe('createSaveRequests', () => {
  it('sends a numbered request and resolves with the renderer’s answer', async () => {
    const send = vi.fn();
    const requests = createSaveRequests(send);
    const answer = requests.request();
    const [[requestId]] = send.mock.calls as [[number]];
    expect(requests.settle(requestId, true)).toBe(true);
    await expect(answer).resolves.toBe(true);
    expect(requests.size).toBe(0);
  });

  it('ignores unknown and repeated answers', () => {
    const requests = createSaveRequests(() => undefined);
    void requests.request();
    expect(requests.settle(999, true)).toBe(false);
    expect(requests.settle(1, false)).toBe(true);
    expect(requests.settle(1, true)).toBe(false);
  });

  it('answers "not saved" to everything pending when the renderer goes away', async () => {
    const requests = createSaveRequests(() => undefined);
    const a = requests.request();
    const b = requests.request();
    requests.cancelAll();
    await expect(Promise.all([a, b])).resolves.toEqual([false, false]);
  });
});

describe('createFileDelivery', () => {
  const file = (name: string): OpenedFile => ({ name, path: `/m/${name}`, text: '{}' });

  it('holds files until the renderer listens, then sends them in order', () => {
    const send = vi.fn();
    const delivery = createFileDelivery(send);
    delivery.deliver(file('a.json'));
    delivery.deliver(file('b.json'));
    expect(send).not.toHaveBeenCalled();
    delivery.markReady();
    expect(send.mock.calls.map(([f]) => (f as OpenedFile).name)).toEqual(['a.json', 'b.json']);
    expect(delivery.queued).toBe(0);
  });

  it('sends at once while ready and queues again after a reload', () => {
    const send = vi.fn();
    const delivery = createFileDelivery(send);
    delivery.markReady();
    delivery.deliver(file('a.json'));
    expect(send).toHaveBeenCalledOnce();
    delivery.reset();
    delivery.deliver(file('b.json'));
    expect(send).toHaveBeenCalledOnce();
    expect(delivery.queued).toBe(1);
  });
});

describe('modelPathsFromArgv', () => {
  const parse = (argv: string[], cwd = '/home/ana') => modelPathsFromArgv(argv, cwd, path.posix.resolve, fileURLToPath);

  it('finds a model passed by a file association', () => {
    expect(parse(['/opt/Faultline/faultline', '/home/ana/shop.faultline.json'])).toEqual(['/home/ana/shop.faultline.json']);
  });

  it('resolves relative paths against the working directory', () => {
    expect(parse(['faultline', 'models/shop.faultline.json'])).toEqual(['/home/ana/models/shop.faultline.json']);
  });

  it('skips the executable, the app folder and Chromium switches', () => {
    expect(parse(['/usr/bin/electron', '.', '--inspect=0', '--remote-debugging-port=0'])).toEqual([]);
    expect(parse(['/x/model.json'])).toEqual([]);
  });

  it('decodes file:// URLs from Linux desktop launchers', () => {
    expect(parse(['faultline', 'file:///home/ana/My%20Model.faultline.json'])).toEqual(['/home/ana/My Model.faultline.json']);
  });
});
