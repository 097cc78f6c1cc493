/**
 * Saving what the export dialog made. A PDF goes through `DesktopApi.savePdf` (Electron: main asks where and
 * writes the bytes; browser: a download). Other formats are downloads in the browser; in Electron they need a
 * save channel of their own, `saveExport`, which the desktop API may provide (main blocks downloads).
 */
import type { DesktopApi, SaveOutcome } from '../../../shared/ipc/contract.ts';
import { desktopApi } from '../desktop/api.ts';
import { downloadBlob } from '../desktop/browserApi.ts';

export type ExportKind = 'md' | 'html' | 'csv' | 'json' | 'svg' | 'png';

export const EXPORT_TYPES: Record<ExportKind, { mime: string; ext: string }> = {
  md: { mime: 'text/markdown;charset=utf-8', ext: '.md' },
  html: { mime: 'text/html;charset=utf-8', ext: '.html' },
  csv: { mime: 'text/csv;charset=utf-8', ext: '.csv' },
  json: { mime: 'application/json', ext: '.json' },
  svg: { mime: 'image/svg+xml', ext: '.svg' },
  png: { mime: 'image/png', ext: '.png' },
};

/** What a desktop API may add for non-PDF exports. */
export interface ExportSaver {
  saveExport(request: { suggestedName: string; kind: ExportKind; bytes: Uint8Array }): Promise<SaveOutcome>;
}

const isBrowser = () => typeof window !== 'undefined' && window.faultline === undefined;

export function canSaveExports(api: DesktopApi = desktopApi()): boolean {
  return isBrowser() || typeof (api as Partial<ExportSaver>).saveExport === 'function';
}

/** `Checkout: payments review` → `checkout-payments-review`: a file name every system accepts. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return stem || 'faultline-report';
}

export async function savePdf(bytes: Uint8Array<ArrayBuffer>, stem: string, api: DesktopApi = desktopApi()): Promise<SaveOutcome> {
  return api.savePdf({ suggestedName: `${stem}.pdf`, bytes });
}

export async function saveExport(
  kind: ExportKind,
  content: string | Uint8Array,
  stem: string,
  api: DesktopApi = desktopApi(),
): Promise<SaveOutcome> {
  const { mime, ext } = EXPORT_TYPES[kind];
  const suggestedName = `${stem}${ext}`;
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const saver = api as Partial<ExportSaver>;
  if (typeof saver.saveExport === 'function') return saver.saveExport({ suggestedName, kind, bytes });
  if (!isBrowser()) throw new Error(`this version cannot save ${ext} files yet; export the PDF instead`);
  downloadBlob(new Blob([bytes as BlobPart], { type: mime }), suggestedName);
  return { saved: true, path: null, name: suggestedName };
}
