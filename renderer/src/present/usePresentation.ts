/**
 * Entering and leaving presentation mode. Entering remembers the view, goes full screen (the Fullscreen API
 * in a browser, the window in Electron: DesktopApi.setFullScreen), shows a scenario from its break.
 * Leaving undoes all of it: the panels were only hidden, so they come back as they were; the scenario shown
 * before, its moment, the comparison or likelihood view come back; and the view is put back where it was
 * (PresentCamera).
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useDecideStoreApi } from '../decide/index.ts';
import { desktopApi } from '../desktop/api.ts';
import { useLayoutApi } from '../shell/layoutContext.tsx';
import { useScenarioStoreApi } from '../scenarios/index.ts';
import { useModelStoreApi } from '../store/context.tsx';
import { usePresentApi } from './context.tsx';
import type { Cut } from './playback.ts';

/** The break: the first hop of any result. */
const START: Cut = { at: 0, depth: 0 };

interface Presentation {
  enter(): void;
  leave(): void;
  /** Shows saved scenario number `n` (1-based), from its break. */
  pick(n: number): void;
}

export function usePresentation(): Presentation {
  const player = usePresentApi();
  const scenarios = useScenarioStoreApi();
  const models = useModelStoreApi();
  const decide = useDecideStoreApi();
  const layout = useLayoutApi();
  const rf = useReactFlow();

  return useMemo(() => {
    const fullScreen = (on: boolean) =>
      void desktopApi()
        .setFullScreen(on)
        .catch(() => {
          // Refused (no full screen here): the presentation fills the window instead.
        });
    return {
      enter() {
        if (player.getState().on) return;
        const s = scenarios.getState();
        const { compareOpen, likelihoodOpen } = decide.getState();
        const { dock, focus } = layout.getState();
        player.setState({
          on: true,
          playing: false,
          restore: { viewport: rf.getViewport(), playhead: s.playhead, scenario: s.activeId, compareOpen, likelihoodOpen, dockOpen: dock.open, focus },
        });
        decide.setState({ compareOpen: false, likelihoodOpen: false });
        if (s.activeId === null) {
          const first = models.getState().model.scenarios.find((sc) => sc.breaks.length > 0);
          if (first) s.activate(first.id);
        }
        scenarios.getState().setPlayhead(START);
        fullScreen(true);
      },
      leave() {
        const { on, restore } = player.getState();
        if (!on) return;
        player.setState({ on: false, playing: false });
        if (restore) {
          // The scenario shown before, at its moment, even after 1-9 showed others (or none, if none was shown).
          const exists = restore.scenario === null || models.getState().model.scenarios.some((sc) => sc.id === restore.scenario);
          if (exists) scenarios.getState().activate(restore.scenario);
          scenarios.getState().setPlayhead(exists ? restore.playhead : null);
          decide.setState({ compareOpen: restore.compareOpen, likelihoodOpen: restore.likelihoodOpen });
          layout.setState({ dock: { ...layout.getState().dock, open: restore.dockOpen }, focus: restore.focus });
        } else scenarios.getState().setPlayhead(null);
        fullScreen(false);
      },
      pick(n) {
        const scenario = models.getState().model.scenarios[n - 1];
        if (!scenario) return;
        player.getState().setPlaying(false);
        scenarios.getState().activate(scenario.id);
        scenarios.getState().setPlayhead(START);
      },
    };
  }, [player, scenarios, models, decide, layout, rf]);
}

/** Leaving the browser's full screen by its own means (Esc, F11) leaves presentation mode too. */
export function useFullScreenExit(leave: () => void) {
  const player = usePresentApi();
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && player.getState().on) leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave, player]);
}
