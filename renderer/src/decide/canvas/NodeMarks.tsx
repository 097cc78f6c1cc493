/**
 * The decision tools' marks on one canvas node: the badge of a top-3 fix, the comparison mark (shape,
 * colour, word) and the share of Monte Carlo runs that reach it. Drawn by KindNode beside the blast-radius
 * tags; nothing when the node has none.
 */
import { formatPercent } from '../../../../shared/format.ts';
import type { DecideNodeMarks } from '../context.tsx';
import { DIFF_LOOK, DiffShape, FixGlyph } from '../looks.tsx';

export function DecideNodeDecor({ marks }: { marks: DecideNodeMarks }) {
  const { fixRank, diff, share } = marks;
  if (fixRank === null && diff === null && share === null) return null;
  return (
    <>
      {fixRank !== null && (
        <span className="dc-fix-badge" data-testid="fix-badge" data-rank={fixRank} title={`Fix ${fixRank} of the ranked fixes changes this node`}>
          <FixGlyph />
          {fixRank}
        </span>
      )}
      {diff !== null && (
        <span className={`dc-diff-tag dc-diff-${diff}`} data-testid="diff-mark" data-diff={diff} title={`${DIFF_LOOK[diff].title}: ${DIFF_LOOK[diff].meaning}`}>
          <DiffShape mark={diff} size={14} />
          <span className="dc-diff-word">{DIFF_LOOK[diff].title}</span>
        </span>
      )}
      {share !== null && (
        <span className="lk-tag" data-testid="likelihood-share" data-share={share} title={`Reached in ${formatPercent(share)} of the runs`}>
          {formatPercent(share)}
        </span>
      )}
    </>
  );
}
