/** Where a command's output goes: stdout, or the file named by --out. Hours and shares: shared/format.ts. */
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { describeFsError } from './io.ts';

export async function emit(io: Io, text: string, out: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out === undefined) {
    io.stdout(body);
    return;
  }
  try {
    await io.writeFile(out, body);
  } catch (e) {
    throw new CliError(`${out}: cannot write (${describeFsError(e)})`);
  }
}

/** A score to two decimals, without trailing zeros. */
export const score = (n: number) => String(Number(n.toFixed(2)));
