import type { IpcMainInvokeEvent } from 'electron';
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentState } from '../../../shared/ipc/index.ts';
import { Channel } from '../../../shared/ipc/index.ts';
import { readModelFile, writeFileAtomic } from '../../../electron/files.ts';
import type { Dialogs, HandlerDeps } from '../../../electron/handlers.ts';
import { createPathGrants, createRoutes } from '../../../electron/handlers.ts';
import { guard, isTrustedSender } from '../../../electron/ipc.ts';

const appEvent = { senderFrame: { url: 'app://faultline/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 1, 2, 3]);

let dir: string;
let openAnswer: string | null;
let saveAnswer: string | null;
let dialogs: { open: ReturnType<typeof vi.fn>; save: ReturnType<typeof vi.fn> };
let recent: string[];
let documentStates: DocumentState[];
let deps: HandlerDeps;
let call: (channel: Channel, payload?: unknown) => Promise<unknown>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faultline-handlers-'));
  openAnswer = null;
  saveAnswer = null;
  dialogs = { open: vi.fn(async () => openAnswer), save: vi.fn(async () => saveAnswer) };
  recent = [];
  documentStates = [];
  deps = {
    dialogs: dialogs as unknown as Dialogs,
    readModel: (p) => readModelFile(nodeFs, p),
    write: (p, data) => writeFileAtomic(nodeFs, p, data),
    grants: createPathGrants(),
    addRecent: (p) => void recent.push(p),
    defaultFolder: () => dir,
    appInfo: () => ({ name: 'Faultline', version: '1.2.3', platform: 'electron' }),
    setDocumentState: (s) => void documentStates.push(s),
    settleSaveBeforeClose: vi.fn(),
    rendererReadyForFiles: vi.fn(),
    setFullScreen: vi.fn(),
    setTheme: vi.fn(),
  };
  const routes = createRoutes(deps);
  const options = { isTrusted: (e: IpcMainInvokeEvent) => isTrustedSender(e), log: { warn: () => undefined, error: () => undefined } };
  call = (channel, payload) => {
    const r = routes.find((x) => x.channel === channel);
    if (!r) throw new Error(`no route for ${channel}`);
    return payload === undefined ? guard(r, options)(appEvent) : guard(r, options)(appEvent, payload);
  };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('every channel the renderer invokes has a route', () => {
  it('covers all renderer → main channels', () => {
    const routed = createRoutes(deps).map((r) => r.channel);
    const mainToRenderer: string[] = [Channel.MenuCommand, Channel.SaveBeforeClose, Channel.FileOpened];
    const expected = Object.values(Channel).filter((c) => !mainToRenderer.includes(c));
    expect([...routed].sort()).toEqual([...expected].sort());
  });
});

describe('open a model', () => {
  it('returns null when the user cancels', async () => {
    await expect(call(Channel.OpenModelFile)).resolves.toBeNull();
  });

  it('reads the chosen file and records it as recent', async () => {
    const p = path.join(dir, 'shop.faultline.json');
    await writeFile(p, '{"ok":true}');
    openAnswer = p;
    await expect(call(Channel.OpenModelFile)).resolves.toEqual({ name: 'shop.faultline.json', path: p, text: '{"ok":true}' });
    expect(recent).toEqual([p]);
  });

  it('explains a file that cannot be read', async () => {
    openAnswer = path.join(dir, 'gone.faultline.json');
    await expect(call(Channel.OpenModelFile)).rejects.toThrow(/^the file or folder does not exist \(.*gone\.faultline\.json\)$/);
    expect(recent).toEqual([]);
  });
});

describe('save the model', () => {
  it('asks where when there is no path, suggesting a safe name in the last folder', async () => {
    saveAnswer = path.join(dir, 'chosen.faultline.json');
    const outcome = await call(Channel.SaveModelFile, { path: null, suggestedName: '../Shop: v2', text: '{"v":2}' });
    expect(dialogs.save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join(dir, 'Shop- v2.faultline.json') }));
    expect(outcome).toEqual({ saved: true, path: saveAnswer, name: 'chosen.faultline.json' });
    expect(await readFile(saveAnswer, 'utf8')).toBe('{"v":2}');
    expect(recent).toEqual([saveAnswer]);
  });

  it('reports a cancelled dialog as not saved', async () => {
    await expect(call(Channel.SaveModelFile, { path: null, suggestedName: 'a', text: '{}' })).resolves.toEqual({ saved: false });
  });

  it('saves again without a dialog to a file the user chose', async () => {
    const p = path.join(dir, 'shop.faultline.json');
    await writeFile(p, '{"v":1}');
    openAnswer = p;
    await call(Channel.OpenModelFile);
    await call(Channel.SaveModelFile, { path: p, suggestedName: 'shop.faultline.json', text: '{"v":2}' });
    expect(dialogs.save).not.toHaveBeenCalled();
    expect(await readFile(p, 'utf8')).toBe('{"v":2}');
  });

  it('asks before writing to a path the user never chose (a page cannot pick where files go)', async () => {
    const p = path.join(dir, 'elsewhere.faultline.json');
    const outcome = await call(Channel.SaveModelFile, { path: p, suggestedName: 'x', text: 'owned' });
    expect(dialogs.save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: p }));
    expect(outcome).toEqual({ saved: false });
    await expect(readFile(p)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('says why a write failed', async () => {
    saveAnswer = path.join(dir, 'no-such-folder', 'a.faultline.json');
    await expect(call(Channel.SaveModelFile, { path: null, suggestedName: 'a', text: '{}' })).rejects.toThrow(
      /^the file or folder does not exist \(.*a\.faultline\.json\)$/,
    );
  });
});

describe('save the PDF report', () => {
  it('writes the bytes where the user chose', async () => {
    saveAnswer = path.join(dir, 'report.pdf');
    const outcome = await call(Channel.SavePdf, { suggestedName: 'Shop report', bytes: PDF });
    expect(dialogs.save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join(dir, 'Shop report.pdf') }));
    expect(outcome).toEqual({ saved: true, path: saveAnswer, name: 'report.pdf' });
    expect([...(await readFile(saveAnswer))]).toEqual([...PDF]);
  });

  it('refuses bytes that are not a PDF, before any dialog', async () => {
    await expect(call(Channel.SavePdf, { suggestedName: 'r', bytes: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/not a PDF/);
    expect(dialogs.save).not.toHaveBeenCalled();
  });

  it('refuses a payload whose bytes are not a Uint8Array', async () => {
    await expect(call(Channel.SavePdf, { suggestedName: 'r', bytes: [37, 80, 68, 70, 45] })).rejects.toThrow(/malformed/);
  });
});

describe('save an export', () => {
  it('writes a Markdown export where the user chose', async () => {
    saveAnswer = path.join(dir, 'review.md');
    const bytes = new TextEncoder().encode('# Review\n');
    await expect(call(Channel.SaveExport, { suggestedName: 'review.md', kind: 'md', bytes })).resolves.toEqual({
      saved: true,
      path: saveAnswer,
      name: 'review.md',
    });
    expect(await readFile(saveAnswer, 'utf8')).toBe('# Review\n');
  });

  it('refuses a kind outside the list, so the page cannot choose the extension', async () => {
    await expect(call(Channel.SaveExport, { suggestedName: 'x', kind: 'exe', bytes: new Uint8Array([77, 90]) })).rejects.toThrow(/malformed/);
    expect(dialogs.save).not.toHaveBeenCalled();
  });

  it('refuses an export over the size limit before any dialog', async () => {
    const big = new Uint8Array(200 * 1024 * 1024 + 1);
    await expect(call(Channel.SaveExport, { suggestedName: 'x', kind: 'csv', bytes: big })).rejects.toThrow(/export too large/);
    expect(dialogs.save).not.toHaveBeenCalled();
  });

  it('refuses extra fields in the request', async () => {
    const bytes = new TextEncoder().encode('{}');
    await expect(call(Channel.SaveExport, { suggestedName: 'x', kind: 'json', bytes, path: '/etc/passwd' })).rejects.toThrow(/malformed/);
  });
});

describe('window and document channels', () => {
  it('reports the app version', async () => {
    await expect(call(Channel.AppInfo)).resolves.toEqual({ name: 'Faultline', version: '1.2.3', platform: 'electron' });
  });

  it('passes a valid document state to the window', async () => {
    await call(Channel.SetDocumentState, { name: 'shop.faultline.json', dirty: true });
    expect(documentStates).toEqual([{ name: 'shop.faultline.json', dirty: true }]);
  });

  it('refuses a document state without a name', async () => {
    await expect(call(Channel.SetDocumentState, { name: '', dirty: true })).rejects.toThrow(/malformed/);
    expect(documentStates).toEqual([]);
  });

  it('forwards the save-before-close answer', async () => {
    await call(Channel.SaveBeforeCloseDone, { requestId: 3, saved: true });
    expect(deps.settleSaveBeforeClose).toHaveBeenCalledWith(3, true);
  });

  it('marks the renderer ready for opened files', async () => {
    await call(Channel.FileOpenedReady);
    expect(deps.rendererReadyForFiles).toHaveBeenCalledOnce();
  });
});

describe('createPathGrants', () => {
  it('grants exactly the paths handed out, normalised', () => {
    const grants = createPathGrants();
    grants.grant('/m/a/../shop.faultline.json');
    expect(grants.has('/m/shop.faultline.json')).toBe(true);
    expect(grants.has('/m/other.faultline.json')).toBe(false);
    expect(grants.has('shop.faultline.json')).toBe(false);
  });
});

describe('switch full screen (presentation mode)', () => {
  it('puts the window in full screen and takes it out', async () => {
    await call(Channel.SetFullScreen, true);
    await call(Channel.SetFullScreen, false);
    expect(vi.mocked(deps.setFullScreen).mock.calls).toEqual([[true], [false]]);
  });

  it('refuses anything but true or false, and does nothing with it', async () => {
    await expect(call(Channel.SetFullScreen, 'yes')).rejects.toThrow(/malformed request to switch full screen/);
    await expect(call(Channel.SetFullScreen, { on: true })).rejects.toThrow(/malformed/);
    await expect(call(Channel.SetFullScreen)).rejects.toThrow(/malformed/);
    expect(deps.setFullScreen).not.toHaveBeenCalled();
  });

  it('refuses a request from a page that is not the app', async () => {
    const routes = createRoutes(deps);
    const r = routes.find((x) => x.channel === Channel.SetFullScreen)!;
    const foreign = { senderFrame: { url: 'https://example.com/', parent: null } } as unknown as IpcMainInvokeEvent;
    const options = { isTrusted: (e: IpcMainInvokeEvent) => isTrustedSender(e), log: { warn: () => undefined, error: () => undefined } };
    await expect(guard(r, options)(foreign, true)).rejects.toThrow(/did not come from the Faultline window/);
    expect(deps.setFullScreen).not.toHaveBeenCalled();
  });
});

describe('switch the theme', () => {
  it('hands main the theme picked, or the system’s', async () => {
    for (const theme of ['dark', 'light', 'system']) await call(Channel.SetTheme, theme);
    expect(vi.mocked(deps.setTheme).mock.calls).toEqual([['dark'], ['light'], ['system']]);
  });

  it('refuses anything else, and does nothing with it', async () => {
    await expect(call(Channel.SetTheme, 'blue')).rejects.toThrow(/malformed request to switch the theme/);
    await expect(call(Channel.SetTheme, { theme: 'dark' })).rejects.toThrow(/malformed/);
    await expect(call(Channel.SetTheme)).rejects.toThrow(/malformed/);
    expect(deps.setTheme).not.toHaveBeenCalled();
  });
});
