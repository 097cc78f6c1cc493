/** Help ▸ About: what the app is, its version, and that nothing leaves the machine. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/index.ts';
import { desktopApi } from '../desktop/api.ts';
import { useUiStore, useUiStoreApi } from '../store/context.tsx';

export function AboutDialog() {
  const open = useUiStore((s) => s.overlay === 'about');
  if (!open) return null;
  return <About />;
}

function About() {
  const ui = useUiStoreApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void desktopApi()
      .appInfo()
      .then(setInfo)
      .catch(() => setInfo(null));
  }, []);
  const close = () => ui.getState().setOverlay(null);
  return (
    <div className="fl-modal-backdrop" onMouseDown={close} data-own-keys>
      <div
        className="fl-modal fl-about"
        role="dialog"
        aria-modal="true"
        aria-label="About Faultline"
        data-testid="about-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <header>
          <h2>Faultline</h2>
          <button type="button" autoFocus aria-label="Close" data-testid="about-close" onClick={close}>
            ×
          </button>
        </header>
        <p>Offline threat modeling for non-human identities: draw the trust graph, break something, see the blast radius.</p>
        <p data-testid="about-version">
          Version {info?.version ?? '…'}
          {info ? ` · ${info.platform === 'electron' ? 'desktop app' : 'in the browser'}` : ''}
        </p>
        <p className="fl-muted">Everything stays on this machine: no account, no server, no network. MIT licence.</p>
      </div>
    </div>
  );
}
