import { useModelStore } from '../store/context.tsx';

export function StatusBar() {
  const nodes = useModelStore((s) => s.model.nodes.length);
  const edges = useModelStore((s) => s.model.edges.length);
  const fileName = useModelStore((s) => s.fileName);
  const dirty = useModelStore((s) => s.dirty);
  return (
    <footer className="fl-statusbar" data-testid="status-bar">
      <span data-testid="status-file">{fileName ?? 'Not saved to a file'}</span>
      <span data-testid="status-dirty">{dirty ? 'Unsaved changes' : 'No unsaved changes'}</span>
      <span className="fl-spacer" />
      <span data-testid="status-counts">
        {nodes} nodes · {edges} edges
      </span>
    </footer>
  );
}
