/** Plain-text tables and number formats for the eval output. */

export type Cell = string | number | null;

export const pct = (x: number | null, digits = 1): string => (x === null ? '–' : `${(x * 100).toFixed(digits)}%`);
export const fixed = (x: number | null, digits = 3): string => (x === null ? '–' : x.toFixed(digits));

/** PASS / MISS against a target, or "–" when there is no target or no figure. */
export function verdict(value: number | null, target: { min?: number; max?: number } | null): string {
  if (value === null || target === null) return '–';
  if (target.min !== undefined && value < target.min) return 'MISS';
  if (target.max !== undefined && value > target.max) return 'MISS';
  return 'PASS';
}

/** Columns padded to their widest cell; numbers and figures right-aligned, the first column left. */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = [header, ...rows].map((r) => r.map((c) => (c === null ? '–' : String(c))));
  const widths = header.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(text[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...text.slice(1).map(line)].join('\n');
}

export const heading = (title: string): string => `\n== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`;
