/** A table for a terminal: columns padded to their widest cell, two spaces apart; numbers aligned right. */

export function textTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => {
        if (c === r.length - 1 && !right.includes(c)) return cell;
        return right.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]);
      })
      .join('  ')
      .trimEnd();
  return [line(head), line(head.map((_, c) => '-'.repeat(widths[c]))), ...rows.map(line)];
}
