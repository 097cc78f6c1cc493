import type { ModelNode } from '../../../../shared/domain/schema.ts';

/** The props that matter at a glance, as short chips under the label. */
export function nodeChips(node: ModelNode): string[] {
  const chips: string[] = [node.props.environment, `crit ${node.props.criticality}`];
  if (node.kind === 'secret') {
    const p = node.props;
    chips.push(p.secretType);
    chips.push(p.ttlHours === null ? 'no TTL' : `TTL ${formatHours(p.ttlHours)}`);
    if (p.rotationDays !== null) chips.push(`rotates ${p.rotationDays} d`);
    if (p.bound) chips.push('bound');
    if (p.autoRenew) chips.push('auto-renew');
    if (p.expiresAt) chips.push(`expires ${p.expiresAt.slice(0, 10)}`);
  }
  if (node.props.monitored) chips.push('monitored');
  return chips;
}

export function formatHours(h: number): string {
  if (h >= 48 && h % 24 === 0) return `${h / 24} d`;
  return `${h} h`;
}
