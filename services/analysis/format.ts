/** Small text formatters for the CLI summary. Pure. */

/** 75.4 → "1:15"; 3725 → "1:02:05". Rounds down, like a media player's clock. */
export function clock(sec: number): string {
  const total = Math.max(0, Math.floor(sec));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export const percent = (fraction: number, digits = 0): string => `${(fraction * 100).toFixed(digits)}%`;

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One block character per value, scaled from 0 to the largest value (0 is always the lowest block). */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => BLOCKS[max > 0 ? Math.min(BLOCKS.length - 1, Math.round((v / max) * (BLOCKS.length - 1))) : 0])
    .join('');
}

/** A horizontal bar of `width` cells for value/max. */
export const bar = (value: number, max: number, width: number): string =>
  '█'.repeat(max > 0 ? Math.round((value / max) * width) : 0);

/** "a, b, c" with "+N more" after `limit` items, so a 30-minute interview does not print 200 stamps. */
export function listWithMore(items: readonly string[], limit: number): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} (+${items.length - limit} more)` : shown;
}
