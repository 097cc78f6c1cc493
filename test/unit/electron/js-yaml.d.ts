/** js-yaml ships no types; electron-builder depends on it, and the builder-config test uses `load`. */
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
