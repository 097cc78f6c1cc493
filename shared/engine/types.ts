/** The shapes of domain.md §8: what `simulate` returns, exactly as the CLI prints it. */
import type { AvailabilityEffect, Effect, SecurityEffect } from '../domain/kinds.ts';
import type { Break } from '../domain/schema.ts';

/** The step that derived an effect: the edge, the node it came from, and that node's trace entry. */
export interface Via {
  edge: string;
  from: string;
  fromEffect: Effect;
}

export interface TraceEntry {
  node: string;
  effect: Effect;
  at: number;
  via: Via | null;
}

export interface Impact extends TraceEntry {
  silent: boolean;
}

/** A break that had no effect (§6, §8): an `expire` on a secret that renews itself. */
export interface PreventedBreak extends Break {
  reason: 'autoRenew';
}

export interface SimulationResult {
  scenario: { id: string; breaks: Break[] };
  prevented: PreventedBreak[];
  impacts: Impact[];
  trace: TraceEntry[];
  detection: { detectedAt: number | null; containedAt: number | null };
  summary: {
    score: number;
    exposure: number;
    counts: Record<Effect, number>;
  };
}

export type { AvailabilityEffect, Effect, SecurityEffect };
