/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

/** The effect colours as CSS custom properties, generated from shared/visual/effects.ts (renderer/build/effectCss.ts). */
declare module 'virtual:faultline-effects.css';
