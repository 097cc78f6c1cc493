/** The appendix is read by a CISO, not a developer: plain words, no file names, field names or formulas. */
import { describe, expect, it } from 'vitest';
import { SHIPPED, reportOf } from './fixtures.ts';

const JARGON = [/domain\.md/, /§\d/, /\bdetectHours\b/, /\bttlHours\b/, /\brotationDays\b/, /\bresponseHours\b/, /\basOf\b/, /min\(/];

describe.each(SHIPPED)('the appendix of $name', ({ model }) => {
  it('says how to read the report in plain words', () => {
    const a = reportOf(model).doc.appendix!;
    const text = [...a.score, ...a.exposure, ...a.assumptions.flatMap((x) => [x.name, x.value, x.source])].join('\n');
    for (const word of JARGON) expect(text).not.toMatch(word);
    expect(a.assumptions.map((x) => x.name)).toEqual(['Time to contain', 'Monitoring', 'Criticality', 'Speed of spread', 'Stolen credentials', 'Invalid credentials', 'Reference date']);
    expect(text).toContain('a stolen credential is used to sign in within 30 min');
  });
});
