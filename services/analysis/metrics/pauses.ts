import type { Timeline } from './timeline.js';
import { TIME_EPSILON, gapLength, speechGaps, speechSpan } from './timeline.js';

/**
 * A silence of 1 s or more between words is a pause a listener notices; shorter gaps are normal
 * phrasing. (The 0.3 s merge threshold in speaking-time.ts is about articulation, this one about
 * what a coach would comment on.)
 */
export const PAUSE_MIN_SEC = 1;

export interface PauseItem {
  readonly start: number;
  readonly end: number;
  readonly durationSec: number;
}

export interface PauseStats {
  readonly count: number;
  readonly longestSec: number;
  readonly totalSec: number;
  /**
   * Pause time ÷ speech span (first word start → last word end). Leading and trailing silence are
   * excluded on purpose: when the recording starts or stops is not the speaker's pacing.
   */
  readonly silenceShare: number;
  readonly items: readonly PauseItem[];
}

/**
 * Silent gaps ≥ `minPauseSec` between words. A gap that an engine failed to fill with a word (an
 * unrecognised "uh") reads as silence here; only the transcript's words are evidence of speech.
 */
export function detectPauses(tl: Timeline, minPauseSec = PAUSE_MIN_SEC): PauseStats {
  const items: PauseItem[] = [];
  let longestSec = 0;
  let totalSec = 0;
  for (const g of speechGaps(tl)) {
    const d = gapLength(g);
    if (d < minPauseSec - TIME_EPSILON) continue;
    items.push({ start: g.start, end: g.end, durationSec: d });
    totalSec += d;
    if (d > longestSec) longestSec = d;
  }
  const span = speechSpan(tl);
  const spanSec = span ? span.end - span.start : 0;
  return { count: items.length, longestSec, totalSec, silenceShare: spanSec > 0 ? totalSec / spanSec : 0, items };
}
