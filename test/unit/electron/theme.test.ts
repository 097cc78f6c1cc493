import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThemeSource } from '../../../shared/ipc/index.ts';
import { createThemeSetting, loadTheme, saveTheme, windowBackground } from '../../../electron/theme.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faultline-theme-'));
  file = path.join(dir, 'theme.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('theme.json', () => {
  it('gives back the theme saved', async () => {
    await saveTheme(nodeFs, file, 'dark');
    expect(await loadTheme(nodeFs, file)).toBe('dark');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, theme: 'dark' });
  });

  it('follows the system when the file is missing, unreadable or not one it wrote', async () => {
    expect(await loadTheme(nodeFs, file)).toBe('system');
    for (const text of ['{', '{"version":1,"theme":"blue"}', '{"version":2,"theme":"dark"}', '"dark"', 'null']) {
      await writeFile(file, text);
      expect(await loadTheme(nodeFs, file), text).toBe('system');
    }
  });

  it('paints the window in the page’s background colour for the theme', () => {
    expect(windowBackground(true)).toBe('#0f1218');
    expect(windowBackground(false)).toBe('#f6f7f9');
  });
});

describe('the theme setting', () => {
  const setup = (initial: ThemeSource, save = vi.fn(async (_theme: ThemeSource): Promise<void> => undefined)) => {
    const apply = vi.fn();
    const warn = vi.fn();
    return { apply, save, warn, setting: createThemeSetting(initial, { apply, save, log: { warn } }) };
  };

  it('applies the saved theme at once, before any window exists', () => {
    const { apply, save } = setup('dark');
    expect(apply.mock.calls).toEqual([['dark']]);
    expect(save).not.toHaveBeenCalled();
  });

  it('applies and saves a new pick, and writes nothing when the page says the same theme again', async () => {
    const { apply, save, setting } = setup('system');
    setting.set('system');
    setting.set('dark');
    setting.set('dark');
    setting.set('light');
    await setting.saved();
    expect(apply.mock.calls).toEqual([['system'], ['dark'], ['light']]);
    expect(save.mock.calls).toEqual([['dark'], ['light']]);
    expect(setting.get()).toBe('light');
  });

  it('keeps the theme and logs when a save fails; the next pick is still saved', async () => {
    const save = vi.fn(async (theme: ThemeSource) => {
      if (theme === 'dark') throw new Error('disk full');
    });
    const { warn, setting } = setup('system', save);
    setting.set('dark');
    setting.set('light');
    await setting.saved();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(save.mock.calls).toEqual([['dark'], ['light']]);
    expect(setting.get()).toBe('light');
  });
});
