/** Page chrome (running header, page numbers) and the building blocks every section uses: headings, tables, lists. */
import { Page, Text, View } from '@react-pdf/renderer';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { ReportMeta } from '../../../../shared/report/types.ts';
import { DIAGRAM_MARGINS, PAPER_SIZES, TEXT_MARGINS, landscape } from '../../../../shared/report/page.ts';
import { C, s } from './theme.ts';

export interface Chrome {
  meta: ReportMeta;
  /** The running header's right side: the section the page belongs to. */
  section: string;
}

function Header({ meta, section, left, right }: Chrome & { left: number; right: number }) {
  return (
    <View
      fixed
      style={{
        position: 'absolute',
        top: 22,
        left,
        right,
        flexDirection: 'row',
        justifyContent: 'space-between',
        borderBottomWidth: 0.6,
        borderBottomColor: C.ruleStrong,
        paddingBottom: 4,
        fontSize: 7.5,
        lineHeight: 1.3,
        color: C.muted,
      }}
    >
      <Text style={{ maxWidth: '60%', maxLines: 1, textOverflow: 'ellipsis' }}>{meta.title}</Text>
      <Text style={{ maxWidth: '38%', maxLines: 1, textOverflow: 'ellipsis', textAlign: 'right' }}>{section}</Text>
    </View>
  );
}

/**
 * The page's number and the report's page count, when the report knows them before react-pdf lays it out: every
 * page is planned to print as exactly one page (see renderPdf.tsx). A `render` prop would do the same, but
 * react-pdf lays out every page that has one twice more, which was a third of a big report's time. Null: let
 * react-pdf number the pages.
 */
export interface Folio {
  number: number;
  total: number;
}
export const FolioContext = createContext<Folio | null>(null);

const folioText = ({ number, total }: Folio) => `Page ${number} of ${total}`;

/**
 * Header and footer are placed from the top of the page. Anchored with `bottom`, a `fixed` view sized by its
 * content grows on every page in react-pdf 4.9 until the numbers overflow; given a height, its page number
 * (a `render` text) is dropped.
 */
function Footer({ meta, left, right, pageHeight }: Chrome & { left: number; right: number; pageHeight: number }) {
  const stamp = [meta.generator, meta.modelName, meta.date].filter(Boolean).join(' · ');
  const folio = useContext(FolioContext);
  const numberStyle = { width: 90, textAlign: 'right' } as const;
  return (
    <View
      fixed
      style={{
        position: 'absolute',
        top: pageHeight - 32,
        left,
        right,
        flexDirection: 'row',
        justifyContent: 'space-between',
        fontSize: 7.5,
        lineHeight: 1.3,
        color: C.muted,
      }}
    >
      <Text style={{ maxWidth: '70%', maxLines: 1, textOverflow: 'ellipsis' }}>{stamp}</Text>
      {folio ? (
        <Text style={numberStyle}>{folioText(folio)}</Text>
      ) : (
        <Text style={numberStyle} render={({ pageNumber, totalPages }) => folioText({ number: pageNumber, total: totalPages ?? 0 })} />
      )}
    </View>
  );
}

/** A portrait page that flows onto as many pages as its content needs. */
export function TextPage(props: Chrome & { paper: 'A4' | 'Letter'; children: ReactNode; bookmark?: string }) {
  const m = TEXT_MARGINS;
  return (
    <Page
      size={props.paper === 'Letter' ? 'LETTER' : 'A4'}
      wrap
      style={[s.page, { paddingTop: m.top, paddingBottom: m.bottom, paddingLeft: m.left, paddingRight: m.right }]}
      bookmark={props.bookmark ? { title: props.bookmark, fit: true } : undefined}
    >
      <Header {...props} left={m.left} right={m.right} />
      {props.children}
      <Footer {...props} left={m.left} right={m.right} pageHeight={PAPER_SIZES[props.paper].height} />
    </Page>
  );
}

/** A landscape page whose content is placed absolutely: the diagram geometry is in page points. */
export function LandscapePage(props: Chrome & { paper: 'A4' | 'Letter'; children: ReactNode; bookmark?: string }) {
  const m = DIAGRAM_MARGINS;
  return (
    <Page
      size={props.paper === 'Letter' ? 'LETTER' : 'A4'}
      orientation="landscape"
      style={s.page}
      bookmark={props.bookmark ? { title: props.bookmark, fit: true } : undefined}
    >
      <Header {...props} left={m.left} right={m.right} />
      {props.children}
      <Footer {...props} left={m.left} right={m.right} pageHeight={landscape(props.paper).height} />
    </Page>
  );
}

export function SectionTitle({ number, title }: { number: number | string; title: string }) {
  return (
    <View minPresenceAhead={80}>
      <Text style={s.h1}>
        <Text style={s.h1Number}>{number} </Text>
        {title}
      </Text>
      <View style={s.h1Rule} />
    </View>
  );
}

export function H2({ children }: { children: ReactNode }) {
  return (
    <View minPresenceAhead={60}>
      <Text style={s.h2}>{children}</Text>
    </View>
  );
}

export function H3({ children }: { children: ReactNode }) {
  return (
    <View minPresenceAhead={40}>
      <Text style={s.h3}>{children}</Text>
    </View>
  );
}

export function Bullets({ items, mark = '•' }: { items: readonly ReactNode[]; mark?: string }) {
  return (
    <View style={{ marginBottom: 6 }}>
      {items.map((item, i) => (
        <View key={i} style={s.bullet} wrap={false}>
          <Text style={s.bulletMark}>{mark}</Text>
          <View style={s.bulletText}>{typeof item === 'string' ? <Text>{item}</Text> : item}</View>
        </View>
      ))}
    </View>
  );
}

/** Short tags (framework ids), as inline text with a tinted background. */
export function Chips({ items, empty = '—' }: { items: readonly string[]; empty?: string }) {
  if (items.length === 0) return <Text style={s.muted}>{empty}</Text>;
  return (
    <Text style={{ fontSize: 7, lineHeight: 1.6, color: C.muted }}>
      {items.map((item, i) => (
        <Text key={i}>
          <Text style={{ backgroundColor: '#EEF2F6' }}>{`\u00a0${item}\u00a0`}</Text>
          {i < items.length - 1 ? ' ' : ''}
        </Text>
      ))}
    </Text>
  );
}

export function Stat({ value, label, tone }: { value: string; label: string; tone?: string }) {
  return (
    <View style={{ flex: 1, borderTopWidth: 2, borderTopColor: tone ?? C.ink, paddingTop: 4, marginRight: 8 }}>
      <Text style={{ fontSize: 15, fontWeight: 700, color: tone ?? C.ink, lineHeight: 1.15 }}>{value}</Text>
      <Text style={{ fontSize: 7.5, color: C.muted }}>{label}</Text>
    </View>
  );
}
