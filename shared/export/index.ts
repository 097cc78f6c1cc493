

export { flatProperties, openGraphText, toOpenGraph } from './opengraph.ts';
export type { OpenGraphDocument } from './opengraph.ts';
export { otmText, toOtm } from './otm.ts';
