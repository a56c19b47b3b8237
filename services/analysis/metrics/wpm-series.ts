import type { Interval, Timeline } from './timeline.js';
import { coveredSec } from './turns.js';
import { TIME_EPSILON } from './timeline.js';
import { wordsPerMinute } from './wpm.js';

export interface WpmPoint {
  /** Window start, seconds from the start of the recording. */
  readonly t: number;
  readonly wpm: number;
  /** Real window length: the window size, or less for the last, partial window. */
  readonly durationSec: number;
  /** The recording ended inside this window; its WPM is scaled by its real length. */
  readonly partial: boolean;
}

export interface WpmSeriesOptions {
  readonly windowSec?: number;
  /**
   * A last window shorter than this is dropped: two words in a 3 s tail would read as a 40 WPM
   * "slump" (or 300 WPM spike) that no one spoke. 10 s holds ~20–30 words at conversational pace,
   * enough for a rate that is not dominated by one word more or less.
   */
  readonly minPartialSec?: number;
  /**
   * Time that is not this speaker's floor (other speakers' turns, disjoint): each window's rate is
   * over the time left, and a window left with under `minPartialSec` is dropped like a short tail.
   */
  readonly excluded?: readonly Interval[];
}

export const WPM_WINDOW_SEC = 30;
export const WPM_MIN_PARTIAL_SEC = 10;

/**
 * Pace over time: fixed windows [t, t + windowSec) from 0 to the recording's end, each word counted in
 * the window holding its start. Fixed (not sliding) windows put every word in at most one point (a
 * dropped short tail takes its words with it), so the points never double-count. O(words + windows).
 * A recording shorter than `minPartialSec` has no series at all; its overall WPM says everything.
 */
export function wpmSeries(tl: Timeline, durationSec: number, opts: WpmSeriesOptions = {}): WpmPoint[] {
  const windowSec = opts.windowSec ?? WPM_WINDOW_SEC;
  const minPartialSec = opts.minPartialSec ?? WPM_MIN_PARTIAL_SEC;
  if (!(windowSec > 0)) throw new RangeError('windowSec must be positive');
  if (!(durationSec > 0)) return [];
  // The epsilon keeps 60.0000001 s from opening a third, empty window.
  const windows = Math.max(1, Math.ceil(durationSec / windowSec - TIME_EPSILON));
  const counts = new Array<number>(windows).fill(0);
  for (const w of tl.words) {
    const i = Math.min(windows - 1, Math.floor(w.start / windowSec));
    counts[i] = (counts[i] ?? 0) + w.tokens;
  }
  const series: WpmPoint[] = [];
  for (let i = 0; i < windows; i++) {
    const t = i * windowSec;
    const len = Math.min(windowSec, durationSec - t);
    const partial = len < windowSec - TIME_EPSILON;
    const floor = opts.excluded ? len - coveredSec(opts.excluded, t, t + len) : len;
    // Without exclusions only a short last window can fall under the minimum.
    if ((partial || floor < len) && floor < minPartialSec - TIME_EPSILON) continue;
    series.push({ t, wpm: wordsPerMinute(counts[i] ?? 0, floor), durationSec: floor, partial });
  }
  return series;
}
