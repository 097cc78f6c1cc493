import { NODE_KINDS } from '../../../shared/domain/kinds.ts';
import { KindIcon } from '../canvas/nodes/icons.tsx';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';

export function Palette() {
  return (
    <aside className="fl-palette" aria-label="Node kinds">
      <h2>Kinds</h2>
      <ul>
        {NODE_KINDS.map((kind) => {
          const config = NODE_REGISTRY[kind];
          return (
            <li key={kind} data-testid={`palette-${kind}`} title={config.hint}>
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
      </ul>
    </aside>
  );
}
