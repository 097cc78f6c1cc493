/**
 * Tables whose cells are described, not drawn: a cell is a few typed lines (text, bold, small, chips, an effect
 * marker). The same description renders the cell and estimates its height, so long tables can be paginated
 * ahead of react-pdf (see flow.tsx) and every page repeats the header.
 */
import { Text, View } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { Effect } from '../../../../shared/domain/kinds.ts';
import { EFFECT_STYLES } from '../../../../shared/report/style.ts';
import { wrapText } from '../../../../shared/report/text.ts';
import { C } from './theme.ts';
import type { Style } from './theme.ts';

export type CellItem =
  | { kind: 'text' | 'bold' | 'small' | 'id' | 'weak' | 'note'; text: string }
  | { kind: 'chips'; items: readonly string[] }
  | { kind: 'effect'; effect: Effect; text: string }
  /** A horizontal bar for a share, scaled to `max`, with the share as text. */
  | { kind: 'bar'; share: number; max: number; text: string };

export const cellText = (text: string): CellItem => ({ kind: 'text', text });
export const cellBold = (text: string): CellItem => ({ kind: 'bold', text });
export const cellSmall = (text: string): CellItem => ({ kind: 'small', text });

/** Size, line height (× size) and weight of each kind of cell line: one table for drawing and for measuring. */
const METRICS: Record<CellItem['kind'], { size: number; lh: number; bold: boolean; color: string }> = {
  text: { size: 8, lh: 1.35, bold: false, color: C.text },
  bold: { size: 8, lh: 1.35, bold: true, color: C.ink },
  small: { size: 7, lh: 1.35, bold: false, color: C.muted },
  id: { size: 6.5, lh: 1.3, bold: false, color: C.faint },
  weak: { size: 8, lh: 1.35, bold: true, color: C.accent },
  note: { size: 7, lh: 1.35, bold: false, color: C.accent },
  chips: { size: 7, lh: 1.6, bold: false, color: C.muted },
  effect: { size: 8, lh: 1.35, bold: true, color: C.ink },
  bar: { size: 8, lh: 1.35, bold: true, color: C.ink },
};

export interface Column<R> {
  title: string;
  /** Share of the table's width, in percent; the shares of a table add up to 100. */
  width: number;
  align?: 'left' | 'right';
  cell(row: R, index: number): CellItem[];
}

const PAD_X = 4;
const PAD_Y = 3.5;
const HEAD = { size: 6.8, lh: 1.3 };

const style = (kind: CellItem['kind'], align: 'left' | 'right'): Style => {
  const m = METRICS[kind];
  return { fontSize: m.size, lineHeight: m.lh, fontWeight: m.bold ? 700 : 400, color: m.color, textAlign: align };
};

/** Marker shapes as glyphs (from Noto Sans JP) for table cells: one text run instead of a drawing per row. */
const GLYPHS: Record<string, string> = { diamond: '◆', triangle: '▲', circle: '●', square: '■', bar: '━' };

function Span({ item, first, align }: { item: CellItem; first: boolean; align: 'left' | 'right' }) {
  const lead = first ? '' : '\n';
  switch (item.kind) {
    case 'chips':
      if (item.items.length === 0) return <Text style={[style('small', align), { color: C.faint }]}>{`${lead}—`}</Text>;
      // Inline spans, not wrapped boxes: react-pdf fails on flex-wrapped boxes inside rows kept whole.
      return (
        <Text style={style('chips', align)}>
          {lead}
          {item.items.map((t, i) => (
            <Text key={i}>
              <Text style={{ backgroundColor: '#EEF2F6' }}>{`\u00a0${t}\u00a0`}</Text>
              {i < item.items.length - 1 ? ' ' : ''}
            </Text>
          ))}
        </Text>
      );
    case 'effect': {
      const st = EFFECT_STYLES[item.effect];
      return (
        <Text style={style('effect', align)}>
          {lead}
          <Text style={{ color: st.color, fontSize: 7 }}>{GLYPHS[st.shape]}</Text> {item.text}
        </Text>
      );
    }
    case 'bar':
      return null;
    default:
      return <Text style={style(item.kind, align)}>{`${lead}${item.text}`}</Text>;
  }
}

/**
 * A cell: its lines as spans of one text that is itself the cell box (width and padding), which is much lighter
 * for react-pdf than a view per line or a view around the text. A bar needs views; an empty cell is a bare box.
 */
