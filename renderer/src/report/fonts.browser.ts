/**
 * The report's font bytes in the renderer: Vite copies the TTF files into the build and gives their URLs, served
 * by the app itself (the web build's origin, or the app:// protocol in Electron), so nothing leaves the machine.
 */
import sansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import sansRegular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import cjkRegular from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import type { ReportFonts } from '../../../shared/report/pdf/index.ts';

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
  const [regular, bold, cjk] = await Promise.all([fontBytes(abs(sansRegular)), fontBytes(abs(sansBold)), fontBytes(abs(cjkRegular))]);
  return { regular, bold, cjk };
}
