/**
 * TEST AND DEBUG ONLY: `window.__faultline.getModel()` returns a copy of the open model, so end-to-end
 * tests and a curious developer can check what the canvas holds. Read-only by design: there is no way to
 * change the model through it, and nothing in the app reads it. `failArea(area)` makes one part of the
 * window fail to draw (shell/PanelBoundary.tsx), for a test to see what the user then sees. Installed only
 * in the development server and the e2e build (main.tsx); production builds do not contain it
 * (test/unit/security/builds.test.ts).
 */
import type { Model } from '../../../shared/domain/index.ts';
import type { ModelStore } from './modelStore.ts';

interface FaultlineDebugHook {
  getModel(): Model;
  failArea(area: string | null): void;
}

declare global {
  interface Window {
    __faultline?: FaultlineDebugHook;
  }
}

export function installDebugHook(store: ModelStore, failArea: (area: string | null) => void): () => void {
  const hook: FaultlineDebugHook = Object.freeze({ getModel: () => structuredClone(store.getState().model), failArea });
  window.__faultline = hook;
  return () => {
    if (window.__faultline === hook) delete window.__faultline;
  };
}
