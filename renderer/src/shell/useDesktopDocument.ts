/**
 * What the desktop app's main process asks of the page (DesktopApi's desktop-only members; the browser
 * build has none, and this does nothing there): files the operating system opens (a double-clicked file,
 * the command line, File ▸ Open Recent) load through the one load path, as Open does; and Save in main's
 * unsaved-changes prompt saves, answering whether it did.
 */
import { useEffect } from 'react';
import { desktopApi } from '../desktop/api.ts';
import { useModelStoreApi } from '../store/context.tsx';

export function useDesktopDocument(openText: (name: string, path: string | null, text: string) => boolean, save: () => Promise<void>): void {
  const store = useModelStoreApi();
  useEffect(() => desktopApi().onFileOpened?.((file) => void openText(file.name, file.path, file.text)), [openText]);
  useEffect(
    () =>
      desktopApi().onSaveBeforeClose?.(async () => {
        await save();
        // Saved when the model now matches its file; a cancelled dialog or a failed save leaves it unsaved.
        return !store.getState().dirty;
      }),
    [save, store],
  );
}

/** The document's name as main shows it (window title, the prompt): the file's, else the model's. */
export function documentName(fileName: string | null, modelName: string): string {
  return (fileName ?? modelName).trim().slice(0, 255) || 'Untitled model';
}
