import type { Report } from './report.schema.js';
import { bar, clock, listWithMore, percent, sparkline } from './format.js';
import type { MetricCard } from './metric-card.schema.js';

export const LABEL_WIDTH = 17;
const MAX_STAMPS_PER_ITEM = 8;
const MAX_PAUSES_LISTED = 5;
/** Up to this many windows (10 minutes) get a row each; longer recordings get only the sparkline. */
const MAX_TABLE_ROWS = 20;
const BAR_WIDTH = 24;

export const row = (label: string, text: string): string => `${label.padEnd(LABEL_WIDTH)}${text}`;
export const more = (text: string): string => `${' '.repeat(LABEL_WIDTH)}${text}`;

/** A card's value as a reader expects it: shares as percentages, seconds as m:ss. */
export function shown(c: Pick<MetricCard, 'unit'>, value: number): string {
  switch (c.unit) {
    case 'share':
      return percent(value, value < 0.1 && value > 0 ? 1 : 0);
    case 'sec':
      return clock(value);
    case 'wpm':
      return `${Math.round(value)} WPM`;
    case 'perMinute':
      return `${value.toFixed(1)}/min`;
    case 'ratio':
      return value.toFixed(2);
    case 'count':
      return String(value);
  }
}

export function rangeText(c: MetricCard): string {
  const { low, high } = c.range;
  if (low !== undefined && high !== undefined) return `${shown(c, low)}–${shown(c, high)}`;
  if (high !== undefined) return `≤ ${shown(c, high)}`;
  return low !== undefined ? `≥ ${shown(c, low)}` : '—';
}

export function speakerLines(r: Report): string[] {
  if (r.speakers.length < 2) return [];
  const total = r.speakers.reduce((a, s) => a + s.talkSec, 0);
  const asked = new Map(r.metrics.questionsAsked.map((q) => [q.speaker, q.count]));
  return [
    row('Speakers', r.speakers.map((s) => `${s.name ?? s.id} (${s.role})`).join(', ')),
    ...r.speakers.map((s) =>
      more(
        `${(s.name ?? s.id).padEnd(14)} ${clock(s.talkSec).padStart(5)} ${percent(total > 0 ? s.talkSec / total : 0).padStart(4)} ` +
          `${bar(s.talkSec, total, BAR_WIDTH)}  ${asked.get(s.id) ?? 0} question(s)`,
      ),
    ),
  ];
}

export function readinessLines(r: Report): string[] {
  const x = r.readiness;
  if (!x) return [];
  const drivers = x.drivers.slice(0, 3).map((d) => `${d.label} ${d.effect >= 0 ? '+' : ''}${d.effect.toFixed(1)}`).join(', ');
  return [row('Readiness', `${Math.round(x.score)} / 100 (80% interval ${Math.round(x.interval[0])}–${Math.round(x.interval[1])}); ${drivers}`), more(x.statement)];
}

export function paceLines(r: Report): string[] {
  const m = r.metrics;
  if (m.wpm === undefined || m.articulationWpm === undefined || m.wpmSeries === undefined) return [row('Pace', 'not measured: the transcript has no times')];
  const lines = [row('Pace', `${Math.round(m.wpm)} WPM on the floor, ${Math.round(m.articulationWpm)} WPM while speaking`)];
  if (m.wpmSeries.length < 2) return lines;
  const values = m.wpmSeries.map((p) => p.wpm);
  const lo = Math.round(Math.min(...values));
  const hi = Math.round(Math.max(...values));
  lines.push(row('Pace over time', `${sparkline(values)}  per 30 s window, ${lo}–${hi} WPM`));
  if (m.wpmSeries.length > MAX_TABLE_ROWS) return lines;
  const max = Math.max(...values);
  for (const p of m.wpmSeries) {
    const note = p.partial ? `  (last ${Math.round(p.durationSec)} s)` : '';
    lines.push(more(`${clock(p.t).padStart(5)}  ${String(Math.round(p.wpm)).padStart(3)} ${bar(p.wpm, max, BAR_WIDTH)}${note}`));
  }
  return lines;
}

/** Items grouped by word, most frequent first, each with its m:ss timestamps. */
export function groupedLines(label: string, s: Report['metrics']['fillers'], timed = true): string[] {
  if (s.count === 0) return [row(label, 'none found')];
  const rate = s.perMinute === undefined ? '' : `${s.perMinute.toFixed(1)} per minute, `;
  const lines = [row(label, `${s.count} — ${rate}${percent(s.ratio, 1)} of words`)];
  const byWord = new Map<string, string[]>();
  // Without times an item's start is only a position, so no clock stamp is shown for it.
  for (const item of s.items) byWord.set(item.word, [...(byWord.get(item.word) ?? []), timed ? clock(item.start) : '']);
  const groups = [...byWord].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [word, stamps] of groups) lines.push(more(`"${word}" ×${stamps.length}${timed ? `: ${listWithMore(stamps, MAX_STAMPS_PER_ITEM)}` : ''}`));
  return lines;
}

export function pauseLines(r: Report): string[] {
  const p = r.metrics.pauses;
  if (p === undefined) return [row('Pauses (≥ 1 s)', 'not measured: the transcript has no times')];
  if (p.count === 0) return [row('Pauses (≥ 1 s)', 'none')];
  const lines = [
    row(
      'Pauses (≥ 1 s)',
      `${p.count} — longest ${p.longestSec.toFixed(1)} s, total ${p.totalSec.toFixed(1)} s ` +
        `(${percent(p.silenceShare)} of your turns)`,
    ),
  ];
  const longest = [...p.items].sort((a, b) => b.durationSec - a.durationSec).slice(0, MAX_PAUSES_LISTED);
  const stamps = longest.sort((a, b) => a.start - b.start).map((x) => `${clock(x.start)} (${x.durationSec.toFixed(1)} s)`);
  lines.push(more(`${p.count > MAX_PAUSES_LISTED ? `longest ${MAX_PAUSES_LISTED}: ` : ''}${stamps.join(', ')}`));
  return lines;
}

const MARK: Record<MetricCard['verdict'], string> = { low: '▼ low ', ok: '✓ ok  ', high: '▲ high', info: 'ℹ info' };

export function cardLines(cards: readonly MetricCard[]): string[] {
  return cards.flatMap((c) => [
    `  ${MARK[c.verdict]}  ${c.label.padEnd(24)} ${shown(c, c.value).padStart(9)}   (${c.verdict === 'info' ? 'for information' : `range ${rangeText(c)}`})`,
    `            ${c.advice}`,
  ]);
}
