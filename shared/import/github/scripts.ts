/**
 * Secrets a `run:` script writes to the job log. Two patterns, read line by line:
 * - `echo`/`printf` of a secret (inline `${{ secrets.X }}` or an env var holding one) whose output is not piped
 *   or redirected to a file: it goes to the log. GitHub masks a secret's exact value there, not a transformed
 *   one (base64, a substring, a URL-encoded copy), so the line is a leak waiting for a small edit.
 * - xtrace (`set -x`, `set -ex`, `set -o xtrace`, a `-x` shell): every later command is printed with its
 *   variables expanded. A secret named after it is printed; one merely in the step's environment is at risk.
 * Heuristics on shell text, not a shell parser: the doc (docs/import.md) says what they catch and miss.
 */

interface LogExposure {
  /** Secrets printed by an echo, with the script line (0-based) that prints them. */
  echoed: { secret: string; line: number }[];
  /** Where xtrace starts, the secrets named after it, and the secrets in the environment. */
  xtrace: { line: number; printed: string[]; inScope: string[] } | null;
}

const XTRACE = /(?:^|[\s;&|(])set\s+(?:-[a-wyzA-Z]*x[a-zA-Z]*|-o\s+xtrace)\b/;
const ECHO = /(?:^|[\s;&|(`])(echo|printf)\b(.*)$/;
/** A redirect or pipe that sends the output somewhere other than the log (stderr is still the log). */
const AWAY = /\|(?!\|)|>>?\s*(?!&[12]\b)\S/;

/** Secret names an env var holds, from every env block in scope (step over job over workflow). */
export type SecretEnv = ReadonlyMap<string, string>;

function namesIn(line: string, env: SecretEnv, inline: (text: string) => string[]): string[] {
  const found = new Set(inline(line));
  for (const [variable, secret] of env) {
    if (new RegExp(`\\$(?:\\{)?${variable}\\b`).test(line)) found.add(secret);
  }
  return [...found];
}

export function logExposure(script: string, env: SecretEnv, shell: string | null, inline: (text: string) => string[]): LogExposure {
  const lines = script.split(/\r?\n/);
  const echoed: LogExposure['echoed'] = [];
  let xtraceLine = shell && /(?:^|\s)-[a-wyzA-Z]*x/.test(shell) ? 0 : -1;
  const printed = new Set<string>();
  lines.forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '$1');
    if (xtraceLine < 0 && XTRACE.test(line)) xtraceLine = i;
    else if (xtraceLine >= 0) for (const s of namesIn(line, env, inline)) printed.add(s);
    const echo = ECHO.exec(line);
    if (!echo) return;
    const rest = echo[2];
    if (AWAY.test(rest)) return;
    for (const secret of namesIn(rest, env, inline)) echoed.push({ secret, line: i });
  });
  return {
    echoed,
    xtrace: xtraceLine >= 0 ? { line: xtraceLine, printed: [...printed], inScope: [...new Set(env.values())] } : null,
  };
}
