/** One CLI command: its name, a line for the top-level help, its own help, and what it does. */
import type { Io } from './io.ts';

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** `args` are the arguments after the command name. Resolves to the exit status. */
  run(args: string[], io: Io): Promise<number>;
}
