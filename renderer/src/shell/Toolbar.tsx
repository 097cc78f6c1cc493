import { useLayoutEffect, useRef, useState } from 'react';
import type { AlignMode } from '../editor/geometry.ts';
import type { EditorActions } from '../editor/useEditorActions.ts';
import { useModelStore, useUiStore, useUiStoreApi } from '../store/context.tsx';
import type { ToolbarIconName } from './toolbarIcons.tsx';
import { ToolbarIcon } from './toolbarIcons.tsx';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function Action({
  name,
  icon,
  title,
  onClick,
  disabled,
  pressed,
}: {
  name: string;
  icon: ToolbarIconName;
  title: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className="fl-tool"
      data-testid={`action-${name}`}
      title={title}
      aria-label={title}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      <ToolbarIcon name={icon} />
    </button>
  );
}

const ALIGN: { mode: AlignMode; title: string }[] = [
  { mode: 'align-left', title: 'Align left edges' },
  { mode: 'align-center', title: 'Align centres horizontally' },
  { mode: 'align-right', title: 'Align right edges' },
  { mode: 'align-top', title: 'Align top edges' },
  { mode: 'align-middle', title: 'Align centres vertically' },
  { mode: 'align-bottom', title: 'Align bottom edges' },
  { mode: 'distribute-horizontal', title: 'Distribute horizontally (3 or more)' },
  { mode: 'distribute-vertical', title: 'Distribute vertically (3 or more)' },
];

/** Below this canvas width the eight align buttons fold into one "Arrange" menu. */
const FOLD_BELOW = 880;

/** True while the element's parent (the canvas) is narrower than `px`. */
function useNarrow(px: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const check = () => setNarrow(parent.clientWidth < px);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(parent);
    return () => observer.disconnect();
  }, [px]);
  return [ref, narrow] as const;
}

/**
 * The editor's actions, each a button with a stable `action-<name>` test id and its shortcut in the
 * tooltip. It floats over the top of the canvas, so the canvas gets the window's height; a framed model
 * starts below it (canvas/fit.ts).
 */
export function Toolbar({ actions }: { actions: EditorActions }) {
  const [ref, narrow] = useNarrow(FOLD_BELOW);
  const [arrange, setArrange] = useState(false);
  const canUndo = useModelStore((s) => s.canUndo);
  const canRedo = useModelStore((s) => s.canRedo);
  const selectedNodes = useModelStore((s) => s.selection.nodes.length);
  const anything = useModelStore(
    (s) => s.selection.nodes.length + s.selection.edges.length + s.selection.boundaries.length > 0,
  );
  const copyable = useModelStore((s) => s.selection.nodes.length + s.selection.boundaries.length > 0);
  const empty = useModelStore((s) => s.model.nodes.length === 0);
  const drawing = useUiStore((s) => s.tool === 'boundary');
  const boxSelect = useUiStore((s) => s.boxSelect);
  const ui = useUiStoreApi();
  // The same buttons inline, or in the folded menu of a narrow toolbar.
  const alignButtons = ALIGN.map(({ mode, title }) => (
    <Action
      key={mode}
      name={mode}
      icon={mode}
      title={title}
      onClick={() => actions.align(mode)}
      disabled={selectedNodes < (mode.startsWith('distribute') ? 3 : 2)}
    />
  ));

  return (
    <div className="fl-toolbar" role="toolbar" aria-label="Editing" ref={ref}>
      <Action name="undo" icon="undo" title={`Undo (${mod}Z)`} onClick={actions.undo} disabled={!canUndo} />
      <Action name="redo" icon="redo" title={`Redo (${mod}Shift+Z)`} onClick={actions.redo} disabled={!canRedo} />
      <span className="fl-tool-sep" />
      <Action name="add" icon="add" title="Add a node by name (N)" onClick={() => actions.openOverlay('quick-add')} />
      <Action
        name="select-mode"
        icon="select"
        title="Selection mode: drag on the canvas to select a box (else Shift+drag)"
        onClick={() => ui.getState().setBoxSelect(!boxSelect)}
        pressed={boxSelect}
      />
      <Action
        name="boundary"
        icon="boundary"
        title="Draw a trust boundary (B)"
        onClick={actions.startBoundary}
        pressed={drawing}
      />
      <span className="fl-tool-sep" />
      <Action
        name="copy"
        icon="copy"
        title={`Copy (${mod}C)`}
        onClick={() => void actions.copy()}
        disabled={!copyable}
      />
      <Action name="paste" icon="paste" title={`Paste (${mod}V)`} onClick={() => void actions.pasteFromClipboard()} />
      <Action
        name="duplicate"
        icon="duplicate"
        title={`Duplicate (${mod}D)`}
        onClick={actions.duplicate}
        disabled={!copyable}
      />
      <Action name="delete" icon="delete" title="Delete (Del)" onClick={actions.deleteSelection} disabled={!anything} />
      <span className="fl-tool-sep" />
      {narrow ? (
        <span className="fl-tool-fold">
          <Action
            name="arrange"
            icon="align-left"
            title="Align and distribute…"
            onClick={() => setArrange(!arrange)}
            pressed={arrange}
          />
          {arrange && (
            <span className="fl-tool-menu" role="group" aria-label="Align and distribute">
              {alignButtons}
            </span>
          )}
        </span>
      ) : (
        alignButtons
      )}
      <span className="fl-tool-sep" />
      <Action
        name="layout"
        icon="layout"
        title="Auto-layout, left to right (L)"
        onClick={() => void actions.layout()}
        disabled={empty}
      />
      <Action name="fit" icon="fit" title="Fit the model in view (F)" onClick={actions.fit} />
      <Action
        name="search"
        icon="search"
        title={`Find a node (${mod}F)`}
        onClick={() => actions.openOverlay('search')}
      />
      <Action
        name="shortcuts"
        icon="shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => actions.openOverlay('shortcuts')}
      />
    </div>
  );
}
