/**
 * The `faultline` executable: `npm run -s faultline -- ARGS`. All the logic is in main.ts; this file wires it
 * to the process and makes sure nothing ends in a stack trace, not even a module that fails to load (hence
 * the dynamic import).
 */

const internalError = (e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`faultline: internal error: ${message.split('\n')[0]}\n`);
  process.exitCode = 2;
};

// `faultline lint big.json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else internalError(e);
});
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

async function start(): Promise<number> {
  const [{ run }, { nodeIo }] = await Promise.all([import('./main.ts'), import('./io.ts')]);
  return run(process.argv.slice(2), nodeIo);
}

start().then((code) => {
  process.exitCode = code;
}, internalError);
