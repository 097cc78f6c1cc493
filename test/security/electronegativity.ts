/**
 * `npm run test:electronegativity`: Doyensec's Electronegativity over the app's code (electron/, renderer/,
 * shared/), failing on any finding above INFORMATIONAL that test/security/suppressions.ts does not explain.
 *
 * The tool exits 0 whatever it finds, so the issues its runner returns are judged here. It is told the Electron version
 * (-e) instead of looking it up, and its release-data check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is left
 * out: that one only downloads release notes, which these machines cannot reach. It still spends ~10 s
 * failing to fetch translations before it starts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Suppression } from './suppressions.ts';
import { SUPPRESSIONS } from './suppressions.ts';

const ROOT = join(import.meta.dirname, '../..');
const SCANNED = ['electron', 'renderer', 'shared'];
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
const OFFLINE_ONLY_EXCLUDED = 'AvailableSecurityFixesGlobalCheck';
const MARKER = 'FAULTLINE-ISSUES ';

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** The shape of one issue as electronegativity's runner returns it. */
interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location?: { line?: number; column?: number };
  sample?: string;
  description?: string;
}

export function findingsFromIssues(issues: readonly RawIssue[]): Finding[] {
  return issues.map((i) => ({
    check: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    location: `${i.location?.line ?? 0}:${i.location?.column ?? 0}`,
    sample: (i.sample ?? '').trim(),
    description: (i.description ?? '').trim(),
  }));
}

export const aboveInformational = (f: Finding) => SEVERITIES.indexOf(f.severity as (typeof SEVERITIES)[number]) !== 0;

export function matches(s: Suppression, f: Finding): boolean {
  return s.check === f.check && s.file === f.file && (s.sample === '' || f.sample.includes(s.sample));
}

/** Findings no suppression explains, and suppressions that explain nothing any more. */
export function judge(findings: readonly Finding[], suppressions: readonly Suppression[]) {
  const open = findings.filter((f) => aboveInformational(f) && !suppressions.some((s) => matches(s, f)));
  const stale = suppressions.filter((s) => !findings.some((f) => matches(s, f)));
  return { open, stale };
}

/**
 * Runs the tool's own runner in a child process and reads the issues it returns. Its CSV output is not used:
 * the tool writes the header and the rows with two unordered asynchronous writes, so the file can come out
 * with rows lost or cut, which is what a fresh CI machine saw.
 */
function scan(): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'faultline-electronegativity-'));
  try {
    for (const dir of SCANNED) cpSync(join(ROOT, dir), join(work, 'src', dir), { recursive: true });
    const electron = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const runner = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/runner.js');
    const options = { input: join(work, 'src'), isRelative: true, isVerbose: false, electronVersionOverride: electron, customScan: [], excludeFromScan: [OFFLINE_ONLY_EXCLUDED], parserPlugins: [] };
    const script = `require(${JSON.stringify(runner)})(${JSON.stringify(options)}, false).then((r) => { console.log(${JSON.stringify(MARKER)} + JSON.stringify(r.issues)); }, (e) => { console.error(String(e && e.stack || e)); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    const line = run.stdout.split('\n').find((l) => l.startsWith(MARKER));
    if (run.status !== 0 || line === undefined) throw new Error(`electronegativity returned no issues (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    console.log(`electronegativity (Electron ${electron}) scanned ${SCANNED.join(', ')}`);
    return findingsFromIssues(JSON.parse(line.slice(MARKER.length)) as RawIssue[]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(): number {
  const findings = scan();
  const bySeverity = SEVERITIES.map((s) => `${findings.filter((f) => f.severity === s).length} ${s.toLowerCase()}`).join(', ');
  console.log(`findings: ${findings.length} (${bySeverity})`);
  const { open, stale } = judge(findings, SUPPRESSIONS);
  for (const f of findings) {
    const s = SUPPRESSIONS.find((x) => matches(x, f));
    const verdict = !aboveInformational(f) ? 'informational' : s ? `suppressed: ${s.reason}` : 'OPEN';
    console.log(`  ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location}  ${verdict}`);
  }
  for (const s of stale) console.log(`  stale suppression: ${s.check} in ${s.file} matches no finding; remove it`);
  console.log(`open findings above informational: ${open.length}; stale suppressions: ${stale.length}`);
  return open.length === 0 && stale.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
