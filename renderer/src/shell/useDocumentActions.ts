/** Open, save and new, shared by the top bar, the keyboard and the native menu. */
import { useCallback } from 'react';
import { FILE_EXTENSION, parseModelFile, serializeModel } from '../../../shared/file/index.ts';
import { desktopApi } from '../desktop/api.ts';
import { useLibrary } from '../library/context.tsx';
import { describeStorageError } from '../library/storageErrors.ts';
import { useModelStoreApi } from '../store/context.tsx';

function suggestedFileName(name: string): string {
  const base = name.trim().replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/\s+/g, '-') || 'model';
  return base.toLowerCase() + FILE_EXTENSION;
}

export function useDocumentActions() {
  const store = useModelStoreApi();
  const library = useLibrary();

  /** Loads file text through the one load path; a bad file changes nothing and says why. */
  const openText = useCallback(
    (name: string, path: string | null, text: string) => {
      const result = parseModelFile(text);
      if (!result.ok) {
        store.getState().showNotice({
          tone: 'error',
          text: `Could not open ${name}: ${result.error.message}. Nothing was changed.`,
        });
        return false;
      }
      store.getState().loadModel(result.value, { fileName: name, filePath: path });
      // Into the library too, so it autosaves from here on; a model already there is snapshotted first.
      library.importModel(result.value).catch((e: unknown) =>
        store.getState().showNotice({ tone: 'error', text: describeStorageError(e).message }),
      );
      return true;
    },
    [store, library],
  );

  const open = useCallback(async () => {
    try {
      const file = await desktopApi().openModelFile();
      if (file) openText(file.name, file.path, file.text);
    } catch (e) {
      store.getState().showNotice({ tone: 'error', text: `Could not open the file: ${(e as Error).message}` });
    }
  }, [openText, store]);

  const save = useCallback(
    async (saveAs = false) => {
      const { model, filePath, fileName } = store.getState();
      try {
        const outcome = await desktopApi().saveModelFile({
          path: saveAs ? null : filePath,
          suggestedName: fileName ?? suggestedFileName(model.name),
          text: serializeModel(model),
        });
        if (outcome.saved) store.getState().markSaved({ fileName: outcome.name, filePath: outcome.path });
      } catch (e) {
        store.getState().showNotice({
          tone: 'error',
          text: `Could not save: ${(e as Error).message}. Your model is still open and unchanged.`,
        });
      }
    },
    [store],
  );

  const newModel = useCallback(() => store.getState().newModel(), [store]);

  return { open, openText, save, newModel };
}
