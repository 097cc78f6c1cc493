/** The report/pdf module's API: what code outside shared/report/pdf uses of it. Kept by test/tools/barrelsCodemod.mjs. */

export * from './render.ts';
