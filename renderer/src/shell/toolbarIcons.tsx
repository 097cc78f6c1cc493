/** Stroke icons for the editor toolbar, on the same 24-unit grid as the kind icons. */
import { StrokeIcon } from '../canvas/nodes/icons.tsx';

const PATHS = {
  undo: ['M9 14L4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['M15 14l5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  boundary: ['M4 7V4h3', 'M17 4h3v3', 'M20 17v3h-3', 'M7 20H4v-3', 'M10 4h4', 'M10 20h4', 'M4 10v4', 'M20 10v4'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  paste: ['M9 4h6v3H9z', 'M15 5h3v15H6V5h3'],
  duplicate: ['M8 8h12v12H8z', 'M4 16V4h12', 'M14 11v6', 'M11 14h6'],
  delete: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  'align-left': ['M4 4v16', 'M8 7h10v4H8z', 'M8 14h6v4H8z'],
  'align-center': ['M12 4v16', 'M6 7h12v4H6z', 'M8 14h8v4H8z'],
  'align-right': ['M20 4v16', 'M6 7h10v4H6z', 'M10 14h6v4h-6z'],
  'align-top': ['M4 4h16', 'M7 8h4v10H7z', 'M14 8h4v6h-4z'],
  'align-middle': ['M4 12h16', 'M7 6h4v12H7z', 'M14 8h4v8h-4z'],
  'align-bottom': ['M4 20h16', 'M7 6h4v10H7z', 'M14 10h4v6h-4z'],
  'distribute-horizontal': ['M4 4v16', 'M20 4v16', 'M10 8h4v8h-4z'],
  'distribute-vertical': ['M4 4h16', 'M4 20h16', 'M8 10h8v4H8z'],
  layout: [
    'M3 5h5v4H3z',
    'M16 3h5v4h-5z',
    'M16 11h5v4h-5z',
    'M16 19h5v2h-5z',
    'M8 7h4v-2h4',
    'M12 7v6h4',
    'M12 13v7h4',
  ],
  fit: ['M4 9V4h5', 'M15 4h5v5', 'M20 15v5h-5', 'M9 20H4v-5', 'M9 9h6v6H9z'],
  search: ['M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M15.5 15.5L20 20'],
  shortcuts: ['M3 6h18v12H3z', 'M7 10h.01', 'M11 10h.01', 'M15 10h.01', 'M8 14h8'],
  add: ['M12 5v14', 'M5 12h14'],
  select: ['M4 4l6 15 2-6 6-2z', 'M14 14l5 5'],
} as const;

export type ToolbarIconName = keyof typeof PATHS;

export function ToolbarIcon({ name, size = 17 }: { name: ToolbarIconName; size?: number }) {
  return <StrokeIcon paths={PATHS[name]} size={size} />;
}
