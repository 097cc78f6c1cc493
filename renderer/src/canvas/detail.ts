/**
 * Semantic zoom: how nodes are drawn at the current zoom, decided once for the whole canvas (one store
 * subscription, not one per node).
 *
 * Text stays readable at any zoom: while a node is drawn as a card its label is at least `target` pixels
 * on screen (11 in the editor, 18 in presentation mode, for the back of a room). As the zoom drops the
 * label grows in model units and the card drops details to make room for it: first the kind line and the
 * chips, then the icon. Label sizes come from a short ladder, so nodes are laid out again a handful of
 * times over the whole zoom range, never on every wheel step. Below the last rung (the largest label a
 * card can hold with its words whole) a node is a block: a large model draws it without text, as one
 * overview picture; a small one keeps its label at the last rung's size, which is then under the target
 * (at 1280×720 with every panel open, a 30-node model fits only at such a zoom: fold a panel, or present).
 *
 * Edge labels grow the same way (edgePx) and show while nodes are cards, where there is room for them
 * (canvas/decor.ts); on a large model only from 0.7, where there are few enough in view.
 */
import { createContext, useContext } from 'react';
import type { ReactFlowState } from '@xyflow/react';

/** What a large model's node component renders (a small model always renders everything; CSS hides). */
export type Detail = 'full' | 'simple' | 'far';
/** What a card shows: everything; icon and label; the label alone; a block (below the ladder). */
type CardLevel = 'full' | 'compact' | 'label' | 'block';

export const EDIT_LABEL_PX = 11;
export const PRESENT_LABEL_PX = 18;


type Ladder = readonly { labelPx: number; card: Exclude<CardLevel, 'block'> }[];

/**
 * Label sizes in model px, smallest first, and what the card shows around each. A 184 px card holds a
 * ten-letter word on a line up to about 25 px: that is the editor's last rung. Presentation mode widens the
 * cards (present/stretch.ts), so its labels go on growing.
 */
const EDIT_LADDER: Ladder = [
  { labelPx: 15, card: 'full' },
  { labelPx: 18.5, card: 'compact' },
  { labelPx: 24.5, card: 'label' },
];
const PRESENT_LADDER: Ladder = [...EDIT_LADDER, { labelPx: 30, card: 'label' }, { labelPx: 36, card: 'label' }, { labelPx: 42, card: 'label' }, { labelPx: 48, card: 'label' }];
const ladderFor = (target: number): Ladder => (target >= PRESENT_LABEL_PX ? PRESENT_LADDER : EDIT_LADDER);

export interface Band {
  /** Rung of the ladder (LADDER.length: below it). Changes only when the zoom crosses a rung. */
  index: number;
  card: CardLevel;
  /** Label font size in model px. */
  labelPx: number;
  /** Effect and break tags, in model px: a little smaller than labels, same rule. */
  tagPx: number;
  /** Edge labels, in model px: smaller again (they name the kind of a line, not a thing). */
  edgePx: number;
}

/** The band at a rung of the ladder for `target` (past the last rung: a block). */
export function bandAt(index: number, target: number): Band {
  const ladder = ladderFor(target);
  const rung = ladder[Math.min(index, ladder.length - 1)];
  const tagPx = Math.max(12, Math.round(rung.labelPx * 0.8 * 2) / 2);
  const edgePx = Math.max(10.5, Math.round(rung.labelPx * 0.75 * 2) / 2);
  return { index, card: index >= ladder.length ? 'block' : rung.card, labelPx: rung.labelPx, tagPx, edgePx };
}

/** The band of a zoom for a label target in screen px: the smallest label that is `target` px on screen. */
export function bandOf(zoom: number, target: number): Band {
  const ladder = ladderFor(target);
  const index = ladder.findIndex((r) => r.labelPx * zoom >= target - 1e-9);
  return bandAt(index < 0 ? ladder.length : index, target);
}

/** The lowest zoom at which labels still meet `target` (below it nodes are blocks). */
export const lowestReadableZoom = (target: number) => target / ladderFor(target).at(-1)!.labelPx;

/** The band index only (what the canvas subscribes to). */
export const bandIndexOf = (target: number) => (s: ReactFlowState) => bandOf(s.transform[2], target).index;

/** What a large model renders at a band. */
export function detailOfBand(band: Band): Detail {
  return band.card === 'full' ? 'full' : band.card === 'block' ? 'far' : 'simple';
}

/** A large model's level of detail at the current zoom, in the editor (SpreadOverview and the canvas). */
export const detailOf = (s: ReactFlowState): Detail => detailOfBand(bandOf(s.transform[2], EDIT_LABEL_PX));

/** A large model's edge labels show from this zoom up (10.5 px text is 7 px on screen there). */
export const labelsShown = (s: ReactFlowState): boolean => s.transform[2] >= 0.7;

/**
 * `short`: a card that shows the label alone shows it shortened (labelText.ts: no trailing parenthesis, a
 * long path's last parts); the whole label stays in its tooltip.
 */
export const DetailContext = createContext<{ detail: Detail; labels: boolean; short: boolean }>({ detail: 'full', labels: true, short: false });

export const useDetail = () => useContext(DetailContext);
