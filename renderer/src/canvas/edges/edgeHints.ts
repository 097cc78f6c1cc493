import type { EdgeKind } from '../../../../shared/domain/index.ts';

/** How each edge kind reads (domain.md §4), for menus and the inspector. */
export const EDGE_KIND_HINTS: Record<EdgeKind, string> = {
  'runs-as': 'workload runs as identity',
  holds: 'holds the secret',
  contains: 'the secret sits in it',
  authenticates: 'secret authenticates as identity',
  assumes: 'identity can assume identity',
  grants: 'grants access on a resource',
  calls: 'workload calls it',
  invokes: 'agent invokes tool',
  instructs: 'feeds instructions to the agent',
  'depends-on': 'depends on third-party code or service',
  deploys: 'pipeline deploys workload',
  trusts: 'accepts what the issuer asserts',
  'issued-by': 'secret issued and renewed by issuer',
  signs: 'signing key signs for the issuer: stolen, it forges what the issuer mints',
};
