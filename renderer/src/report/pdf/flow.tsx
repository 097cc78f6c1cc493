/**
 * Pagination ahead of react-pdf for the long sections (inventories, impacts, findings).
 *
 * react-pdf lays out what is left of a flowing page again after every page break, so a 40-page table costs
 * 40 × its length: a 300-node report took minutes. Here a section is a list of blocks with estimated heights
 * (conservative: the text measure runs a little wide), packed into pages; each page is its own react-pdf page,
 * which then has one page of content to lay out. Rows are never split, headings stay with what follows, and a
 * table continued on a new page repeats its header. Should an estimate fall short, react-pdf still wraps the
 * overflow onto another page: nothing is ever cut.
 */
import { Text, View } from '@react-pdf/renderer';
import type { ReactElement, ReactNode } from 'react';
import type { Paper } from '../../../../shared/report/page.ts';
import { PAPER_SIZES, TEXT_MARGINS } from '../../../../shared/report/page.ts';
import { wrapText } from '../../../../shared/report/text.ts';
import type { Chrome } from './layout.tsx';
import { SectionTitle, TextPage } from './layout.tsx';
import type { Column } from './table.tsx';
import { tableParts } from './table.tsx';
import { C, s } from './theme.ts';
import type { Style } from './theme.ts';

export interface Block {
  node: ReactElement;
  height: number;
  /** Never the last block on a page (headings, table headers). */
  keepWithNext?: boolean;
  /** A table row: a page that starts with it starts with this header. */
  head?: { node: ReactElement; height: number };
}

export const contentWidth = (paper: Paper) => PAPER_SIZES[paper].width - TEXT_MARGINS.left - TEXT_MARGINS.right;
/** Room on a page, less a margin for the estimates. */
export const pageRoom = (paper: Paper) => (PAPER_SIZES[paper].height - TEXT_MARGINS.top - TEXT_MARGINS.bottom) * 0.96;

export function paginate(blocks: readonly Block[], room: number): Block[][] {
  const pages: Block[][] = [[]];
  let used = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    let need = b.height;
    for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j++) need += blocks[j + 1].height;
    if (used > 0 && used + need > room) {
      pages.push([]);
      used = 0;
      if (b.head) {
        pages[pages.length - 1].push({ node: b.head.node, height: b.head.height });
        used += b.head.height;
      }
    }
    pages[pages.length - 1].push(b);
    used += b.height;
  }
  return pages.filter((p) => p.length > 0);
}

let keys = 0;
const key = () => `b${keys++}`;

function textHeight(text: string, width: number, size: number, lh: number, bold = false): number {
  return Math.max(1, wrapText(text, width, size, Infinity, bold).length) * size * lh;
}

export const blocks = {
  title(number: number | string, title: string): Block {
    return { node: <SectionTitle key={key()} number={number} title={title} />, height: 20 * 1.2 + 22, keepWithNext: true };
  },
  h2(text: string, width: number): Block {
    return {
      node: (
        <Text key={key()} style={s.h2}>
          {text}
        </Text>
      ),
      height: textHeight(text, width, 13, 1.25, true) + 22,
      keepWithNext: true,
    };
  },
  paragraph(text: string, width: number, look: { size?: number; lh?: number; color?: string; gap?: number } = {}): Block {
    const size = look.size ?? 9;
    const lh = look.lh ?? 1.42;
    const gap = look.gap ?? 5;
    const style: Style = { fontSize: size, lineHeight: lh, color: look.color ?? C.text, marginBottom: gap };
    return {
      node: (
        <Text key={key()} style={style}>
          {text}
        </Text>
      ),
      height: textHeight(text, width, size, lh) + gap,
    };
  },
  /** Anything drawn elsewhere, with its height. */
  custom(node: ReactNode, height: number, keepWithNext = false): Block {
    return { node: <View key={key()}>{node}</View>, height, keepWithNext };
  },
  table<R>(columns: readonly Column<R>[], rows: readonly R[], width: number): Block[] {
    const parts = tableParts(columns, rows, width, key());
    const head = parts.head;
    const spacer: Block = { node: <View key={key()} style={{ height: 10 }} />, height: 10 };
    return [{ ...head, keepWithNext: true }, ...parts.rows.map((r) => ({ ...r, head })), spacer];
  },
};

/** The blocks as pages, each with the running header and page number. */
export function flowPages(chrome: Chrome, paper: Paper, items: readonly Block[], bookmark?: string): ReactElement[] {
  return paginate(items, pageRoom(paper)).map((page, i) => (
    <TextPage key={`${chrome.section}:${i}`} {...chrome} paper={paper} bookmark={i === 0 ? bookmark : undefined}>
      {page.map((b) => b.node)}
    </TextPage>
  ));
}
