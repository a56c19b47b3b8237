import type { Word } from '../../transcripts/transcript.js';
import { InvalidTranscriptError } from '../errors.js';
import { countWordTokens } from './tokens.js';

/**
 * A transcript's spoken words in a shape every timing metric can trust: sorted by start, end >= start,
 * non-speech tokens removed. Built once per analysis (the only O(n log n) step, and only when the
 * engine returned words out of order); each metric is then one O(n) pass.
 */
export interface TimedWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Words in `text` by the shared definition (usually 1). */
  readonly tokens: number;
  readonly speaker?: string;
  readonly confidence?: number;
}

/** What had to be repaired, so the report can say so instead of hiding it. */
export interface TimelineIssues {
  /** The engine's words were not sorted by start time. */
  readonly reordered: boolean;
  /** Words whose end preceded their start; kept as instantaneous (end = start). */
  readonly inverted: number;
  /** Words starting before an earlier word ended (crosstalk, chunk stitching). */
  readonly overlapping: number;
  /** Tokens with no letter or digit, or bracketed annotations like [laughter]. */
  readonly nonSpeech: number;
}

export interface Timeline {
  readonly words: readonly TimedWord[];
  readonly issues: TimelineIssues;
}

/** Overlaps shorter than this are rounding in the engine's timestamps, not crosstalk. */
const OVERLAP_TOLERANCE_SEC = 0.001;

export function toTimeline(words: readonly Word[]): Timeline {
  const kept: TimedWord[] = [];
  let inverted = 0;
  let nonSpeech = 0;
  let reordered = false;
  words.forEach((w, index) => {
    if (!Number.isFinite(w.start) || !Number.isFinite(w.end) || w.start < 0 || w.end < 0) {
      throw new InvalidTranscriptError(`word ${index} has an invalid time`, { index, start: w.start, end: w.end });
    }
    const tokens = countWordTokens(w.text);
    if (tokens === 0) {
      nonSpeech++;
      return;
    }
    let end = w.end;
    if (end < w.start) {
      inverted++;
      end = w.start;
    }
    const prev = kept[kept.length - 1];
    if (prev && w.start < prev.start) reordered = true;
    kept.push({
      text: w.text,
      start: w.start,
      end,
      tokens,
      ...(w.speaker !== undefined ? { speaker: w.speaker } : {}),
      ...(w.confidence !== undefined ? { confidence: w.confidence } : {}),
    });
  });
  // Array.prototype.sort is stable, so words sharing a start keep the engine's order.
  if (reordered) kept.sort((a, b) => a.start - b.start);
  let overlapping = 0;
  let coveredUntil = -Infinity;
  for (const w of kept) {
    if (w.start < coveredUntil - OVERLAP_TOLERANCE_SEC) overlapping++;
    coveredUntil = Math.max(coveredUntil, w.end);
  }
  return { words: kept, issues: { reordered, inverted, overlapping, nonSpeech } };
}

export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** From the first word's start to the latest word end (not the last word's end: words may overlap). */
export function speechSpan(tl: Timeline): Interval | null {
  const first = tl.words[0];
  if (!first) return null;
  let end = first.end;
  for (const w of tl.words) if (w.end > end) end = w.end;
  return { start: first.start, end };
}

/**
 * The silent gaps between words, i.e. the complement of the union of word intervals inside the speech
 * span. Overlapping words never produce a negative gap because we measure from the furthest end seen
 * so far. Leading and trailing silence are outside the span by construction. One O(n) pass.
 */
export function speechGaps(tl: Timeline): Interval[] {
  const gaps: Interval[] = [];
  let coveredUntil = -Infinity;
  for (const w of tl.words) {
    if (w.start > coveredUntil && coveredUntil !== -Infinity) gaps.push({ start: coveredUntil, end: w.start });
    coveredUntil = Math.max(coveredUntil, w.end);
  }
  return gaps;
}

/**
 * Threshold comparisons on differences of decimal timestamps (18.35 - 17.35 = 0.9999999999999982)
 * need a tolerance far below any timing precision an engine has (10 ms frames).
 */
export const TIME_EPSILON = 1e-9;
export const gapLength = (g: Interval): number => g.end - g.start;
