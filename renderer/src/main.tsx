import '@xyflow/react/dist/style.css';
import 'virtual:faultline-effects.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { PanelBoundary, failArea } from './shell/PanelBoundary.tsx';
import { installDebugHook } from './store/debugHook.ts';
import { LibraryProvider } from './library/context.tsx';
import { openFaultlineDb } from './library/db.ts';
import { createLibrary } from './library/library.ts';
import { LibraryShell } from './library/LibraryShell.tsx';
import { createWriterLocks } from './library/writerLocks.ts';
import { ModelStoreProvider } from './store/context.tsx';
import { createModelStore } from './store/modelStore.ts';

const store = createModelStore();
/*
 * The read-only test hook exists in the development server and in the end-to-end build (`--mode e2e`)
 * only: the condition is constant at build time, so production bundles leave the hook out entirely.
 * Installed outside React, it outlives a window that failed to draw.
 */
if (import.meta.env.DEV || import.meta.env.MODE === 'e2e') installDebugHook(store, failArea);
const library = createLibrary({ db: openFaultlineDb(), locks: createWriterLocks() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ModelStoreProvider store={store}>
      <LibraryProvider library={library}>
        <PanelBoundary area="window" whole>
          <LibraryShell>
            <App />
          </LibraryShell>
        </PanelBoundary>
      </LibraryProvider>
    </ModelStoreProvider>
  </StrictMode>,
);
