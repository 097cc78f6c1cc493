/**
 * `npm run bench` runs every suite; `npm run bench -- engine` runs the named ones. Benchmarks print figures
 * beside their targets (ok / OVER) and always exit 0 when they ran: they are not tests.
 */
import { availableParallelism, loadavg } from 'node:os';
import { SUITES } from './suites/index.ts';

async function main(names: string[]): Promise<number> {
  if (names.includes('--help') || names.includes('-h')) {
    console.log(`Usage: npm run bench [-- SUITE ...]\n\nSuites:\n${SUITES.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join('\n')}`);
    return 0;
  }
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`bench: unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}; suites are ${SUITES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const chosen = names.length ? SUITES.filter((s) => names.includes(s.name)) : SUITES;
  const cores = availableParallelism();
  const load = loadavg()[0];
  console.log(`Node ${process.version}, ${process.platform} ${process.arch}, ${cores} cores, load average ${load.toFixed(1)}`);
  if (load > cores) console.log(`Note: the machine is busy (load ${load.toFixed(1)} on ${cores} cores); figures will be slow and noisy.`);
  for (const suite of chosen) {
    console.log(`\n== ${suite.name}: ${suite.description}\n`);
    await suite.run((line) => console.log(line));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
