import type { ReactNode } from 'react';
import { Component, useSyncExternalStore } from 'react';

/**
 * A part of the window that failed to draw says so, in words, and the rest of the window goes on working.
 * Without it one failing panel unmounts the whole app: a blank window, and Save (its keys and its button)
 * gone with it. The model lives in its store, outside React, so nothing of it is lost: "Try again" draws the
 * part once more from the same model.
 */
interface Props {
  /** What failed, in the notice's words ("the scenario dock"). */
  area: string;
  /** The whole window: nothing beside it still works, so the notice says so. */
  whole?: boolean;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // For the developer's console; the user reads the sentence below, never a stack.
    console.error(`Faultline: the ${this.props.area} failed to draw.`, error);
  }

  override render(): ReactNode {
    const { area, whole = false, children } = this.props;
    if (!this.state.failed)
      return (
        <>
          {(import.meta.env.MODE === 'e2e' || import.meta.env.DEV) && <Tripwire area={area} />}
          {children}
        </>
      );
    return (
      <div className={`fl-panel-failed${whole ? ' is-whole' : ''}`} role="alert" data-testid="panel-failed" data-area={area}>
        <strong>{whole ? 'Faultline could not draw its window.' : `The ${area} could not be drawn.`}</strong>
        <p>
          {whole
            ? 'Your model and its unsaved edits are kept. Try again draws the window once more.'
            : 'Your model is unchanged. The rest of the window still works, and Save keeps your changes.'}
        </p>
        <button type="button" className="fl-primary" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}

/*
 * TEST ONLY: the e2e build lets a test make one area fail to draw (window.__faultline.failArea), to check
 * what the user then sees. Production builds drop it: the condition above is constant at build time, written
 * out where it is used so that the bundler drops the tripwire with it (test/unit/security/builds.test.ts).
 */
let failing: string | null = null;
const listeners = new Set<() => void>();

/** Makes `area` fail at its next drawing (null: none). */
export function failArea(area: string | null): void {
  failing = area;
  for (const l of listeners) l();
}

function Tripwire({ area }: { area: string }): null {
  const armed = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => failing === area,
  );
  if (armed) throw new Error(`test: the ${area} was made to fail`);
  return null;
}
