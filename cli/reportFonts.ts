/** The report's font bytes in Node (the CLI, tests, bench): read from the installed font packages. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ReportFonts } from '../shared/report/pdf/index.ts';

export async function loadNodeReportFonts(): Promise<ReportFonts> {
  const require = createRequire(import.meta.url);
  const read = (path: string) => readFile(require.resolve(path));
  const [regular, bold, cjk] = await Promise.all([
    read('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    read('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
    read('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  ]);
  return { regular, bold, cjk };
}
