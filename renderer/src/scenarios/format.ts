/**
 * Numbers as the scenario views show them: the app, the CLI and the report share one formatter each for
 * hours and shares (shared/format.ts); the names here are what the views call them.
 */
export { formatHours as formatTime, formatPercent as formatShare, formatScore } from '../../../shared/format.ts';
