/**
 * The theme of what the page does not draw: the window's backdrop before the first paint, native dialogs,
 * the title bar. Main follows the theme picked in the app (the renderer says which, DesktopApi.setTheme)
 * and keeps it in `theme.json` in the user-data folder, so that the next launch opens in it before the
 * page has said anything: a facilitator who picked dark is not flashed a light window in a dark room.
 */
import { z } from 'zod';
import type { ThemeSource } from '../shared/ipc/index.ts';
import { themeSourceSchema } from '../shared/ipc/index.ts';
import type { AtomicWriteFs } from './files.ts';
import { writeFileAtomic } from './files.ts';

/** Version 1 of `theme.json`. */
const themeFileSchema = z.object({ version: z.literal(1), theme: themeSourceSchema });

interface ThemeReadFs {
  readFile(filePath: string, encoding: 'utf8'): Promise<string>;
}

/** The saved theme; 'system' when the file is missing, unreadable or malformed (the next pick rewrites it). */
export async function loadTheme(fs: ThemeReadFs, file: string): Promise<ThemeSource> {
  try {
    const parsed = themeFileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data.theme : 'system';
  } catch {
    return 'system';
  }
}

export async function saveTheme(fs: AtomicWriteFs, file: string, theme: ThemeSource): Promise<void> {
  await writeFileAtomic(fs, file, JSON.stringify({ version: 1, theme }, null, 2) + '\n');
}

/** The page's --bg in each theme (renderer/src/styles), so the window never shows another colour first. */
export const windowBackground = (dark: boolean): string => (dark ? '#0f1218' : '#f6f7f9');

interface ThemeSettingDeps {
  /** Gives the window's native parts the theme (nativeTheme.themeSource, the window's backdrop). */
  apply(theme: ThemeSource): void;
  save(theme: ThemeSource): Promise<void>;
  log: Pick<Console, 'warn'>;
}

/**
 * The theme setting, applied at once and saved in the order picked. The page says its theme at every
 * launch: saying the same one again writes nothing. A failed save is logged; the theme still applies.
 */
export function createThemeSetting(initial: ThemeSource, deps: ThemeSettingDeps) {
  let current = initial;
  let writes = Promise.resolve();
  deps.apply(initial);
  return {
    get: () => current,
    set(theme: ThemeSource): void {
      if (theme === current) return;
      current = theme;
      deps.apply(theme);
      writes = writes.then(() => deps.save(theme)).catch((err: unknown) => deps.log.warn('Could not save the theme', err));
    },
    /** Resolves once every save asked for so far has finished. */
    saved: () => writes,
  };
}
