/**
 * The report's font bytes in Node (the CLI, tests, bench): read from the installed font packages. Noto Sans is
 * read at once; a fallback only when a report's text needs it, then kept for the next report made with the same
 * fonts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Fallback, FallbackFiles, FontFile, ReportFonts } from '../shared/report/pdf/index.ts';

/** Each fallback's files; the browser names the same ones (renderer/src/report/fonts.browser.ts). */
const FALLBACK_FILES = {
  jp: { regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf' },
  sc: { regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  kr: { regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf' },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  // Google Fonts' Hebrew subset of Noto Sans Hebrew (9 KB): no package ships the whole font as TTF.
  hebrew: {
    regular: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
    bold: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff',
  },
  thai: {
    regular: '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf',
  },
  emoji: { regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf' },
} satisfies Record<Fallback, { regular: string; bold?: string }>;

export async function loadNodeReportFonts(): Promise<ReportFonts> {
  const require = createRequire(import.meta.url);
  const read = (path: string) => readFile(require.resolve(path));
  /** Read on first use, once. */
  const lazy = (path: string): FontFile => {
    let bytes: Promise<Uint8Array> | undefined;
    return () => (bytes ??= read(path));
  };
  const [regular, bold] = await Promise.all([
    read('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    read('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  ]);
  const fallbacks = {} as Record<Fallback, FallbackFiles>;
  for (const [name, files] of Object.entries(FALLBACK_FILES) as [Fallback, { regular: string; bold?: string }][]) {
    fallbacks[name] = files.bold ? { regular: lazy(files.regular), bold: lazy(files.bold) } : { regular: lazy(files.regular) };
  }
  return { regular, bold, fallbacks };
}
