/**
 * Hours the engine adds up, rounded to a nanohour (3.6 µs). In binary floating point 0.1 + 0.2 is
 * 0.30000000000000004 and 0.7 × 24 is 16.799999999999997: a step of 0.1 h then 0.2 h would arrive after a
 * rotation at 0.3 h (§5 lets it fire, "at or before R"), after containment at 0.3 h (§7 cuts only what comes
 * after), and be printed as such. Every time the engine derives goes through here, and every comparison
 * the explanations make with those times, so that the hours a file writes compare as a person reads them.
 */
export const hours = (x: number): number => Math.round(x * 1e9) / 1e9;
