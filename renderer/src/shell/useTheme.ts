import { useCallback, useEffect, useState } from 'react';
import { desktopApi } from '../desktop/api.ts';

type Theme = 'light' | 'dark';
const KEY = 'faultline.theme';
const DARK = '(prefers-color-scheme: dark)';

/** The theme the user picked (the ☾ button or the View menu), if they ever did. */
function chosenTheme(): Theme | null {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : null;
}

const systemTheme = (): Theme => (window.matchMedia?.(DARK).matches ? 'dark' : 'light');

/**
 * The app's theme: the system's, followed as it changes (a laptop that turns dark in the evening), until
 * the user picks one; that one is kept across launches.
 */
export function useTheme() {
  const [chosen, setChosen] = useState<Theme | null>(chosenTheme);
  const [system, setSystem] = useState<Theme>(systemTheme);
  useEffect(() => {
    const query = window.matchMedia?.(DARK);
    if (!query) return;
    const follow = () => setSystem(systemTheme());
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const theme = chosen ?? system;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // The desktop app's window, dialogs and next launch follow the pick (the browser has nothing to tell).
  useEffect(() => {
    void desktopApi()
      .setTheme?.(chosen ?? 'system')
      .catch(() => undefined);
  }, [chosen]);
  const toggleTheme = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    setChosen(next);
  }, [theme]);
  return { theme, toggleTheme };
}
