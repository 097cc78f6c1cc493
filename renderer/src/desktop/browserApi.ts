/**
 * DesktopApi for a plain browser: a file input to open, a download to save. This is how the web build
 * works and how the whole renderer is tested in Chromium.
 */
import { decodeFileBytes } from '../../../shared/file/index.ts';
import type { DesktopApi, OpenedFile, SaveOutcome } from '../../../shared/ipc/index.ts';
import { EXPORT_KINDS } from '../../../shared/ipc/index.ts';

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'file-input';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A picked or dropped file as text, through the app's one decoder: `File.text()` would replace invalid
 * UTF-8 with U+FFFD without a word. Refused files throw with the decoder's message.
 */
export async function readOpenedFile(file: File): Promise<OpenedFile> {
  const text = decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
  if (!text.ok) throw new Error(`${file.name}: ${text.error.message}`);
  return { name: file.name, path: null, text: text.value };
}

export function createBrowserApi(): DesktopApi {
  return {
    async openModelFile(): Promise<OpenedFile | null> {
      const file = await pickFile('.json,.faultline.json,application/json');
      if (!file) return null;
      return readOpenedFile(file);
    },
    async saveModelFile({ suggestedName, text }): Promise<SaveOutcome> {
      downloadBlob(new Blob([text], { type: 'application/json' }), suggestedName);
      return { saved: true, path: null, name: suggestedName };
    },
    async savePdf({ suggestedName, bytes }): Promise<SaveOutcome> {
      downloadBlob(new Blob([bytes as BlobPart], { type: 'application/pdf' }), suggestedName);
      return { saved: true, path: null, name: suggestedName };
    },
    async saveExport({ suggestedName, kind, bytes }): Promise<SaveOutcome> {
      const { ext, mime } = EXPORT_KINDS[kind];
      const name = suggestedName.toLowerCase().endsWith(ext) ? suggestedName : `${suggestedName}${ext}`;
      downloadBlob(new Blob([bytes as BlobPart], { type: mime }), name);
      return { saved: true, path: null, name };
    },
    async appInfo() {
      return { name: 'Faultline', version: __APP_VERSION__, platform: 'browser' };
    },
    onMenuCommand() {
      // No native menu in a browser: the app's own shortcuts and buttons cover every command.
      return () => {};
    },
    async setFullScreen(on) {
      // The Fullscreen API: allowed from a key press or a click; a refusal rejects, and the caller goes on.
      if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
      else if (!on && document.fullscreenElement) await document.exitFullscreen();
    },
  };
}
