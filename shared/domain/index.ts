

export { EDGE_ENDS, defaultEdgeKind, edgeFits, edgeKindsFor } from './edgeRules.ts';
export { AVAILABILITY_EFFECTS, BREAK_APPLIES_TO, BREAK_INFO, BREAK_MODES, CAPABILITIES, DEGRADABLE_KINDS, EDGE_KINDS, EFFECTS, EFFECT_WEIGHTS, ENVIRONMENTS, LOCATION_TYPES, NODE_KINDS, PREVENTED_BECAUSE, RESPONSE_ACTIONS, RESPONSE_INFO, SECRET_TYPES, SECURITY_EFFECTS, SENSITIVITY_CRITICALITY, WORKLOAD_KINDS, aKind, breakApplies, followSensitivity, isSecurityBreak, isSecurityEffect, responseApplies } from './kinds.ts';
export type { Access, AvailabilityEffect, BreakMode, Capability, EdgeKind, Effect, Environment, LocationType, NodeKind, ResponseAction, SecretType, SecurityEffect } from './kinds.ts';
export { diffModels, isEmptyDiff } from './modelDiff.ts';
export type { ModelDiff } from './modelDiff.ts';
export { DEFAULT_DELAY_HOURS, DEFAULT_RESPONSE_HOURS, MAX_HOURS, MAX_HOURS_MESSAGE, RESPONSE_AT_MESSAGE, boundarySchema, edgePropsSchemas, edgeSchema, modelSchema, nodePropsSchemas, nodeSchema } from './schema.ts';
export type { Boundary, Break, EdgeOf, Model, ModelEdge, ModelNode, NodeOf, Note, Position, Scenario, ScenarioResponse } from './schema.ts';
