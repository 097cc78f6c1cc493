/** Font files for the report in Node (the CLI, tests, bench): paths resolved from the installed packages. */
import { createRequire } from 'node:module';
import type { FontSources } from './fonts.ts';

export function nodeFontSources(): FontSources {
  const require = createRequire(import.meta.url);
  return {
    sans: {
      regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
      bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
    },
    cjk: { regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf') },
  };
}
