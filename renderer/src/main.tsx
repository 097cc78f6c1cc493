import '@xyflow/react/dist/style.css';
import 'virtual:faultline-effects.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { LibraryProvider } from './library/context.tsx';
import { openFaultlineDb } from './library/db.ts';
import { createLibrary } from './library/library.ts';
import { LibraryShell } from './library/LibraryShell.tsx';
import { createWriterLocks } from './library/writerLocks.ts';
import { ModelStoreProvider } from './store/context.tsx';
import { createModelStore } from './store/modelStore.ts';

const store = createModelStore();
const library = createLibrary({ db: openFaultlineDb(), locks: createWriterLocks() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ModelStoreProvider store={store}>
      <LibraryProvider library={library}>
        <LibraryShell>
          <App />
        </LibraryShell>
      </LibraryProvider>
    </ModelStoreProvider>
  </StrictMode>,
);
