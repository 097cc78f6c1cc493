import { describe, expect, it } from 'vitest';
import { ELECTRON_NODE, electronMissingMessage, olderThan } from '../../../electron/launch/messages.ts';

describe('npm start without Electron', () => {
  it('says the runtime is missing, how to get it, and that the browser version follows', () => {
    const text = electronMissingMessage('runtime', 'v22.12.0');
    expect(text).toContain('the Electron runtime is not installed');
    expect(text).toContain('npx install-electron');
    expect(text).toContain('runs in your browser');
    expect(text).not.toContain('Node.js 22.12.0 or newer');
  });

  it('names the Node version Electron’s installer needs when this one is older', () => {
    expect(electronMissingMessage('runtime', 'v20.20.2')).toContain(`needs Node.js ${ELECTRON_NODE} or newer; this is Node.js 20.20.2`);
  });

  it('asks for npm install when the package itself is missing', () => {
    expect(electronMissingMessage('package', 'v22.12.0')).toContain('npm install');
  });

  it('compares versions part by part', () => {
    expect(olderThan('v20.20.2', '22.12.0')).toBe(true);
    expect(olderThan('v22.9.0', '22.12.0')).toBe(true);
    expect(olderThan('v22.12.0', '22.12.0')).toBe(false);
    expect(olderThan('v24.1.0', '22.12.0')).toBe(false);
  });
});
