import type { Interval, Timeline } from './timeline.js';
import { TIME_EPSILON, gapLength, speechGaps, speechSpan } from './timeline.js';
import { PAUSE_MIN_SEC } from './pauses.js';

export interface SpeechRun extends Interval {
  readonly durationSec: number;
}

/**
 * The longest stretch of talk not broken by a pause (a gap ≥ `breakGapSec`, the same threshold as a
 * counted pause, so "continuous" means "no pause the report lists"). Measured from the run's first
 * word start to its last word end. Speakers are not separated in this version: a run can include
 * crosstalk. Returns null for a transcript with no words. One O(n) pass.
 */
export function longestSpeechRun(tl: Timeline, breakGapSec = PAUSE_MIN_SEC): SpeechRun | null {
  const span = speechSpan(tl);
  if (!span) return null;
  let best: SpeechRun | null = null;
  let runStart = span.start;
  const consider = (end: number): void => {
    if (!best || end - runStart > best.durationSec) best = { start: runStart, end, durationSec: end - runStart };
  };
  for (const g of speechGaps(tl)) {
    if (gapLength(g) < breakGapSec - TIME_EPSILON) continue;
    consider(g.start);
    runStart = g.end;
  }
  consider(span.end);
  return best;
}
