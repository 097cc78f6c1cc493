import { FixGlyph } from '../looks.tsx';

/** The badge of a top-3 fix on an edge's label. */
export function FixBadge({ rank }: { rank: number | null }) {
  if (rank === null) return null;
  return (
    <span className="dc-fix-badge is-edge" data-testid="fix-badge" data-rank={rank} title={`Fix ${rank} of the ranked fixes changes this edge`}>
      <FixGlyph size={11} />
      {rank}
    </span>
  );
}
