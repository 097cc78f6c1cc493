/**
 * The preload's own logic (what it exposes, what it lets through), run with contextBridge and
 * ipcRenderer replaced by recorders. This does not test Electron: test/electron/app.e2e.ts does that
 * against the real binary.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, MenuCommand, OpenedFile } from '../../../shared/ipc/index.ts';
import { Channel, MENU_COMMANDS } from '../../../shared/ipc/index.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: Listener) => {
      if (!bridge.listeners.has(channel)) bridge.listeners.set(channel, new Set());
      bridge.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => bridge.listeners.get(channel)?.delete(listener),
  },
}));

await import('../../../electron/preload.ts');
const api = bridge.exposed.get('faultline') as Required<DesktopApi>;

function emit(channel: string, ...args: unknown[]): void {
  for (const listener of bridge.listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, ...args);
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  bridge.invoke.mockReset();
  bridge.invoke.mockResolvedValue(undefined);
});

describe('window.faultline', () => {
  it('exposes exactly the DesktopApi methods, and nothing that reaches IPC generically', () => {
    expect([...bridge.exposed.keys()]).toEqual(['faultline']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'appInfo',
        'onFileOpened',
        'onMenuCommand',
        'onSaveBeforeClose',
        'openModelFile',
        'saveModelFile',
        'saveExport',
        'savePdf',
        'setDocumentState',
        'setFullScreen',
        'setTheme',
      ].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('calls one channel per operation with the request as the only argument', async () => {
    const request = { path: null, suggestedName: 'a.faultline.json', text: '{}' };
    await api.saveModelFile(request);
    await api.openModelFile();
    expect(bridge.invoke.mock.calls).toEqual([[Channel.SaveModelFile, request], [Channel.OpenModelFile]]);
  });

  it('sends only the export fields main expects', async () => {
    const bytes = new Uint8Array([35, 32]);
    await api.saveExport({ suggestedName: 'r.md', kind: 'md', bytes, path: '/tmp/x' } as never);
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.SaveExport, { suggestedName: 'r.md', kind: 'md', bytes });
  });

  it('sends only the document state fields main expects', async () => {
    await api.setDocumentState({ name: 'a', dirty: true, extra: 'x' } as never);
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.SetDocumentState, { name: 'a', dirty: true });
  });

  it('sends full screen as a plain boolean', async () => {
    await api.setFullScreen(true);
    await api.setFullScreen('yes' as never);
    expect(bridge.invoke.mock.calls).toEqual([
      [Channel.SetFullScreen, true],
      [Channel.SetFullScreen, false],
    ]);
  });

  it('sends the theme as the page gives it, for main to check', async () => {
    await api.setTheme('dark');
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.SetTheme, 'dark');
  });

  it('rejects with main’s readable message, without Electron’s wrapper', async () => {
    bridge.invoke.mockRejectedValue(new Error("Error invoking remote method 'faultline:save-pdf': Error: the disk is full (/r.pdf)"));
    await expect(api.savePdf({ suggestedName: 'r', bytes: new Uint8Array() })).rejects.toThrow(/^the disk is full \(\/r\.pdf\)$/);
  });
});

describe('onMenuCommand', () => {
  it('delivers known commands without the IPC event', () => {
    const seen: MenuCommand[] = [];
    const off = api.onMenuCommand((c) => seen.push(c));
    for (const command of MENU_COMMANDS) emit(Channel.MenuCommand, command);
    off();
    expect(seen).toEqual([...MENU_COMMANDS]);
  });

  it('drops anything that is not a menu command', () => {
    const listener = vi.fn();
    const off = api.onMenuCommand(listener);
    emit(Channel.MenuCommand, 'rm -rf');
    emit(Channel.MenuCommand, { command: 'save' });
    emit(Channel.MenuCommand);
    off();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops after unsubscribing', () => {
    const listener = vi.fn();
    api.onMenuCommand(listener)();
    emit(Channel.MenuCommand, 'save');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('onFileOpened', () => {
  it('tells main it listens, then delivers well-formed files only', () => {
    const files: OpenedFile[] = [];
    const off = api.onFileOpened((f) => files.push(f));
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.FileOpenedReady);
    emit(Channel.FileOpened, { name: 'a.faultline.json', path: '/m/a.faultline.json', text: '{}' });
    emit(Channel.FileOpened, { name: 'b', path: 7, text: '{}' });
    emit(Channel.FileOpened, 'nonsense');
    off();
    expect(files).toEqual([{ name: 'a.faultline.json', path: '/m/a.faultline.json', text: '{}' }]);
  });
});

describe('save before close', () => {
  it('answers "not saved" when the page registered no handler', async () => {
    emit(Channel.SaveBeforeClose, { requestId: 1 });
    await flush();
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.SaveBeforeCloseDone, { requestId: 1, saved: false });
  });

  it('runs the page’s save and reports its result', async () => {
    const off = api.onSaveBeforeClose(async () => true);
    emit(Channel.SaveBeforeClose, { requestId: 7 });
    await flush();
    off();
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.SaveBeforeCloseDone, { requestId: 7, saved: true });
  });

  it('reports a failed save as not saved', async () => {
    const off = api.onSaveBeforeClose(() => Promise.reject(new Error('disk full')));
    emit(Channel.SaveBeforeClose, { requestId: 8 });
    await flush();
    off();
    expect(bridge.invoke).toHaveBeenCalledWith(Channel.SaveBeforeCloseDone, { requestId: 8, saved: false });
  });

  it('ignores a request without an id', async () => {
    emit(Channel.SaveBeforeClose, {});
    await flush();
    expect(bridge.invoke).not.toHaveBeenCalled();
  });
});
