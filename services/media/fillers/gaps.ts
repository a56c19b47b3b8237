/**
 * Where to listen for hesitations Whisper did not write: the gaps between its words. Pure.
 *
 * Whisper's word times stretch a word over a hesitation next to it ("The" timed 10.02–10.58 s where
 * the speaker said "um" at 9.89–10.34 and "the" at 10.55), so a gap is extended into a neighbour
 * whose duration is longer than its text needs (`expectedWordSec`). A region that starts inside such
 * a stretched word is marked `cut`: the detector drops a sound that begins right at that edge, which
 * is the word's own held end (a lengthened "words…"), not a hesitation.
 *
 * Whisper's own fillers are kept clear of (GUARD_SEC each side), so one "uh" is not counted twice.
 */
import type { Word } from '../../transcripts/transcript.js';
import { hesitation } from '../../analysis/metrics/word-sets.js';

export interface Region {
  start: number;
  end: number;
  /** True when `start` lies inside the previous word (its stretched tail). */
  cut: boolean;
}

/** Shortest region worth scanning; a hesitation shorter than the detector's 0.2 s minimum cannot fit. */
export const MIN_REGION_SEC = 0.2;
/**
 * Kept clear on each side of a filler Whisper already wrote: its times for a filler are loose (zero
 * length, or off by a few hundred ms), so a sound next to it is most likely the same hesitation.
 * Measured over the testdata clips (base, audio pass): 0.25 / 0.6 / 1.0 s gave 29 found + 6 false,
 * 29 + 4, 29 + 3 with the hotwords, and 20 + 2, 20 + 1, 19 + 1 without.
 */
export const GUARD_SEC = 1.0;

/** Letters and digits of a word, lower-case ("Um," → "um"). */
export const bareWord = (text: string): string => text.toLowerCase().replace(/[^a-z0-9']/g, '');

/** True when the word is a hesitation the analysis counts (um, uh, er, ah, hmm, mm and spellings). */
export const isHesitationWord = (text: string): boolean => hesitation(bareWord(text).replace(/'/g, '')) !== undefined;

/** A generous duration for saying the word at a slow pace: 0.1 s + 60 ms a letter. */
export function expectedWordSec(text: string): number {
  return 0.1 + 0.06 * bareWord(text).length;
}

/** Regions between (and inside the stretched parts of) the words, in time order. */
export function hesitationRegions(words: readonly Word[], durationSec: number, guardSec = GUARD_SEC, minSec = MIN_REGION_SEC): Region[] {
  const sorted = [...words].sort((a, b) => a.start - b.start);
  const out: Region[] = [];
  for (let i = 0; i <= sorted.length; i++) {
    const prev = sorted[i - 1], next = sorted[i];
    let start = prev ? prev.end : 0;
    let end = next ? next.start : durationSec;
    let cut = false;
    if (prev) {
      if (isHesitationWord(prev.text)) start = prev.end + guardSec;
      else if (prev.end - prev.start > expectedWordSec(prev.text)) {
        start = prev.start + expectedWordSec(prev.text);
        cut = true;
      }
    }
    if (next) {
      if (isHesitationWord(next.text)) end = next.start - guardSec;
      else if (next.end - next.start > expectedWordSec(next.text)) end = next.end - expectedWordSec(next.text);
    }
    start = Math.max(0, start);
    end = Math.min(durationSec, end);
    if (end - start >= minSec) out.push({ start, end, cut });
  }
  return out;
}
