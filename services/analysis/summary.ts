import type { Report } from './report.schema.js';
import { bar, clock, listWithMore, percent, sparkline } from './format.js';

const LABEL_WIDTH = 17;
const MAX_STAMPS_PER_FILLER = 8;
const MAX_PAUSES_LISTED = 5;
/** Up to this many windows (10 minutes) get a row each; longer recordings get only the sparkline. */
const MAX_TABLE_ROWS = 20;
const BAR_WIDTH = 24;

const row = (label: string, text: string): string => `${label.padEnd(LABEL_WIDTH)}${text}`;
const more = (text: string): string => `${' '.repeat(LABEL_WIDTH)}${text}`;

function verdict(value: number, low: number | undefined, high: number): string {
  if (low !== undefined && value < low) return 'below';
  return value > high ? 'above' : 'within';
}

function paceLines(r: Report): string[] {
  const m = r.metrics;
  const { low, high } = r.reference.wpm;
  // Judge the number as printed, so "130 WPM" never reads as below a range that starts at 130.
  const shown = Math.round(m.wpm);
  const lines = [
    row(
      'Pace',
      `${shown} WPM overall (${verdict(shown, low, high)} the ${low}–${high} reference), ` +
        `${Math.round(m.articulationWpm)} WPM while speaking`,
    ),
  ];
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

function fillerLines(r: Report): string[] {
  const f = r.metrics.fillers;
  const { high } = r.reference.fillerRatio;
  if (f.count === 0) return [row('Fillers', 'none found')];
  const lines = [
    row(
      'Fillers',
      `${f.count} — ${f.perMinute.toFixed(1)} per minute, ${percent(f.ratio, 1)} of words ` +
        `(${f.ratio > high ? 'above' : 'within'} the ${percent(high)} target)`,
    ),
  ];
  // Group by filler, most frequent first, each with its timestamps in time order.
  const byWord = new Map<string, string[]>();
  for (const item of f.items) {
    const stamps = byWord.get(item.word) ?? [];
    stamps.push(clock(item.start));
    byWord.set(item.word, stamps);
  }
  const groups = [...byWord].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [word, stamps] of groups) {
    lines.push(more(`"${word}" ×${stamps.length}: ${listWithMore(stamps, MAX_STAMPS_PER_FILLER)}`));
  }
  return lines;
}

function pauseLines(r: Report): string[] {
  const p = r.metrics.pauses;
  if (p.count === 0) return [row('Pauses (≥ 1 s)', 'none')];
  const lines = [
    row(
      'Pauses (≥ 1 s)',
      `${p.count} — longest ${p.longestSec.toFixed(1)} s, total ${p.totalSec.toFixed(1)} s ` +
        `(${percent(p.silenceShare)} of the time from first to last word)`,
    ),
  ];
  const longest = [...p.items].sort((a, b) => b.durationSec - a.durationSec).slice(0, MAX_PAUSES_LISTED);
  const shown = longest.sort((a, b) => a.start - b.start).map((x) => `${clock(x.start)} (${x.durationSec.toFixed(1)} s)`);
  const label = p.count > MAX_PAUSES_LISTED ? `longest ${MAX_PAUSES_LISTED}: ` : '';
  lines.push(more(`${label}${shown.join(', ')}`));
  return lines;
}

/**
 * A readable plain-text summary for the CLI: headline numbers with their reference ranges, fillers
 * with timestamps (m:ss), pauses, pace over time, then the quality notes. Pure: same report, same text.
 */
export function formatReportText(report: Report): string {
  const m = report.metrics;
  const title = report.interviewId ? `Interview ${report.interviewId}` : 'Interview report';
  const speakingShare = m.durationSec > 0 ? ` (${percent(m.speakingSec / m.durationSec)} of the recording)` : '';
  const lines = [
    `${title} — engine ${report.engine}, generated ${report.generatedAt}`,
    '',
    row('Duration', `${clock(m.durationSec)}, speaking ${clock(m.speakingSec)}${speakingShare}`),
    row('Words', String(m.wordCount)),
    ...paceLines(report),
    ...fillerLines(report),
    ...pauseLines(report),
    row('Longest stretch', m.longestSpeechSec > 0 ? `${m.longestSpeechSec.toFixed(1)} s without a pause` : '—'),
  ];
  if (report.quality.notes.length > 0) {
    lines.push('', 'Notes:', ...report.quality.notes.map((n) => `  - ${n}`));
  }
  return `${lines.join('\n')}\n`;
}
