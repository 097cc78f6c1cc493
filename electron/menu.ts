/**
 * The native menu as a pure template. Editing commands go to the renderer as MenuCommands (the app
 * has its own history, so Undo and Redo are not the native roles); clipboard and window items are
 * native roles.
 *
 * Accelerators fire only when the page did not handle the key itself (Electron gives the page the
 * keydown first; `preventDefault()` there keeps the menu out). So the renderer's own shortcuts, which
 * the browser build needs anyway, win, and the menu covers whatever the page leaves alone.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/index.ts';
import { APP_NAME } from './document.ts';

interface MenuOptions {
  /** DevTools and Reload appear only in development builds. */
  isPackaged: boolean;
  openRecent(filePath: string): void;
  clearRecent(): void;
}

/** `&` marks a mnemonic in Windows and Linux menu labels; a file name's `&` must stay literal. */
function literalLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

export function recentLabel(filePath: string, platform: NodeJS.Platform): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  return literalLabel(`${p.basename(filePath)} — ${p.dirname(filePath)}`, platform);
}

export function buildMenuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform,
  recent: readonly string[],
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (id: MenuCommand, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id: `command:${id}`,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(id),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ id: 'recent:none', label: 'No Recent Files', enabled: false }]
      : [
          ...recent.map(
            (filePath, i): MenuItemConstructorOptions => ({
              id: `recent:${i}`,
              label: recentLabel(filePath, platform),
              click: () => options.openRecent(filePath),
            }),
          ),
          separator,
          { id: 'recent:clear', label: 'Clear Recent Files', click: () => options.clearRecent() },
        ];

  const appMenu: MenuItemConstructorOptions = {
    label: APP_NAME,
    submenu: [
      command('about', `About ${APP_NAME}`),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('new', 'New', 'CmdOrCtrl+N'),
      command('open', 'Open…', 'CmdOrCtrl+O'),
      { id: 'recent', label: 'Open Recent', submenu: recentItems },
      separator,
      command('save', 'Save', 'CmdOrCtrl+S'),
      command('save-as', 'Save As…', 'CmdOrCtrl+Shift+S'),
      separator,
      command('import', 'Import…', 'CmdOrCtrl+I'),
      command('export-report', 'Export Report…', 'CmdOrCtrl+E'),
      separator,
      mac ? { role: 'close' } : platform === 'win32' ? { role: 'quit', label: 'E&xit' } : { role: 'quit', label: '&Quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('undo', 'Undo', 'CmdOrCtrl+Z'),
      command('redo', 'Redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('fit', 'Fit View', 'CmdOrCtrl+0'),
      command('zoom-in', 'Zoom In', 'CmdOrCtrl+='),
      command('zoom-out', 'Zoom Out', 'CmdOrCtrl+-'),
      separator,
      command('toggle-theme', 'Toggle Light/Dark Theme', 'CmdOrCtrl+Shift+L'),
      { role: 'togglefullscreen' },
      ...(options.isPackaged
        ? []
        : [separator, { role: 'reload' } as const, { id: 'devtools', role: 'toggleDevTools' } as const]),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [command('shortcuts', 'Keyboard Shortcuts', 'CmdOrCtrl+/'), ...(mac ? [] : [separator, command('about', `About ${APP_NAME}`)])],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, ...(mac ? [{ role: 'windowMenu' } as const] : []), helpMenu];
}
