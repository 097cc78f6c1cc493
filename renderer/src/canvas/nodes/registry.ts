/**
 * The one node registry: how each kind looks and what it is called, as shared/visual/kinds.ts gives it (the
 * report reads the same table). Adding a kind touches the domain's kind table and that table, not this file.
 */
import type { NodeKind } from '../../../../shared/domain/index.ts';
import type { KindStyle } from '../../../../shared/visual/index.ts';
import { KIND_STYLES } from '../../../../shared/visual/index.ts';

export type NodeConfig = KindStyle;

export const NODE_REGISTRY: Readonly<Record<NodeKind, NodeConfig>> = KIND_STYLES;
