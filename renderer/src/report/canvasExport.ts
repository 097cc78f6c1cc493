/** The canvas as a picture: the whole model (or a scenario's radius on it) as SVG, and that SVG as PNG. */
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { canvasView, overlayOf, pictureSvg } from '../../../shared/report/index.ts';

/**
 * The model's diagram as a standalone SVG document on a white sheet (so the PNG is not transparent), with its
 * title, edge kinds and legend: shared/report/picture.ts.
 */
export function canvasSvg(model: Model, radius: { result: SimulationResult; removed?: string[]; title?: string } | null = null): string {
  const title = radius ? `Blast radius of “${radius.title ?? 'the scenario'}”` : model.name;
  return pictureSvg(canvasView(model, radius ? overlayOf(radius.result, radius.removed ?? []) : null, title));
}

/** Rasterises an SVG document in the browser: `scale` pixels per SVG unit, capped at 8k pixels a side. */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const w = Number(size?.[1] ?? 1000);
  const h = Number(size?.[2] ?? 700);
  const k = Math.min(scale, 8192 / w, 8192 / h);
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the diagram could not be drawn as an image'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(w * k));
  canvas.height = Math.max(1, Math.round(h * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas available to draw the PNG');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the PNG could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}
