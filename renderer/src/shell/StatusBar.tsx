import { plural } from '../../../shared/format.ts';
import { SaveStatusBadge } from '../library/SaveStatusBadge.tsx';
import { useLibraryUi } from '../library/LibraryShell.tsx';
import { useModelStore } from '../store/context.tsx';

export function StatusBar() {
  const nodes = useModelStore((s) => s.model.nodes.length);
  const edges = useModelStore((s) => s.model.edges.length);
  const fileName = useModelStore((s) => s.fileName);
  const dirty = useModelStore((s) => s.dirty);
  const { status } = useLibraryUi();
  return (
    <footer className="fl-statusbar" data-testid="status-bar">
      <span data-testid="status-file">{fileName ?? 'Not saved to a file'}</span>
      <SaveStatusBadge status={status} />
      <span data-testid="status-dirty" title="Compared with the file it was opened from or saved to">
        {fileName ? (dirty ? 'Changed since the file was last saved' : 'Same as the file') : 'Kept in the library (Save writes a file)'}
      </span>
      <span className="fl-spacer" />
      <span data-testid="status-counts">
        {plural(nodes, 'node')} · {plural(edges, 'edge')}
      </span>
    </footer>
  );
}
