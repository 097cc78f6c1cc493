/** The export module's API: what code outside shared/export uses of it. Kept by test/tools/barrelsCodemod.mjs. */

export { flatProperties, openGraphText, toOpenGraph } from './opengraph.ts';
export type { OpenGraphDocument } from './opengraph.ts';
export { otmText, toOtm } from './otm.ts';
