/**
 * Font files for the report in the renderer: Vite copies them into the build and gives their URLs, served by the
 * app itself (the web build's origin, or the app:// protocol in Electron), so nothing leaves the machine.
 */
import sansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import sansRegular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import cjkRegular from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import type { FontSources } from './fonts.ts';

/** Absolute URLs: the PDF renderer fetches them, and a relative URL would resolve against the wrong base in a worker. */
export function browserFontSources(base: string = document.baseURI): FontSources {
  const abs = (u: string) => new URL(u, base).href;
  return {
    sans: { regular: abs(sansRegular), bold: abs(sansBold) },
    cjk: { regular: abs(cjkRegular) },
  };
}
