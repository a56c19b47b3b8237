import type { Interval, Timeline } from './timeline.js';
import { coveredSec } from './turns.js';
import { type WpmPoint, wpmSeries } from './wpm-series.js';

/**
 * The candidate's floor time: the recording minus the other speakers' turns. It keeps what v1's overall
 * WPM kept (the candidate's own pauses, the thinking time before an answer) and removes only the
 * time someone else was talking, so with one speaker it is the whole recording and WPM is v1's.
 */
export const floorSec = (durationSec: number, others: readonly Interval[]): number =>
  Math.max(0, durationSec - coveredSec(others, 0, durationSec));

/**
 * The candidate's pace over time: fixed windows [t, t + 30 s) over the recording, each the candidate's
 * words ÷ the candidate's floor time in the window. A window with under 10 s of floor time (mostly
 * the interviewer, or a short tail) is dropped for the reason v1 drops short tails. With one speaker
 * this is exactly v1's series. `durationSec` of a point is that floor time.
 */
export const candidateWpmSeries = (candidate: Timeline, others: readonly Interval[], durationSec: number): WpmPoint[] =>
  wpmSeries(candidate, durationSec, { excluded: others });

/**
 * Pace variability: coefficient of variation (standard deviation ÷ mean) of the windowed WPM. 0 is a
 * metronome; 0.25 means windows typically differ from the average by a quarter. Needs 3 windows
 * (90 s); shorter recordings get 0 with nothing to compare.
 */
export function paceVariability(series: readonly WpmPoint[]): number {
  if (series.length < 3) return 0;
  const values = series.map((p) => p.wpm);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
