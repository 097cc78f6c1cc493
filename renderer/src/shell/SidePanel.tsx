/** A side panel of the editor (palette, inspector): a head with its fold button, its body, a resizable edge. */
import type { ReactNode } from 'react';
import type { Panel } from './layout.ts';
import { useLayout, useLayoutApi } from './layoutContext.tsx';
import { PanelResizer } from './PanelResizer.tsx';

export function SidePanel({ panel, side, title, children }: { panel: Panel; side: 'left' | 'right'; title: string; children: ReactNode }) {
  const size = useLayout((s) => s[panel].size);
  const layout = useLayoutApi();
  const fold = `Hide the ${panel} (its button in the top bar brings it back)`;
  return (
    <div className={`fl-side is-${side}`} style={{ width: size }} data-testid={`panel-${panel}`}>
      <div className="fl-side-head">
        <h2>{title}</h2>
        <button type="button" className="fl-side-fold" data-testid={`fold-${panel}`} title={fold} aria-label={fold} onClick={() => layout.getState().setOpen(panel, false)}>
          {side === 'left' ? '«' : '»'}
        </button>
      </div>
      <div className="fl-side-body">{children}</div>
      <PanelResizer panel={panel} size={size} grows={side === 'left' ? 'right' : 'left'} onResize={(n) => layout.getState().resize(panel, n)} />
    </div>
  );
}
