/** 2. The model: what is in it, the inventories of secrets, identities, agents and tools. Diagrams follow on their own pages. */
import type { AgentRow, IdentityRow, ModelSection, SecretRow, ToolRow } from '../index.ts';
import { formatDays, formatHours } from '../index.ts';
import type { CellItem, Column } from './table.ts';
import { cellText, table } from './table.ts';
import { C, T } from './theme.ts';
import type { Writer } from './writer.ts';

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

function kindCounts(w: Writer, section: ModelSection): void {
  const colW = w.width / 5;
  for (let i = 0; i < section.kinds.length; i += 5) {
    w.ensure(36);
    section.kinds.slice(i, i + 5).forEach((k, j) => {
      const x = w.left + j * colW;
      w.textAt(String(k.count), x, w.y, colW, { size: 13, bold: true, color: C.ink, lh: 1.2 });
      w.textAt(k.label, x, w.y + 15.6, colW - 4, { size: 7.5, color: C.muted, lh: 1.3 });
    });
    w.y += 36;
  }
  w.y += 4;
}

export function drawInventory(w: Writer, section: ModelSection): void {
  if (section.description) w.paragraph(section.description, { size: 10, color: C.text, lh: 1.45 }, 8);
  kindCounts(w, section);
  w.paragraph(
    `${
      section.monitored
        ? `${section.monitored} node${section.monitored === 1 ? ' is' : 's are'} monitored: a break that reaches one is detected.`
        : 'No node is monitored: no break in this model is ever detected.'
    } ${
      section.diagrams.length > 1
        ? `The diagram follows this section as an overview and ${section.diagrams.length - 1} close-up pages.`
        : 'The diagram follows this section.'
    }`,
  );
  if (section.boundaries.length) {
    w.paragraph(`Trust boundaries: ${section.boundaries.map((b) => `${b.label} (${b.environment}, ${b.nodes} nodes)`).join('; ')}.`);
  }
  w.h2('Secrets');
  if (section.secrets.length) table(w, secretColumns, section.secrets);
  else w.paragraph('No secrets in the model.', T.muted);
  w.h2('Identities');
  if (section.identities.length) table(w, identityColumns, section.identities);
  else w.paragraph('No identities in the model.', T.muted);
  w.h2('Agents and tools');
  if (section.agents.length) table(w, agentColumns, section.agents);
  if (section.tools.length) table(w, toolColumns, section.tools);
  if (!section.agents.length && !section.tools.length) w.paragraph('No agents or tools in the model.', T.muted);
}