function Cell({ items, align, box }: { items: readonly CellItem[]; align: 'left' | 'right'; box: Style }) {
  const bar = items.find((i): i is Extract<CellItem, { kind: 'bar' }> => i.kind === 'bar');
  if (bar) {
    const width = bar.max > 0 ? Math.max(1.5, (bar.share / bar.max) * 100) : 0;
    return (
      <View style={[box, { flexDirection: 'row', alignItems: 'center' }]}>
        <View style={{ flex: 1, height: 7, backgroundColor: '#F1F5F9', marginRight: 5 }}>
          <View style={{ width: `${width}%`, height: 7, backgroundColor: C.accent }} />
        </View>
        <Text style={[style('bar', 'right'), { width: 34 }]}>{bar.text}</Text>
      </View>
    );
  }
  if (items.length === 0) return <View style={box} />;
  return (
    <Text style={[box, { textAlign: align, fontSize: METRICS[items[0].kind].size, lineHeight: METRICS[items[0].kind].lh }]}>
      {items.map((item, k) => (
        <Span key={k} item={item} first={k === 0} align={align} />
      ))}
    </Text>
  );
}

/** Estimated height of a cell's lines in a column `width` points wide (padding excluded). */
function cellHeight(items: readonly CellItem[], width: number): number {
  let h = 0;
  for (const item of items) {
    const m = METRICS[item.kind];
    const text =
      item.kind === 'chips' ? (item.items.length ? item.items.map((t) => `  ${t}  `).join(' ') : '—') : item.kind === 'bar' ? '' : item.text;
    // react-pdf's line breaking (optimal fit, long words split by fonts.ts) can take a line more than a greedy
    // wrap at full width: measure a little narrower so a planned page never runs over.
    const w = (item.kind === 'effect' ? width - 10 : width) * 0.94;
    h += Math.max(1, wrapText(text, w, m.size, Infinity, m.bold).length) * m.size * m.lh;
  }
  return h;
}

export interface TableParts {
  head: { node: ReactElement; height: number };
  rows: { node: ReactElement; height: number }[];
}

/** The header and each row as separate pieces with their estimated heights, for a table `width` points wide. */
export function tableParts<R>(columns: readonly Column<R>[], rows: readonly R[], width: number, key: string): TableParts {
  const cellStyle = (c: Column<R>): Style => ({ width: `${c.width}%`, paddingVertical: PAD_Y, paddingHorizontal: PAD_X });
  const inner = (c: Column<R>) => (c.width / 100) * width - 2 * PAD_X;
  const headHeight =
    1 + 0.6 + 2 * PAD_Y + Math.max(...columns.map((c) => wrapText(c.title.toUpperCase(), inner(c), HEAD.size, Infinity, true).length)) * HEAD.size * HEAD.lh;
  const head = (
    <View
      key={`${key}:head`}
      wrap={false}
      style={{ flexDirection: 'row', borderTopWidth: 1, borderTopColor: C.ink, borderBottomWidth: 0.6, borderBottomColor: C.ruleStrong }}
    >
      {columns.map((c, i) => (
        <Text
          key={i}
          hyphenationCallback={(w) => [w]}
          style={[cellStyle(c), { fontSize: HEAD.size, lineHeight: HEAD.lh, fontWeight: 700, color: C.muted, letterSpacing: 0.4, textAlign: c.align ?? 'left' }]}
        >
          {c.title.toUpperCase()}
        </Text>
      ))}
    </View>
  );
  const boxes = columns.map(cellStyle);
  const parts = rows.map((r, ri) => {
    const cells = columns.map((c) => c.cell(r, ri));
    const height = 0.4 + 2 * PAD_Y + Math.max(...cells.map((items, ci) => cellHeight(items, inner(columns[ci]))));
    const node = (
      <View
        key={`${key}:${ri}`}
        wrap={false}
        style={{ flexDirection: 'row', borderBottomWidth: 0.4, borderBottomColor: C.rule, backgroundColor: ri % 2 === 1 ? '#FAFBFC' : '#FFFFFF' }}
      >
        {columns.map((c, ci) => (
          <Cell key={ci} items={cells[ci]} align={c.align ?? 'left'} box={boxes[ci]} />
        ))}
      </View>
    );
    return { node, height };
  });
  return { head: { node: head, height: headHeight }, rows: parts };
}

/** A short table inside a flowing page: react-pdf paginates it (fine for a few dozen rows). */
export function Table<R>({ columns, rows, width }: { columns: readonly Column<R>[]; rows: readonly R[]; width: number }) {
  const parts = tableParts(columns, rows, width, 't');
  return (
    <View style={{ marginBottom: 10 }}>
      <View minPresenceAhead={40}>{parts.head.node}</View>
      {parts.rows.map((p) => p.node)}
    </View>
  );
}
