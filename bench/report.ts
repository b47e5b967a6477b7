/**
 * What every benchmark section returns, and the table printer `bench/run.ts` uses.
 *
 * @example
 * console.log(formatSection({ title: 'Search', rows: [{ corpus: 'real', 'p50 ms': 0.1 }] }));
 */

export interface BenchSection {
  title: string;
  rows: Array<Record<string, string | number>>;
  notes?: string[];
}

const cell = (value: string | number | undefined): string => {
  if (value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3);
  }
  return value;
};

/** A section as a plain-text table: columns in order of first appearance, numbers right-aligned. */
export function formatSection(section: BenchSection): string {
  const columns: string[] = [];
  for (const row of section.rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const cells = section.rows.map((row) => columns.map((c) => cell(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((c) => section.rows.every((r) => r[c] === undefined || typeof r[c] === 'number'));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [`## ${section.title}`, ''];
  if (columns.length > 0) {
    out.push(line(columns), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of cells) out.push(line(row));
  }
  for (const note of section.notes ?? []) out.push(`- ${note}`);
  return out.join('\n');
}
