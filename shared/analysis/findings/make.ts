/** Building a finding from its rule's catalogue entry. */
import type { LintContext } from './context.ts';
import type { Finding, RuleId, Severity } from './types.ts';
import { RULES } from './types.ts';

interface FindingParts {
  message: string;
  nodes: readonly string[];
  edges: readonly string[];
  /** Overrides the rule's usual severity. */
  severity?: Severity;
  /** Extra LLM/agentic ids beyond the rule's own. */
  llm?: readonly string[];
}

/** `rule:key[:key]`: the rule id and the ids the finding is about, so it survives reordering the file. */
export function makeFinding(rule: RuleId, key: readonly string[], parts: FindingParts): Finding {
  const info = RULES[rule];
  return {
    id: [rule, ...key].join(':'),
    rule,
    severity: parts.severity ?? info.severity,
    title: info.title,
    message: parts.message,
    nodes: [...new Set(parts.nodes)],
    edges: [...new Set(parts.edges)].sort(),
    owasp: [...info.owasp],
    llm: [...new Set([...info.llm, ...(parts.llm ?? [])])],
    csf: [...info.csf],
  };
}

/**
 * Findings keyed by id: two parallel edges saying the same thing (same rule, same nodes) make one finding
 * that lists both edges.
 */
export class FindingSet {
  private readonly byId = new Map<string, Finding>();

  add(f: Finding): void {
    const prior = this.byId.get(f.id);
    if (!prior) {
      this.byId.set(f.id, f);
      return;
    }
    prior.edges = [...new Set([...prior.edges, ...f.edges])].sort();
    prior.nodes = [...new Set([...prior.nodes, ...f.nodes])];
  }

  list(): Finding[] {
    return [...this.byId.values()];
  }
}

/** A rule reads the indexed model and adds its findings. */
export type Rule = (ctx: LintContext, out: FindingSet) => void;
