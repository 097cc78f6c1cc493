/**
 * The top bar's layout buttons: show or hide the palette, the scenario dock and the inspector, and focus
 * mode (`\`), which hides all three at once. Each button shows what it toggles, pressed while shown.
 */
import type { Panel } from './layout.ts';
import { panelShown } from './layout.ts';
import { useLayout, useLayoutApi } from './layoutContext.tsx';

const ICONS: Record<Panel | 'focus', string> = {
  palette: 'M2.5 3h11v10h-11z M6 3v10',
  dock: 'M2.5 3h11v10h-11z M2.5 9.5h11',
  inspector: 'M2.5 3h11v10h-11z M10 3v10',
  focus: 'M2.5 6V3h3 M10.5 3h3v3 M13.5 10v3h-3 M5.5 13h-3v-3',
};

const TITLES: Record<Panel, string> = { palette: 'the palette of kinds', dock: 'the scenario dock', inspector: 'the inspector' };

function Toggle({ panel }: { panel: Panel }) {
  const shown = useLayout((s) => panelShown(s, panel));
  const layout = useLayoutApi();
  const title = `${shown ? 'Hide' : 'Show'} ${TITLES[panel]}`;
  return (
    <button type="button" className="fl-layout-toggle" data-testid={`toggle-${panel}`} aria-pressed={shown} title={title} aria-label={title} onClick={() => layout.getState().toggle(panel)}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d={ICONS[panel]} />
      </svg>
    </button>
  );
}

export function LayoutToggles() {
  const focus = useLayout((s) => s.focus);
  const layout = useLayoutApi();
  const title = focus ? 'Bring the panels back (\\)' : 'Focus: hide the palette, the inspector and the dock (\\)';
  return (
    <div className="fl-layout-toggles" role="group" aria-label="Layout">
      <Toggle panel="palette" />
      <Toggle panel="dock" />
      <Toggle panel="inspector" />
      <button type="button" className="fl-layout-toggle" data-testid="action-focus" aria-pressed={focus} title={title} aria-label={title} onClick={() => layout.getState().toggleFocus()}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d={ICONS.focus} />
        </svg>
      </button>
    </div>
  );
}
