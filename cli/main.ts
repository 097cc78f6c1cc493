/**
 * The CLI as a plain function: arguments and an Io in, an exit status out (domain.md §11). Nothing here calls
 * process.exit or touches the console, so tests run it in-process.
 */
import type { Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { CliError, EXIT } from './errors.ts';
import { escapedCode, showObeyed } from '../shared/report/index.ts';
import type { Io } from './io.ts';

export function topHelp(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `faultline: threat models of non-human identities, from the command line.

Usage: faultline <command> FILE [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

FILE is a .faultline.json model. Run faultline <command> --help for a command's options.
Exit status: 0 done, 1 a check failed, 2 bad input (one line on standard error).
`;
}

/**
 * Text for the terminal: a control character (an escape sequence, a carriage return, a bell) or a
 * bidirectional override in a model's ids, labels or names is shown as \uXXXX, never obeyed, so a file cannot
 * erase its own error or print a PASS over a FAIL. Newlines and tabs stay; JSON escaped this way is still JSON.
 */
export function inert(text: string): string {
  // The reports' set, and the left-to-right and right-to-left marks: a terminal shows every character a file holds.
  return showObeyed(text).replace(/[\u200e\u200f]/g, escapedCode);
}

/** An error's message as one inert line: the contract is one line on standard error. */
const inertLine = (text: string): string => inert(text).replace(/\n/g, '\\u000a');

export async function run(argv: readonly string[], terminal: Io, commands: readonly Command[] = COMMANDS): Promise<number> {
  // What a command prints goes through `inert`; what it writes to a file (--out) is the data as it is.
  const io: Io = { ...terminal, stdout: (text) => terminal.stdout(inert(text)), stderr: (text) => terminal.stderr(inert(text)) };
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr(topHelp(commands));
      return EXIT.badInput;
    }
    if (name === '--help' || name === '-h') {
      io.stdout(topHelp(commands));
      return EXIT.ok;
    }
    if (name === 'help') {
      const target = rest[0] === undefined ? undefined : findCommand(commands, rest[0]);
      io.stdout(target ? target.help : topHelp(commands));
      return EXIT.ok;
    }
    return await findCommand(commands, name).run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`faultline: ${inertLine(e.message)}\n`);
      return e.exitCode;
    }
    io.stderr(`faultline: internal error: ${inertLine(oneLine(e))}\n`);
    return EXIT.badInput;
  }
}

function findCommand(commands: readonly Command[], name: string): Command {
  const found = commands.find((c) => c.name === name);
  if (!found) {
    throw new CliError(`unknown command "${name}"; commands are ${commands.map((c) => c.name).join(', ')} (see faultline --help)`);
  }
  return found;
}

/** The first line of an error's message, never its stack. */
export function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0] || (e instanceof Error ? e.name : 'unknown error');
}
