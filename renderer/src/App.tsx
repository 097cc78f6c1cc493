import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { Canvas } from './canvas/Canvas.tsx';
import { desktopApi } from './desktop/api.ts';
import { useModelStore } from './store/context.tsx';
import { Inspector } from './shell/Inspector.tsx';
import { NoticeBar } from './shell/NoticeBar.tsx';
import { Palette } from './shell/Palette.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useDocumentActions } from './shell/useDocumentActions.ts';
import { useTheme } from './shell/useTheme.ts';

export function App() {
  const [selection, setSelection] = useState<string[]>([]);
  const { theme, toggleTheme } = useTheme();
  const { open, save, newModel } = useDocumentActions();
  const name = useModelStore((s) => s.fileName ?? s.model.name);
  const dirty = useModelStore((s) => s.dirty);

  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Faultline`;
  }, [name, dirty]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 'o') void open();
      else if (key === 's') void save(e.shiftKey);
      else if (key === 'n') newModel();
      else return;
      e.preventDefault();
    },
    [open, save, newModel],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  useEffect(
    () =>
      desktopApi().onMenuCommand((command) => {
        if (command === 'open') void open();
        else if (command === 'save') void save();
        else if (command === 'save-as') void save(true);
        else if (command === 'new') newModel();
        else if (command === 'toggle-theme') toggleTheme();
      }),
    [open, save, newModel, toggleTheme],
  );

  return (
    <ReactFlowProvider>
      <div className="fl-app">
        <TopBar theme={theme} onToggleTheme={toggleTheme} />
        <NoticeBar />
        <div className="fl-main">
          <Palette />
          <main className="fl-canvas" aria-label="Trust graph canvas">
            <Canvas onSelectionChange={setSelection} />
          </main>
          <Inspector selection={selection} />
        </div>
        <StatusBar />
      </div>
    </ReactFlowProvider>
  );
}
