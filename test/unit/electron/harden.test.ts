/**
 * The real handlers hardenWebContents registers, driven through a web contents' events: the export
 * preview's srcdoc frame loads and nothing else does, and a link leaves the app only once the user has
 * seen its URL and said yes (issue #15).
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HardenableContents } from '../../../electron/harden.ts';
import { hardenWebContents } from '../../../electron/harden.ts';
import { APP_ENTRY_URL, externalLinkConfirmed, externalLinkPrompt } from '../../../electron/security.ts';

type Handler = (details: { url: string }) => { action: string };

class FakeContents extends EventEmitter {
  windowOpen: Handler | null = null;
  setWindowOpenHandler(handler: Handler) {
    this.windowOpen = handler;
  }
}

interface Frame {
  url: string;
  parent: Frame | null;
}
const top: Frame = { url: APP_ENTRY_URL, parent: null };

function navigate(contents: FakeContents, event: string, details: Record<string, unknown>) {
  const e = { ...details, preventDefault: vi.fn() };
  contents.emit(event, e);
  return e.preventDefault;
}

let contents: FakeContents;
let confirmExternal: ReturnType<typeof vi.fn<(url: string) => Promise<boolean>>>;
let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;
let warnings: string[];

beforeEach(() => {
  contents = new FakeContents();
  confirmExternal = vi.fn(async () => true);
  openExternal = vi.fn(async () => undefined);
  warnings = [];
  hardenWebContents(contents as unknown as HardenableContents, {
    confirmExternal,
    openExternal,
    log: { warn: (m: string) => void warnings.push(m), error: () => undefined },
  });
});

describe('will-frame-navigate', () => {
  it('lets the export preview load: about:srcdoc in a child of the app’s top frame', () => {
    const prevented = navigate(contents, 'will-frame-navigate', {
      url: 'about:srcdoc',
      isMainFrame: false,
      frame: { url: '', parent: top },
    });
    expect(prevented).not.toHaveBeenCalled();
  });

  it('stops a subframe going anywhere else, even to the app’s own pages', () => {
    for (const url of ['https://example.com/', 'about:blank', APP_ENTRY_URL, 'file:///etc/passwd', 'javascript:alert(1)']) {
      const prevented = navigate(contents, 'will-frame-navigate', { url, isMainFrame: false, frame: { url: '', parent: top } });
      expect(prevented, url).toHaveBeenCalled();
    }
  });

  it('stops a srcdoc frame nested inside another frame, or under a foreign page, or whose frame is gone', () => {
    const nested = { url: 'about:srcdoc', parent: top };
    expect(navigate(contents, 'will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false, frame: { url: '', parent: nested } })).toHaveBeenCalled();
    const foreign = { url: 'https://evil.example/', parent: null };
    expect(navigate(contents, 'will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false, frame: { url: '', parent: foreign } })).toHaveBeenCalled();
    expect(navigate(contents, 'will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false, frame: null })).toHaveBeenCalled();
  });

  it('leaves the main frame to will-navigate, which stops it', () => {
    expect(navigate(contents, 'will-frame-navigate', { url: 'https://example.com/', isMainFrame: true, frame: top })).not.toHaveBeenCalled();
    expect(navigate(contents, 'will-navigate', { url: 'app://faultline/other.html' })).toHaveBeenCalled();
  });
});

describe('links to the outside', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('asks first, with the URL, and opens it only on yes', async () => {
    navigate(contents, 'will-navigate', { url: 'https://owasp.org/www-project-non-human-identities-top-10/' });
    await settle();
    expect(confirmExternal).toHaveBeenCalledWith('https://owasp.org/www-project-non-human-identities-top-10/');
    expect(openExternal).toHaveBeenCalledWith('https://owasp.org/www-project-non-human-identities-top-10/');
  });

  it('opens nothing when the user says no', async () => {
    confirmExternal.mockResolvedValue(false);
    expect(contents.windowOpen?.({ url: 'https://example.com/phish' })).toEqual({ action: 'deny' });
    await settle();
    expect(confirmExternal).toHaveBeenCalledWith('https://example.com/phish');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never asks about what cannot leave: file:, custom schemes, http:, credentials in the URL', async () => {
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'http://example.com/', 'https://user:pw@example.com/', 'javascript:alert(1)']) {
      contents.windowOpen?.({ url });
      navigate(contents, 'will-navigate', { url });
    }
    await settle();
    expect(confirmExternal).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('shows the whole URL in the prompt, with Cancel as the default', () => {
    const prompt = externalLinkPrompt('https://example.com/a?b=c');
    expect(prompt.detail).toBe('https://example.com/a?b=c');
    expect(prompt.buttons[prompt.defaultId]).toBe('Cancel');
    expect(prompt.cancelId).toBe(prompt.defaultId);
    expect(externalLinkConfirmed(0)).toBe(true);
    expect(externalLinkConfirmed(1)).toBe(false);
  });

  it('refuses <webview>', () => {
    expect(navigate(contents, 'will-attach-webview', {})).toHaveBeenCalled();
  });
});
