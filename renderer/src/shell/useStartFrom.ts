/** Starting a model from a template: a copy under a fresh id goes into the library and opens. */
import { useCallback } from 'react';
import { useLibrary } from '../library/context.tsx';
import type { Template } from '../library/templates.ts';
import { describeStorageError } from '../library/storageErrors.ts';
import { useModelStoreApi } from '../store/context.tsx';

export function useStartFrom() {
  const store = useModelStoreApi();
  const library = useLibrary();
  return useCallback(
    async (template: Template) => {
      try {
        const copy = await library.add(template.model);
        // Not opened from a file: the status bar says it is kept in the library until saved to one.
        store.getState().loadModel(copy, { fileName: null, filePath: null });
      } catch (e) {
        store.getState().showNotice({ tone: 'error', text: `Could not start from “${template.name}”: ${describeStorageError(e).message}` });
      }
    },
    [store, library],
  );
}
