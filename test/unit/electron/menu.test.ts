import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/ipc/index.ts';
import { MENU_COMMANDS } from '../../../shared/ipc/index.ts';
import { buildMenuTemplate, recentLabel } from '../../../electron/menu.ts';

const PLATFORMS: NodeJS.Platform[] = ['linux', 'win32', 'darwin'];

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions): void {
  // The template's click handlers ignore Electron's arguments.
  (item.click as () => void)();
}

let sent: MenuCommand[];
let opened: string[];
let cleared: number;

function build(platform: NodeJS.Platform, recent: string[] = [], isPackaged = true) {
  return buildMenuTemplate((c) => sent.push(c), platform, recent, {
    isPackaged,
    openRecent: (p) => opened.push(p),
    clearRecent: () => cleared++,
  });
}

beforeEach(() => {
  sent = [];
  opened = [];
  cleared = 0;
});

describe.each(PLATFORMS)('menu on %s', (platform) => {
  it('reaches every menu command, each exactly once', () => {
    const items = flatten(build(platform)).filter((i) => i.id?.startsWith('command:'));
    items.forEach(click);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('gives every command except About a keyboard accelerator', () => {
    for (const item of flatten(build(platform)).filter((i) => i.id?.startsWith('command:') && i.id !== 'command:about')) {
      expect(item.accelerator, item.id).toMatch(/\S/);
    }
  });

  it('uses no accelerator twice', () => {
    const accelerators = flatten(build(platform, [], false))
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('sends Undo and Redo to the app instead of using the native roles', () => {
    const all = flatten(build(platform));
    expect(all.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
    expect(all.find((i) => i.id === 'command:undo')?.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('keeps the native clipboard roles so text fields work', () => {
    const roles = flatten(build(platform)).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('offers DevTools and Reload only in development builds', () => {
    expect(flatten(build(platform, [], true)).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    const dev = flatten(build(platform, [], false)).map((i) => i.role);
    expect(dev).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('has a way to quit', () => {
    expect(flatten(build(platform)).some((i) => i.role === 'quit')).toBe(true);
  });
});

describe('menu order', () => {
  it('is File, Edit, View, Help on Windows and Linux', () => {
    expect(build('linux').map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('starts with the app menu holding About and Quit on macOS', () => {
    const [appMenu] = build('darwin');
    const items = flatten([appMenu!]);
    expect(appMenu?.label).toBe('Faultline');
    expect(items.some((i) => i.id === 'command:about')).toBe(true);
    expect(items.some((i) => i.role === 'quit')).toBe(true);
  });

  it('puts the conventional redo key on each platform', () => {
    expect(flatten(build('win32')).find((i) => i.id === 'command:redo')?.accelerator).toBe('Ctrl+Y');
    expect(flatten(build('darwin')).find((i) => i.id === 'command:redo')?.accelerator).toBe('Cmd+Shift+Z');
  });
});

describe('Open Recent', () => {
  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = flatten(build('linux')).find((i) => i.id === 'recent');
    expect(recent?.submenu).toEqual([expect.objectContaining({ label: 'No Recent Files', enabled: false })]);
  });

  it('opens the chosen file', () => {
    const items = flatten(build('linux', ['/home/ana/shop.faultline.json', '/home/ana/ci.faultline.json']));
    click(items.find((i) => i.id === 'recent:1')!);
    expect(opened).toEqual(['/home/ana/ci.faultline.json']);
    expect(sent).toEqual([]);
  });

  it('clears the list', () => {
    click(flatten(build('linux', ['/a.faultline.json'])).find((i) => i.id === 'recent:clear')!);
    expect(cleared).toBe(1);
  });

  it('labels entries with the file name first and keeps & literal outside macOS', () => {
    expect(recentLabel('/home/ana/R&D.faultline.json', 'linux')).toBe('R&&D.faultline.json — /home/ana');
    expect(recentLabel('C:\\Users\\ana\\R&D.faultline.json', 'win32')).toBe('R&&D.faultline.json — C:\\Users\\ana');
    expect(recentLabel('/Users/ana/R&D.faultline.json', 'darwin')).toBe('R&D.faultline.json — /Users/ana');
  });
});
