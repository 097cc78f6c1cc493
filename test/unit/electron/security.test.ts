import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as RENDERER_META_CSP } from '../../../renderer/build/csp.ts';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  externalUrl,
  isAllowedRequest,
  isPermissionAllowed,
  isTrustedUrl,
  resolveAppPath,
  secureWebPreferences,
} from '../../../electron/security.ts';

const DEV = 'http://localhost:5173';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('isTrustedUrl', () => {
  it('trusts the app entry and any file of the app origin', () => {
    expect(isTrustedUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedUrl('app://faultline/assets/index-abc.js')).toBe(true);
  });

  it('refuses other hosts on the app scheme, including look-alikes', () => {
    expect(isTrustedUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://faultline.evil.com/index.html')).toBe(false);
    expect(isTrustedUrl('app://user@faultline/index.html')).toBe(false);
    expect(isTrustedUrl('app://faultline:8080/index.html')).toBe(false);
  });

  it('refuses the web, file: and garbage', () => {
    expect(isTrustedUrl('https://faultline/index.html')).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedUrl('not a url')).toBe(false);
    expect(isTrustedUrl('')).toBe(false);
  });

  it('trusts the dev server only when it is given, and only its exact origin', () => {
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isTrustedUrl('ws://localhost:5173/', DEV)).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isTrustedUrl('file:///tmp/x.html', 'file:///tmp/')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('lets the app load its own files, inline data and DevTools', () => {
    expect(isAllowedRequest('app://faultline/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://faultline/1234')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('cancels every request to the network in production', () => {
    expect(isAllowedRequest('https://example.com/track.js')).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/')).toBe(false);
    expect(isAllowedRequest('wss://example.com/socket')).toBe(false);
    expect(isAllowedRequest('file:///home/user/.ssh/id_rsa')).toBe(false);
  });

  it('allows the dev server and its hot-reload socket during development only', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', DEV)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('grants clipboard writes and full screen to the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://faultline/')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'app://faultline/index.html')).toBe(true);
  });

  it('refuses everything else, even to the app page', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial']) {
      expect(isPermissionAllowed(p, 'app://faultline/')).toBe(false);
    }
  });

  it('refuses allowed permissions to any other origin', () => {
    expect(isPermissionAllowed('fullscreen', 'https://example.com')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '')).toBe(false);
  });
});

describe('externalUrl', () => {
  it('passes https links to the system browser', () => {
    expect(externalUrl('https://owasp.org/www-project-non-human-identities-top-10/')).toBe(
      'https://owasp.org/www-project-non-human-identities-top-10/',
    );
  });

  it('keeps every other scheme inside', () => {
    for (const url of ['http://example.com', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'app://faultline/', 'ms-msdt:foo']) {
      expect(externalUrl(url)).toBeNull();
    }
  });

  it('refuses https URLs carrying credentials', () => {
    expect(externalUrl('https://user:pass@example.com/')).toBeNull();
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/faultline/out/renderer');

  it('maps the origin and index to index.html', () => {
    expect(resolveAppPath(root, 'app://faultline/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://faultline')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://faultline/index.html')).toBe(path.join(root, 'index.html'));
  });

  it('maps nested assets and ignores query and hash', () => {
    expect(resolveAppPath(root, 'app://faultline/assets/index-1.js?v=2#x')).toBe(path.join(root, 'assets', 'index-1.js'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppPath(root, 'app://faultline/assets/a%20b.svg')).toBe(path.join(root, 'assets', 'a b.svg'));
  });

  it('refuses to leave the root with .. in any spelling', () => {
    for (const url of [
      'app://faultline/../../etc/passwd',
      'app://faultline/%2e%2e/%2e%2e/etc/passwd',
      'app://faultline/assets/..%2f..%2f..%2fetc/passwd',
      'app://faultline/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://faultline/..',
    ]) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppPath(root, 'app://faultline/assets/..%2f..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://faultline/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd')).toBeNull();
  });

  it('refuses backslashes, drive letters, NUL bytes and malformed escapes', () => {
    expect(resolveAppPath(root, 'app://faultline/..%5c..%5cwindows%5cwin.ini')).toBeNull();
    expect(resolveAppPath(root, 'app://faultline/C:/Windows/win.ini')).toBeNull();
    expect(resolveAppPath(root, 'app://faultline/index.html%00.png')).toBeNull();
    expect(resolveAppPath(root, 'app://faultline/%E0%A4%A')).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///srv/faultline/out/renderer/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://faultline/index.html')).toBeNull();
  });

  it('stays inside a Windows root too', () => {
    const winRoot = 'C:\\Program Files\\Faultline\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath(winRoot, 'app://faultline/assets/x.js', path.win32)).toBe(`${winRoot}\\assets\\x.js`);
    // The URL parser folds encoded dot segments into the origin: the path stays at the root.
    expect(resolveAppPath(winRoot, 'app://faultline/%2e%2e/%2e%2e/secret.txt', path.win32)).toBe(`${winRoot}\\secret.txt`);
    expect(resolveAppPath(winRoot, 'app://faultline/assets/..%2f..%2fsecret.txt', path.win32)).toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  it('defaults to nothing and allows only the app itself', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toBe("'none'");
    // Scripts and fetches from the app itself only: no WebAssembly, no eval, no data: or remote URLs.
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(d.get('object-src')).toBe("'none'");
  });

  it('never allows inline or evaluated scripts, or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(directives(CONTENT_SECURITY_POLICY).get('script-src')).not.toContain('unsafe-inline');
  });

  it('matches every directive of the renderer <meta> policy, so the two cannot drift', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    for (const [name, value] of directives(RENDERER_META_CSP)) {
      expect(header.get(name), name).toBe(value);
    }
  });

  it('relaxes only scripts and the hot-reload socket for the dev server', () => {
    const dev = directives(devContentSecurityPolicy(DEV));
    expect(dev.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(dev.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(dev.get('default-src')).toBe("'none'");
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page with no Node and no <webview>', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(secureWebPreferences('/p')).not.toHaveProperty('enableBlinkFeatures');
  });
});
