import type { Word } from '../services/transcripts/transcript.js';

export interface SyntheticTiming {
  /** Seconds each token lasts. */
  readonly wordSec?: number;
  /** Silence after each token. */
  readonly gapSec?: number;
  readonly startSec?: number;
}

/**
 * Gives each whitespace token of `text` a synthetic time slot (for texts with no real timings, such
 * as the MIT transcripts). Text-only metrics do not depend on the times; rate tests pick them.
 */
export function wordsFromText(text: string, timing: SyntheticTiming = {}, speaker?: string): Word[] {
  const wordSec = timing.wordSec ?? 0.3;
  const gapSec = timing.gapSec ?? 0.1;
  let t = timing.startSec ?? 0;
  const out: Word[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    out.push({ text: token, start: t, end: t + wordSec, ...(speaker !== undefined ? { speaker } : {}) });
    t += wordSec + gapSec;
  }
  return out;
}
