import type { Timeline } from './timeline.js';
import { TIME_EPSILON, gapLength, speechGaps, speechSpan } from './timeline.js';

/**
 * Gaps shorter than this between words count as speaking. Aligners and ASR engines leave short gaps
 * at stop closures and between 10 ms frames inside fluent speech; fluency research puts the useful
 * silent-pause threshold around 0.25–0.3 s (De Jong & Bosker 2013, "Choosing a threshold for silent
 * pauses to measure second language fluency"). Below it, a "gap" is articulation, not a pause.
 */
export const SPEAKING_MERGE_GAP_SEC = 0.3;

/**
 * Seconds of speech: the union of word intervals, with gaps shorter than `mergeGapSec` filled in.
 * Overlapping words (two speakers at once) are counted once. = speech span - sum of gaps ≥ mergeGapSec.
 */
export function speakingTimeSec(tl: Timeline, mergeGapSec = SPEAKING_MERGE_GAP_SEC): number {
  const span = speechSpan(tl);
  if (!span) return 0;
  let silent = 0;
  for (const g of speechGaps(tl)) if (gapLength(g) >= mergeGapSec - TIME_EPSILON) silent += gapLength(g);
  return span.end - span.start - silent;
}
