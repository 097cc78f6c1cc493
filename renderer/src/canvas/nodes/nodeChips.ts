import type { ModelNode } from '../../../../shared/domain/index.ts';
import { formatHours } from '../../../../shared/format.ts';

interface Chip {
  text: string;
  /** `warn` for what weakens security at a glance (no TTL, never rotated), `good` for a control in place. */
  tone?: 'warn' | 'good' | 'env';
}

/** The props that matter at a glance, as short chips under the label. */
export function nodeChips(node: ModelNode): Chip[] {
  const chips: Chip[] = [{ text: node.props.environment, tone: 'env' }, { text: `crit ${node.props.criticality}` }];
  if (node.kind === 'secret') {
    const p = node.props;
    chips.push({ text: p.secretType });
    chips.push(p.ttlHours === null ? { text: 'no TTL', tone: 'warn' } : { text: `TTL ${formatHours(p.ttlHours)}` });
    if (p.rotationDays !== null) chips.push({ text: `rotates ${p.rotationDays} d` });
    else if (p.ttlHours === null) chips.push({ text: 'never rotated', tone: 'warn' });
    if (p.bound) chips.push({ text: 'bound', tone: 'good' });
    if (p.autoRenew) chips.push({ text: 'auto-renew', tone: 'good' });
    if (p.expiresAt) chips.push({ text: `expires ${p.expiresAt.slice(0, 10)}` });
  }
  if (node.kind === 'datastore') chips.push({ text: node.props.sensitivity });
  if (node.kind === 'agent' && node.props.autonomy === 'auto') chips.push({ text: 'autonomous' });
  if (node.kind === 'tool' && node.props.capabilities.length) chips.push({ text: node.props.capabilities.join(' ') });
  if (node.kind === 'location') chips.push({ text: `${node.props.locationType} · ${node.props.audience}` });
  if (node.props.monitored) chips.push({ text: 'monitored', tone: 'good' });
  return chips;
}
