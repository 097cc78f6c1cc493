/**
 * The model as an Open Threat Model 0.2 document (JSON), so it travels into IriusRisk and other OTM tools.
 * Boundaries are trust zones (components outside any boundary sit in one zone marked as such), nodes are
 * components, every edge is a dataflow. OTM has no words for Faultline's kinds and props, so each component
 * and dataflow carries them in `attributes`; shared/import/otm.ts reads them back, and an OTM tool that does
 * not know them shows plain components and flows. Positions go out in a diagram representation.
 */
import type { Model } from '../domain/index.ts';
import { OTM_ATTR } from '../import/index.ts';
import { NODE_BOX } from '../visual/index.ts';

const OTM_VERSION = '0.2.0';
const DIAGRAM = 'faultline-diagram';
const NO_BOUNDARY = 'faultline-no-boundary';

/** Component types an OTM tool can map (IriusRisk's generic names), per kind. */
const COMPONENT_TYPE: Record<Model['nodes'][number]['kind'], string> = {
  service: 'web-service',
  agent: 'generic-service',
  tool: 'generic-service',
  pipeline: 'ci-cd',
  person: 'generic-client',
  identity: 'identity',
  secret: 'secret',
  issuer: 'identity-provider',
  datastore: 'database',
  location: 'storage',
  dependency: 'third-party-service',
};

/** Trust ratings by environment: production is what the zone protects most. */
const TRUST: Record<Model['boundaries'][number]['environment'], number> = { prod: 80, staging: 50, dev: 30, shared: 60 };

export function toOtm(model: Model): Record<string, unknown> {
  const zones: Record<string, unknown>[] = model.boundaries.map((b) => ({
    id: b.id,
    name: b.label || b.id,
    type: 'faultline-boundary',
    risk: { trustRating: TRUST[b.environment] },
    representations: [{ representation: DIAGRAM, id: `${b.id}-shape`, position: b.position, size: b.size }],
    attributes: { [OTM_ATTR.id]: b.id, [OTM_ATTR.environment]: b.environment },
  }));
  const loose = model.nodes.some((n) => !n.boundary || !model.boundaries.some((b) => b.id === n.boundary));
  if (loose) {
    zones.push({
      id: NO_BOUNDARY,
      name: 'Outside any boundary',
      type: 'faultline-boundary',
      risk: { trustRating: 50 },
      representations: [],
      attributes: { [OTM_ATTR.noBoundary]: 'true' },
    });
  }
  const inZone = new Set(model.boundaries.map((b) => b.id));
  return {
    otmVersion: OTM_VERSION,
    project: {
      name: model.name,
      id: model.id,
      description: model.description || null,
      attributes: { source: 'Faultline', ...(model.asOf ? { [OTM_ATTR.asOf]: model.asOf } : {}) },
    },
    representations: [{ name: 'Faultline canvas', id: DIAGRAM, type: 'diagram' }],
    trustZones: zones,
    components: model.nodes.map((n) => ({
      id: n.id,
      name: n.label || n.id,
      type: COMPONENT_TYPE[n.kind],
      description: typeof n.props.notes === 'string' && n.props.notes ? n.props.notes : null,
      parent: { trustZone: n.boundary && inZone.has(n.boundary) ? n.boundary : NO_BOUNDARY },
      tags: [n.kind],
      representations: n.position
        ? [{ representation: DIAGRAM, id: `${n.id}-shape`, position: n.position, size: { width: NODE_BOX.width, height: NODE_BOX.height } }]
        : [],
      attributes: { [OTM_ATTR.id]: n.id, [OTM_ATTR.kind]: n.kind, [OTM_ATTR.props]: JSON.stringify(n.props) },
    })),
    dataflows: model.edges.map((e) => ({
      id: e.id,
      name: e.kind,
      bidirectional: false,
      source: e.source,
      destination: e.target,
      tags: [e.kind],
      attributes: { [OTM_ATTR.id]: e.id, [OTM_ATTR.kind]: e.kind, [OTM_ATTR.props]: JSON.stringify(e.props) },
    })),
  };
}

/** The OTM file text: two-space JSON, like the tools that read it write it. */
export const otmText = (model: Model): string => `${JSON.stringify(toOtm(model), null, 2)}\n`;
