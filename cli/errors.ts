/** The CLI's exit statuses (domain.md §11) and the error that carries a bad-input message to one stderr line. */

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;
type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Bad input: printed as `faultline: <message>` and exit 2. Never a stack trace. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.badInput) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
