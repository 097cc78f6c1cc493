/**
 * The report's font bytes in the renderer: Vite copies the font files into the build and gives their URLs,
 * served by the app itself (the web build's origin, or the app:// protocol in Electron), so nothing leaves the
 * machine. Noto Sans is fetched for every PDF; a fallback only when a report's text needs it (a Korean label
 * fetches Noto Sans KR, 6 MB; a Latin report fetches none of them but Noto Sans JP, which draws its arrows).
 */
import sansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import sansRegular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import arabicBold from '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf?url';
import arabicRegular from '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf?url';
import emojiRegular from '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf?url';
import jpRegular from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import krRegular from '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf?url';
import scRegular from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import thaiBold from '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf?url';
import thaiRegular from '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf?url';
import hebrewBold from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff?url';
import hebrewRegular from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff?url';
import type { Fallback, FallbackFiles, ReportFonts } from '../../../shared/report/pdf/index.ts';

/** Each fallback's files, as cli/reportFonts.ts reads them in Node. */
const FALLBACK_URLS = {
  jp: { regular: jpRegular },
  sc: { regular: scRegular },
  kr: { regular: krRegular },
  arabic: { regular: arabicRegular, bold: arabicBold },
  hebrew: { regular: hebrewRegular, bold: hebrewBold },
  thai: { regular: thaiRegular, bold: thaiBold },
  emoji: { regular: emojiRegular },
} satisfies Record<Fallback, { regular: string; bold?: string }>;

const bytesCache = new Map<string, Promise<Uint8Array>>();

/** Fetched once per URL; a failed fetch is forgotten so the next export tries again. */
function fontBytes(url: string): Promise<Uint8Array> {
  let cached = bytesCache.get(url);
  if (!cached) {
    cached = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`could not load the report font ${url} (${r.status})`);
      return new Uint8Array(await r.arrayBuffer());
    });
    bytesCache.set(url, cached);
    cached.catch(() => bytesCache.delete(url));
  }
  return cached;
}

/** Absolute URLs: a relative URL would resolve against the wrong base in a worker. */
export async function loadBrowserReportFonts(base: string = document.baseURI): Promise<ReportFonts> {
  const abs = (u: string) => new URL(u, base).href;
  const [regular, bold] = await Promise.all([fontBytes(abs(sansRegular)), fontBytes(abs(sansBold))]);
  const fallbacks = {} as Record<Fallback, FallbackFiles>;
  for (const [name, urls] of Object.entries(FALLBACK_URLS) as [Fallback, { regular: string; bold?: string }][]) {
    const boldUrl = urls.bold;
    fallbacks[name] = { regular: () => fontBytes(abs(urls.regular)), ...(boldUrl ? { bold: () => fontBytes(abs(boldUrl)) } : {}) };
  }
  return { regular, bold, fallbacks };
}
