import type { Timeline } from './timeline.js';
import { speechSpan } from './timeline.js';

/**
 * Recording length for rate metrics. The media duration the engine reports is authoritative (it
 * includes leading/trailing silence, as the testdata reference WPM does), but chunk stitching or an
 * import whose durationSec is the last cue's end can leave words ending slightly past it; we extend
 * to the last word rather than produce a rate over a span shorter than the speech itself.
 * A missing, negative or non-finite reported duration counts as 0.
 */
export function recordingDurationSec(reportedSec: number, tl: Timeline): number {
  const reported = Number.isFinite(reportedSec) && reportedSec > 0 ? reportedSec : 0;
  const span = speechSpan(tl);
  return span ? Math.max(reported, span.end) : reported;
}
