/**
 * Saving what the export dialog made, through the desktop API: a PDF through `savePdf`, every other format
 * through `saveExport` (Electron: main asks where and writes the bytes; browser: a download).
 */
import type { DesktopApi, ExportKind, SaveOutcome } from '../../../shared/ipc/index.ts';
import { EXPORT_KINDS } from '../../../shared/ipc/index.ts';
import { desktopApi } from '../desktop/api.ts';

export type { ExportKind } from '../../../shared/ipc/index.ts';

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
  content: string | Uint8Array<ArrayBuffer>,
  stem: string,
  api: DesktopApi = desktopApi(),
): Promise<SaveOutcome> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return api.saveExport({ suggestedName: `${stem}${EXPORT_KINDS[kind].ext}`, kind, bytes });
}
