import type { NodeKind } from '../../../shared/domain/index.ts';
import { NODE_KINDS } from '../../../shared/domain/index.ts';
import { PALETTE_MIME } from '../canvas/useCanvasHandlers.ts';
import { KindIcon } from '../canvas/nodes/icons.tsx';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';

/** The 11 node kinds: drag one onto the canvas, or click (or Enter) to add it in the middle of the view. */
export function Palette({ onAdd, onAddNote }: { onAdd: (kind: NodeKind) => void; onAddNote?: () => void }) {
  return (
    <aside className="fl-palette" aria-label="Node kinds">
      <ul>
        {NODE_KINDS.map((kind) => {
          const config = NODE_REGISTRY[kind];
          return (
            <li
              key={kind}
              data-testid={`palette-${kind}`}
              title={`${config.hint}. Drag onto the canvas, or click to add.`}
              role="button"
              tabIndex={0}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, kind);
                e.dataTransfer.setData('text/plain', kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(kind)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  e.stopPropagation();
                  onAdd(kind);
                }
              }}
            >
              <span className="fl-palette-icon" style={{ color: config.color }}>
                <KindIcon kind={kind} />
              </span>
              <span className="fl-palette-text">
                <span className="fl-palette-name">{config.label}</span>
                <span className="fl-palette-hint">{config.hint}</span>
              </span>
            </li>
          );
        })}
        {onAddNote && <NoteItem onAdd={onAddNote} />}
      </ul>
      <p className="fl-palette-tip">
        Press <kbd>N</kbd> to add by name, <kbd>?</kbd> for every shortcut.
      </p>
    </aside>
  );
}

/** A sticky note for the room's remarks (S): free text on the canvas, no part in the simulation. */
function NoteItem({ onAdd }: { onAdd: () => void }) {
  return (
    <li
      data-testid="palette-note"
      className="fl-palette-note"
      title="A sticky note: free text on the canvas, printed in the report. Click, Enter or S to add."
      role="button"
      tabIndex={0}
      onClick={onAdd}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          onAdd();
        }
      }}
    >
      <span className="fl-palette-icon" aria-hidden="true">
        <svg width="20" height="20" viewBox="0 0 20 20">
          <path d="M3 3h14v9l-5 5H3z" fill="#fff3a8" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M12 17v-5h5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
      </span>
      <span className="fl-palette-text">
        <span className="fl-palette-name">Sticky note</span>
        <span className="fl-palette-hint">The room's remarks, on the canvas (S)</span>
      </span>
    </li>
  );
}
