/** 2. The model: what is in it, the inventories of secrets, identities, agents and tools. Diagrams are pages of their own. */
import { Text, View } from '@react-pdf/renderer';
import { formatDays, formatHours } from '../../../../shared/report/format.ts';
import type { AgentRow, IdentityRow, ModelSection, SecretRow, ToolRow } from '../../../../shared/report/types.ts';
import type { Block } from './flow.tsx';
import { blocks } from './flow.tsx';
import type { CellItem, Column } from './table.tsx';
import { cellText } from './table.tsx';
import { C, s } from './theme.ts';

/** A value that is a weakness (never rotated, no owner) stands out. */
const weak = (text: string): CellItem => ({ kind: 'weak', text });
const owner = (o: string): CellItem => (o ? cellText(o) : weak('none'));
const name = (label: string, id: string): CellItem[] =>
  label !== id ? [{ kind: 'bold', text: label }, { kind: 'id', text: id }] : [{ kind: 'bold', text: label }];
const chips = (items: readonly string[]): CellItem => ({ kind: 'chips', items });

const secretColumns: Column<SecretRow>[] = [
  { title: 'Secret', width: 19, cell: (r) => name(r.label, r.id) },
  { title: 'Type', width: 11, cell: (r) => [cellText(r.secretType)] },
  { title: 'TTL', width: 8, cell: (r) => [r.ttlHours === null ? weak('never') : cellText(formatHours(r.ttlHours))] },
  { title: 'Rotation', width: 9, cell: (r) => [r.rotationDays === null ? weak('never') : cellText(formatDays(r.rotationDays))] },
  { title: 'Bound', width: 7, cell: (r) => [cellText(r.bound ? 'yes' : 'no')] },
  { title: 'Owner', width: 12, cell: (r) => [owner(r.owner)] },
  { title: 'Expiry', width: 12, cell: (r) => [cellText(r.expiresAt ?? (r.autoRenew ? 'auto-renews' : '—'))] },
  {
    title: 'Held by / stored in',
    width: 22,
    cell: (r) => [chips(r.holders), ...(r.storedIn.length ? [{ kind: 'note' as const, text: `in ${r.storedIn.join(', ')}` }] : [])],
  },
];

const identityColumns: Column<IdentityRow>[] = [
  { title: 'Identity', width: 22, cell: (r) => name(r.label, r.id) },
  { title: 'Owner', width: 13, cell: (r) => [owner(r.owner)] },
  { title: 'Env', width: 8, cell: (r) => [cellText(r.environment)] },
  { title: 'Last reviewed', width: 12, cell: (r) => [r.lastReviewed ? cellText(r.lastReviewed) : weak('never')] },
  { title: 'Used by', width: 22, cell: (r) => [chips(r.usedBy)] },
  { title: 'Grants', width: 23, cell: (r) => [chips(r.grants)] },
];

const agentColumns: Column<AgentRow>[] = [
  { title: 'Agent', width: 22, cell: (r) => name(r.label, r.id) },
  { title: 'Autonomy', width: 11, cell: (r) => [cellText(r.autonomy)] },
  { title: 'Owner', width: 13, cell: (r) => [owner(r.owner)] },
  { title: 'Tools', width: 31, cell: (r) => [chips(r.tools)] },
  { title: 'Instructed by', width: 23, cell: (r) => [chips(r.instructedBy)] },
];

const toolColumns: Column<ToolRow>[] = [
  { title: 'Tool', width: 24, cell: (r) => name(r.label, r.id) },
  { title: 'Capabilities', width: 24, cell: (r) => [chips(r.capabilities)] },
  { title: 'Owner', width: 16, cell: (r) => [owner(r.owner)] },
  { title: 'Invoked by', width: 36, cell: (r) => [chips(r.invokedBy)] },
];

function KindCounts({ section }: { section: ModelSection }) {
  return (
    <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginTop: 2 }}>
      {section.kinds.map((k) => (
        <View key={k.kind} style={{ width: '20%', height: 32, marginBottom: 4 }}>
          <Text style={{ fontSize: 13, fontWeight: 700, color: C.ink, lineHeight: 1.2 }}>{k.count}</Text>
          <Text style={[s.small, { lineHeight: 1.3 }]}>{k.label}</Text>
        </View>
      ))}
    </View>
  );
}

export function modelBlocks(section: ModelSection, width: number): Block[] {
  const out: Block[] = [];
  if (section.description) out.push(blocks.paragraph(section.description, width, { size: 10, lh: 1.45, gap: 8 }));
  out.push(blocks.custom(<KindCounts section={section} />, Math.ceil(section.kinds.length / 5) * 36 + 4));
  out.push(
    blocks.paragraph(
      `${
        section.monitored
          ? `${section.monitored} node${section.monitored === 1 ? ' is' : 's are'} monitored: a break that reaches one is detected.`
          : 'No node is monitored: no break in this model is ever detected.'
      } ${
        section.diagrams.length > 1
          ? `The diagram follows this section as an overview and ${section.diagrams.length - 1} close-up pages.`
          : 'The diagram follows this section.'
      }`,
      width,
    ),
  );
  if (section.boundaries.length) {
    out.push(
      blocks.paragraph(
        `Trust boundaries: ${section.boundaries.map((b) => `${b.label} (${b.environment}, ${b.nodes} nodes)`).join('; ')}.`,
        width,
      ),
    );
  }
  out.push(blocks.h2('Secrets', width));
  out.push(...(section.secrets.length ? blocks.table(secretColumns, section.secrets, width) : [blocks.paragraph('No secrets in the model.', width, { color: C.muted })]));
  out.push(blocks.h2('Identities', width));
  out.push(
    ...(section.identities.length
      ? blocks.table(identityColumns, section.identities, width)
      : [blocks.paragraph('No identities in the model.', width, { color: C.muted })]),
  );
  out.push(blocks.h2('Agents and tools', width));
  if (section.agents.length) out.push(...blocks.table(agentColumns, section.agents, width));
  if (section.tools.length) out.push(...blocks.table(toolColumns, section.tools, width));
  if (!section.agents.length && !section.tools.length) out.push(blocks.paragraph('No agents or tools in the model.', width, { color: C.muted }));
  return out;
}
