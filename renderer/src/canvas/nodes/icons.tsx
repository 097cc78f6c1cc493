/** One stroke icon per node kind, drawn on a 24-unit grid so they read at 16 px and at 48 px. */
import type { NodeKind } from '../../../../shared/domain/index.ts';

const PATHS: Record<NodeKind, string[]> = {
  service: ['M4 5h16v5H4z', 'M4 14h16v5H4z', 'M8 7.5h.01', 'M8 16.5h.01'],
  agent: [
    'M7 8h10a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z',
    'M12 4v4',
    'M9.5 13h.01',
    'M14.5 13h.01',
    'M10 16h4',
  ],
  tool: ['M14.5 6.5a4 4 0 0 0-5.2 5.2L4 17l3 3 5.3-5.3a4 4 0 0 0 5.2-5.2l-2.5 2.5-2.5-.5-.5-2.5z'],
  pipeline: ['M4 12h4', 'M16 12h4', 'M8 8h8v8H8z', 'M12 4v4', 'M12 16v4'],
  person: ['M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21a8 8 0 0 1 16 0'],
  identity: ['M3 6h18v12H3z', 'M9 13a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M6 16a3 3 0 0 1 6 0', 'M14 10h4', 'M14 14h3'],
  secret: ['M15 9a3 3 0 1 0 0-.01', 'M12.9 11.1 4 20', 'M7 17l2 2', 'M5 19l1.5 1.5'],
  issuer: ['M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z', 'M9 12l2 2 4-4'],
  datastore: [
    'M12 3c4.4 0 8 1.3 8 3s-3.6 3-8 3-8-1.3-8-3 3.6-3 8-3z',
    'M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6',
    'M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  ],
  location: ['M6 3h9l4 4v14H6z', 'M14 3v5h5', 'M9 12h7', 'M9 16h5'],
  dependency: ['M12 3l8 4.5v9L12 21l-8-4.5v-9z', 'M12 12l8-4.5', 'M12 12v9', 'M12 12L4 7.5'],
};

/** A decorative stroke icon on the 24-unit grid, in the current text colour: kinds and the toolbar share it. */
export function StrokeIcon({ paths, size }: { paths: readonly string[]; size: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export function KindIcon({ kind, size = 18 }: { kind: NodeKind; size?: number }) {
  return <StrokeIcon paths={PATHS[kind]} size={size} />;
}
