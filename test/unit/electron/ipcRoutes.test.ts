/**
 * Every IPC handler main registers, through the real registration and guard (issue #15): a request from
 * anything but the app's page in the app's window is refused, and so is every wrongly shaped payload,
 * before any dialog opens or any file is touched.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../../shared/ipc/index.ts';
import { Channel as Channels } from '../../../shared/ipc/index.ts';
import type { HandlerDeps } from '../../../electron/handlers.ts';
import { createPathGrants, createRoutes } from '../../../electron/handlers.ts';
import { REFUSED_SENDER_MESSAGE, createSenderCheck, registerRoutes } from '../../../electron/ipc.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const appWindow = { id: 'the app window' };
const otherWindow = { id: 'some other web contents' };
const APP = 'app://faultline/index.html';

function event(url: string | null, { parent = null as unknown, sender = appWindow as unknown } = {}): IpcMainInvokeEvent {
  return { sender, senderFrame: url === null ? null : { url, parent } } as unknown as IpcMainInvokeEvent;
}

/** A valid request for each renderer → main channel. A new channel needs one here. */
const VALID: Partial<Record<Channel, unknown>> = {
  [Channels.OpenModelFile]: undefined,
  [Channels.SaveModelFile]: { path: null, suggestedName: 'shop.faultline.json', text: '{}' },
  [Channels.SavePdf]: { suggestedName: 'report.pdf', bytes: new TextEncoder().encode('%PDF-1.7') },
  [Channels.SaveExport]: { suggestedName: 'report.md', kind: 'md', bytes: new TextEncoder().encode('# Report') },
  [Channels.AppInfo]: undefined,
  [Channels.SetDocumentState]: { name: 'shop', dirty: true },
  [Channels.SaveBeforeCloseDone]: { requestId: 1, saved: true },
  [Channels.FileOpenedReady]: undefined,
  [Channels.SetFullScreen]: true,
  [Channels.SetTheme]: 'dark',
};

/** The same value with the wrong type. */
function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return '1';
  if (typeof v === 'boolean') return 'true';
  if (v === null) return 0;
  if (v instanceof Uint8Array) return Array.from(v);
  return 'x';
}

/** Wrongly shaped payloads for a channel, built from its valid one. */
function malformed(valid: unknown): [string, unknown[]][] {
  const generic: [string, unknown[]][] = [
    ['a string', ['request']],
    ['a number', [7]],
    ['an array', [[valid]]],
    ['null', [null]],
    ['an object with a foreign key', [{ __proto__: { polluted: true }, constructor: 'x', extra: 1 }]],
    ['two arguments', [valid, valid]],
  ];
  if (valid === undefined || typeof valid !== 'object' || valid === null) return [...generic, ['an empty object', [{}]]];
  const fields = Object.keys(valid);
  return [
    ...generic,
    ['an empty object', [{}]],
    ['an extra field', [{ ...valid, extra: true }]],
    ...fields.map((k): [string, unknown[]] => [`${k} missing`, [Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))]]),
    ...fields.map((k): [string, unknown[]] => [`${k} of the wrong type`, [{ ...valid, [k]: wrongType((valid as Record<string, unknown>)[k]) }]]),
  ];
}

let listeners: Map<string, Listener>;
let touched: string[];

beforeEach(() => {
  touched = [];
  const spy = (name: string) => (..._args: unknown[]): never => {
    touched.push(name);
    throw new Error(`${name} must not run`);
  };
  const deps: HandlerDeps = {
    dialogs: { open: spy('dialogs.open'), save: spy('dialogs.save') },
    readModel: spy('readModel'),
    write: spy('write'),
    grants: createPathGrants(),
    addRecent: spy('addRecent'),
    defaultFolder: spy('defaultFolder'),
    appInfo: spy('appInfo'),
    setDocumentState: spy('setDocumentState'),
    settleSaveBeforeClose: spy('settleSaveBeforeClose'),
    rendererReadyForFiles: spy('rendererReadyForFiles'),
    setFullScreen: spy('setFullScreen'),
    setTheme: spy('setTheme'),
  };
  listeners = new Map();
  registerRoutes({ handle: (channel, listener) => void listeners.set(channel, listener) }, createRoutes(deps), {
    isTrusted: createSenderCheck(() => [appWindow]),
    log: { warn: vi.fn(), error: vi.fn() },
  });
});

describe('IPC routes', () => {
  it('has a valid sample request for every routed channel', () => {
    const missing = [...listeners.keys()].filter((c) => !(c in VALID));
    expect(missing, 'add a valid request for these channels to VALID').toEqual([]);
  });

  it('reaches the handler with a valid request from the app (so the refusals below are the guard’s)', async () => {
    for (const [channel, listener] of listeners) {
      const valid = VALID[channel as Channel];
      touched = [];
      await (valid === undefined ? listener(event(APP)) : listener(event(APP), valid)).catch(() => undefined);
      expect(touched.length, `${channel} reached its handler`).toBeGreaterThan(0);
    }
  });

  const foreign: [string, IpcMainInvokeEvent][] = [
    ['a destroyed frame', event(null)],
    ['an iframe inside the app page', event(APP, { parent: { url: APP } })],
    ['a web page', event('https://evil.example/')],
    ['a local file', event('file:///tmp/index.html')],
    ['another host on the app scheme', event('app://evil/index.html')],
    ['a dev server in a packaged app', event('http://localhost:5173/')],
    ['the app page in another web contents', event(APP, { sender: otherWindow })],
  ];

  for (const [who, from] of foreign) {
    it(`every handler refuses ${who}`, async () => {
      for (const [channel, listener] of listeners) {
        const valid = VALID[channel as Channel];
        const call = valid === undefined ? listener(from) : listener(from, valid);
        await expect(call, channel).rejects.toThrow(REFUSED_SENDER_MESSAGE);
      }
      expect(touched).toEqual([]);
    });
  }

  it('every handler refuses every wrongly shaped payload, saying what was wrong', async () => {
    let refusals = 0;
    for (const [channel, listener] of listeners) {
      for (const [what, args] of malformed(VALID[channel as Channel])) {
        const err = await listener(event(APP), ...args).then(
          () => null,
          (e: Error) => e,
        );
        expect(err, `${channel} with ${what}`).toBeInstanceOf(Error);
        expect(err!.message, `${channel} with ${what}`).toMatch(/^Faultline refused a malformed request to /);
        refusals++;
      }
    }
    expect(touched).toEqual([]);
    expect(refusals).toBeGreaterThan(60);
  });
});
