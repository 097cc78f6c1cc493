/** Argument parsing shared by the commands: node:util parseArgs with one-line errors, FILE, formats, numbers. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { Break, BreakMode, ResponseAction, ScenarioResponse } from '../shared/domain/index.ts';
import { BREAK_MODES, RESPONSE_ACTIONS } from '../shared/domain/index.ts';
import { listWords } from '../shared/report/index.ts';
import { CliError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

/** What simulate and rank both take: one scenario (saved, or breaks and responses given here), a format, a file to write. */
export const SCENARIO_OPTIONS = {
  ...HELP_OPTION,
  scenario: { type: 'string' },
  break: { type: 'string', multiple: true },
  respond: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
} as const satisfies Options;

/** parseArgs, strict, with errors turned into one line that points at the command's help. */
export function parse<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError(`${command}: ${argError(e)} (see faultline ${command} --help)`);
  }
}

function argError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? `${quoted.split(' ')[0]} needs a value`
        : `${quoted.split(' ')[0]} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return message.split('\n')[0];
  }
}

/** The one FILE argument. */
export function singleFile(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw new CliError(`${command}: missing FILE (see faultline ${command} --help)`);
  if (positionals.length > 1) {
    throw new CliError(`${command}: one FILE only, got ${positionals.map((p) => `"${p}"`).join(', ')}`);
  }
  return positionals[0];
}

/**
 * The one --format vocabulary of the commands that show a result: text (for a terminal), md (for a wiki or a
 * pull request), json (for programs), and html and pdf where a command makes a report. `export` writes the
 * model for another tool and takes that tool's format names (otm, opengraph).
 */
export const FORMATS = ['text', 'md', 'json', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export function pickFormat<F extends string>(value: string | undefined, formats: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw new CliError(`--format "${value}": expected ${listWords(formats.map(String)).replace(/ and ([^ ]+)$/, ' or $1')}`);
}

/** `ACTION:NODE@HOURS`, as in rotate:ci-token@4: the action before the first colon, the hours after the last @. */
export function parseResponse(text: string): ScenarioResponse {
  const colon = text.indexOf(':');
  const at = text.lastIndexOf('@');
  const action = colon < 0 ? '' : text.slice(0, colon);
  const node = colon < 0 || at < colon ? '' : text.slice(colon + 1, at);
  const hours = at < 0 ? '' : text.slice(at + 1).trim().replace(/\s*h$/, '');
  if (colon < 0 || at < colon || node === '' || hours === '') {
    throw new CliError(`--respond "${text}": expected ACTION:NODE@HOURS, as in rotate:ci-token@4`);
  }
  if (!(RESPONSE_ACTIONS as readonly string[]).includes(action)) {
    throw new CliError(`--respond "${text}": unknown action "${action}"; actions are ${RESPONSE_ACTIONS.join(', ')}`);
  }
  const n = Number(hours);
  if (!Number.isFinite(n) || n < 0) throw new CliError(`--respond "${text}": expected hours ≥ 0 after @, as in ${action}:${node}@4`);
  return { action: action as ResponseAction, node, at: n };
}

/** `MODE:NODE`, split at the first colon (modes have none; node ids may). */
export function parseBreak(text: string): Break {
  const at = text.indexOf(':');
  const mode = at < 0 ? '' : text.slice(0, at);
  const node = at < 0 ? '' : text.slice(at + 1);
  if (at < 0 || node === '') {
    throw new CliError(`--break "${text}": expected MODE:NODE, as in leak:ci-token`);
  }
  if (!(BREAK_MODES as readonly string[]).includes(mode)) {
    throw new CliError(`--break "${text}": unknown mode "${mode}"; modes are ${BREAK_MODES.join(', ')}`);
  }
  return { mode: mode as BreakMode, node };
}

/** A whole number within bounds, for --runs and --seed. */
export function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`${flag} "${value}": expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** An exposure limit: a share from 0 to 1 (`0.3`) or a percentage (`30%`). */
export function exposureLimit(value: string): number {
  const percent = value.trim().endsWith('%');
  const n = Number(percent ? value.trim().slice(0, -1) : value);
  const share = percent ? n / 100 : n;
  if (value.trim() === '' || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new CliError(`--max-exposure "${value}": expected a share from 0 to 1 (0.3) or a percentage (30%)`);
  }
  return share;
}
