/**
 * `import 'virtual:faultline-effects.css'` gives the effect colours of shared/visual/effects.ts as CSS custom
 * properties, generated at build time: the stylesheets use `var(--fx-control)` and never copy a hex value.
 */
import type { Plugin } from 'vite';
import { effectCss } from '../../shared/visual/index.ts';

const ID = 'virtual:faultline-effects.css';
const RESOLVED = `\0${ID}`;

export const effectCssPlugin = (): Plugin => ({
  name: 'faultline-effect-css',
  resolveId: (id) => (id === ID ? RESOLVED : undefined),
  load: (id) => (id === RESOLVED ? effectCss() : undefined),
});
