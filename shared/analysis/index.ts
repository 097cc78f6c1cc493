

export { rankChokepoints } from './chokepoints.ts';
export type { Chokepoint } from './chokepoints.ts';
export { diffResults } from './diff.ts';
export type { ResultDiff } from './diff.ts';
export { RULES, SEVERITIES, countBySeverity, lintModel } from './findings.ts';
export type { Finding, RuleId, Severity } from './findings.ts';
export { monteCarlo } from './montecarlo.ts';
export type { MonteCarloResult } from './montecarlo.ts';
export { deadCopies, deadCopyText } from './stolen.ts';
