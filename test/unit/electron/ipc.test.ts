import type { IpcMainInvokeEvent } from 'electron';
import type { Mock } from 'vitest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Channel, saveModelRequestSchema } from '../../../shared/ipc/index.ts';
import { UserFacingError, describeFsError, unwrapIpcErrorMessage } from '../../../electron/errors.ts';
import type { Route } from '../../../electron/ipc.ts';
import { REFUSED_SENDER_MESSAGE, guard, isTrustedSender, registerRoutes, route } from '../../../electron/ipc.ts';

function eventFrom(url: string | null, parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url, parent } } as unknown as IpcMainInvokeEvent;
}

const appEvent = eventFrom('app://faultline/index.html');
const log = { warn: vi.fn(), error: vi.fn() };
const trustApp = { isTrusted: (e: IpcMainInvokeEvent) => isTrustedSender(e), log };

describe('isTrustedSender', () => {
  it('trusts the app page’s top frame', () => {
    expect(isTrustedSender(appEvent)).toBe(true);
  });

  it('refuses a web page, a destroyed frame and an iframe inside the app', () => {
    expect(isTrustedSender(eventFrom('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(eventFrom(null))).toBe(false);
    expect(isTrustedSender(eventFrom('app://faultline/index.html', { url: 'app://faultline/' }))).toBe(false);
  });

  it('trusts the dev server only when told to', () => {
    const dev = eventFrom('http://localhost:5173/');
    expect(isTrustedSender(dev)).toBe(false);
    expect(isTrustedSender(dev, 'http://localhost:5173')).toBe(true);
  });
});

describe('guard', () => {
  let handle: Mock<(payload: unknown) => Promise<unknown>>;
  let save: Route;

  beforeEach(() => {
    log.warn.mockClear();
    log.error.mockClear();
    handle = vi.fn(async (_payload: unknown): Promise<unknown> => ({ saved: false }));
    save = route({ channel: Channel.SaveModelFile, action: 'save the model', schema: saveModelRequestSchema, handle });
  });

  const valid = { path: null, suggestedName: 'shop.faultline.json', text: '{}' };

  it('passes a valid request from the app to the handler', async () => {
    await expect(guard(save, trustApp)(appEvent, valid)).resolves.toEqual({ saved: false });
    expect(handle).toHaveBeenCalledWith(valid, appEvent);
  });

  it('refuses a request from another page before looking at it', async () => {
    await expect(guard(save, trustApp)(eventFrom('https://evil.example/'), valid)).rejects.toThrow(REFUSED_SENDER_MESSAGE);
    expect(handle).not.toHaveBeenCalled();
  });

  it('refuses a malformed payload and says what was wrong', async () => {
    const err = await guard(save, trustApp)(appEvent, { ...valid, path: 42 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^Faultline refused a malformed request to save the model: .*path/);
    expect(handle).not.toHaveBeenCalled();
  });

  it('refuses unknown fields (a strict schema)', async () => {
    await expect(guard(save, trustApp)(appEvent, { ...valid, extra: true })).rejects.toThrow(/malformed/);
  });

  it('refuses extra arguments', async () => {
    await expect(guard(save, trustApp)(appEvent, valid, 'more')).rejects.toThrow(/too many arguments/);
  });

  it('passes a user-facing message through unchanged', async () => {
    handle.mockRejectedValue(new UserFacingError('permission denied (/m/shop.faultline.json)', 'file-write'));
    await expect(guard(save, trustApp)(appEvent, valid)).rejects.toThrow(/^permission denied \(\/m\/shop\.faultline\.json\)$/);
  });

  it('hides internal errors behind a readable message and logs them', async () => {
    handle.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'webContents')"));
    const err = (await guard(save, trustApp)(appEvent, valid).catch((e: Error) => e)) as Error;
    expect(err.message).toBe('an unexpected error stopped Faultline from trying to save the model; the details are in the log');
    expect(err.message).not.toMatch(/webContents|TypeError/);
    expect(log.error).toHaveBeenCalled();
  });

  it('validates empty requests too', async () => {
    const info = route({ channel: Channel.AppInfo, action: 'read the app version', schema: z.undefined(), handle: () => 'ok' });
    await expect(guard(info, trustApp)(appEvent)).resolves.toBe('ok');
    await expect(guard(info, trustApp)(appEvent, { sneaky: true })).rejects.toThrow(/malformed/);
  });
});

describe('registerRoutes', () => {
  it('registers one handler per channel', () => {
    const handled: string[] = [];
    const ipcMain = { handle: (channel: string) => void handled.push(channel) };
    const r = (channel: Channel) => route({ channel, action: 'x', schema: z.undefined(), handle: () => null });
    registerRoutes(ipcMain, [r(Channel.AppInfo), r(Channel.OpenModelFile)], trustApp);
    expect(handled).toEqual([Channel.AppInfo, Channel.OpenModelFile]);
  });

  it('refuses two routes for the same channel', () => {
    const r = route({ channel: Channel.AppInfo, action: 'x', schema: z.undefined(), handle: () => null });
    expect(() => registerRoutes({ handle: () => undefined }, [r, r], trustApp)).toThrow(/Two IPC routes/);
  });
});

describe('error messages', () => {
  it('strips Electron’s remote-method wrapper', () => {
    expect(unwrapIpcErrorMessage("Error invoking remote method 'faultline:save-model-file': Error: the disk is full (/m/a.json)")).toBe(
      'the disk is full (/m/a.json)',
    );
    expect(unwrapIpcErrorMessage('plain message')).toBe('plain message');
  });

  it('turns file-system codes into words', () => {
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('the disk is full');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toBe('the operating system reported EWEIRD');
    expect(describeFsError('boom')).toBe('an unexpected error occurred');
  });
});
