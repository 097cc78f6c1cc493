import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ModelStoreProvider } from './store/context.tsx';
import { createModelStore } from './store/modelStore.ts';

const store = createModelStore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ModelStoreProvider store={store}>
      <App />
    </ModelStoreProvider>
  </StrictMode>,
);
