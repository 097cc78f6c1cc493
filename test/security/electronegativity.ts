/**
 * `npm run test:electronegativity`: Doyensec's Electronegativity over the app's code (electron/, renderer/,
 * shared/), failing on any finding above INFORMATIONAL that test/security/suppressions.ts does not explain.
 *
 * The tool exits 0 whatever it finds, so its CSV report is parsed here. It is told the Electron version
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

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

export function findingsFromCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header.findIndex((h) => h.trim() === name);
  const at = { issue: col('issue'), severity: col('severity'), confidence: col('confidence'), filename: col('filename'), location: col('location'), sample: col('sample'), description: col('description') };
  if (Object.values(at).some((i) => i < 0)) throw new Error(`unexpected report header: ${header.join(',')}`);
  return rows.map((r) => ({
    check: r[at.issue].trim(),
    severity: r[at.severity].trim(),
    confidence: r[at.confidence].trim(),
    file: r[at.filename].trim(),
    location: r[at.location].trim(),
    sample: r[at.sample].trim(),
    description: r[at.description].trim(),
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

function scan(): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'faultline-electronegativity-'));
  try {
    for (const dir of SCANNED) cpSync(join(ROOT, dir), join(work, 'src', dir), { recursive: true });
    const electron = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const bin = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
    const report = join(work, 'report.csv');
    const run = spawnSync(process.execPath, [bin, '-i', join(work, 'src'), '-e', electron, '-x', OFFLINE_ONLY_EXCLUDED, '-r', '-o', report], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.error) throw run.error;
    let csv: string;
    try {
      csv = readFileSync(report, 'utf8');
    } catch {
      throw new Error(`electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    console.log(`electronegativity ${electron === '' ? '' : `(Electron ${electron}) `}scanned ${SCANNED.join(', ')}`);
    return findingsFromCsv(csv);
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
