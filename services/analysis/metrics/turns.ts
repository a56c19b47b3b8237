import type { Interval, Timeline } from './timeline.js';

/** A maximal run of consecutive words by one speaker. */
export interface Turn extends Interval {
  readonly speaker: string;
  /** Index range [from, to) in the timeline's words. */
  readonly from: number;
  readonly to: number;
  /** Words, by the shared token definition. */
  readonly words: number;
}

/**
 * Turns in time order; the same numbering as the token stream's `turn`. Any word by someone else ends a
 * turn, a back-channel "mhm" included: the transcript cannot tell a back-channel from an interruption.
 * `end` is the latest word end in the turn (words may overlap). O(n).
 */
export function turns(tl: Timeline): Turn[] {
  const out: Turn[] = [];
  tl.words.forEach((w, i) => {
    const speaker = w.speaker ?? '';
    const last = out[out.length - 1];
    if (last && last.speaker === speaker) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, w.end), to: i + 1, words: last.words + w.tokens };
    } else {
      out.push({ speaker, start: w.start, end: w.end, from: i, to: i + 1, words: w.tokens });
    }
  });
  return out;
}

/** One turn's words as a timeline of their own, for the per-turn metrics (pauses, runs). */
export const turnTimeline = (tl: Timeline, t: Turn): Timeline => ({ words: tl.words.slice(t.from, t.to), issues: tl.issues });

/** Sorted, disjoint union of intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, iv.end) };
    else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

/** Seconds of the disjoint intervals that fall inside [from, to). */
export function coveredSec(disjoint: readonly Interval[], from: number, to: number): number {
  let sec = 0;
  for (const iv of disjoint) {
    if (iv.start >= to) break;
    sec += Math.max(0, Math.min(iv.end, to) - Math.max(iv.start, from));
  }
  return sec;
}
