/** The shapes of domain.md §8: what `simulate` returns, exactly as the CLI prints it. */
import type { AvailabilityEffect, Break, Effect, ScenarioResponse, SecurityEffect } from '../domain/index.ts';

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
  /**
   * Only on a secret's security impact (§5): the hour from which its stolen copy no longer works, or null
   * while it works without end.
   */
  until?: number | null;
}

/** A break that had no effect (§6, §8): an `expire` on a secret that renews itself. */
interface PreventedBreak extends Break {
  reason: 'autoRenew';
}

export interface SimulationResult {
  /** Everything that was simulated (§8): `params.responseHours` with its default filled. */
  scenario: {
    id: string;
    breaks: Break[];
    patches: { id: string; props: Record<string, unknown> }[];
    removed: string[];
    responses: ScenarioResponse[];
    params: { responseHours: number; maxExposure?: number };
  };
  prevented: PreventedBreak[];
  impacts: Impact[];
  trace: TraceEntry[];
  /** `detectedBy`: the monitored node whose reach set `detectedAt` (null when undetected). */
  detection: { detectedAt: number | null; containedAt: number | null; detectedBy: string | null };
  summary: {
    score: number;
    exposure: number;
    counts: Record<Effect, number>;
  };
}

export type { AvailabilityEffect, Effect, SecurityEffect };
