import { detectFillers } from '../services/analysis/metrics/fillers.js';
import { toTimeline } from '../services/analysis/metrics/timeline.js';
import type { Word } from '../services/transcripts/transcript.js';

/** The README's strict filler regex. */
export const STRICT_FILLER_REGEX = /\b(?:um|uh|er|ah|hmm|mm)\b/gi;
const STRICT_WORDS = new Set(['um', 'uh', 'er', 'ah', 'hmm', 'mm']);

export interface Agreement {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

/**
 * The default detector against the strict regex, where the regex applies: on the tokens it can match
 * (um, uh, er, ah, hmm, mm spelt exactly so). Detector items are matched to regex hits by engine word
 * (synthetic times make every word's start unique). Variant spellings ("umm") are outside the regex's
 * reach and are not counted either way.
 */
export function strictAgreement(words: readonly Word[]): Agreement {
  const expected = new Map<number, number>();
  for (const w of words) {
    const hits = w.text.match(STRICT_FILLER_REGEX)?.length ?? 0;
    if (hits > 0) expected.set(w.start, (expected.get(w.start) ?? 0) + hits);
  }
  const found = new Map<number, number>();
  const timeline = toTimeline(words);
  const byStart = new Map(timeline.words.map((w) => [w.start, w.text]));
  for (const f of detectFillers(timeline)) {
    // Only items whose own spelling the regex could match: "uh" yes, "uhm" (reported as "um") no.
    const text = byStart.get(f.start) ?? '';
    const strictHere = text.toLowerCase().split(/[^a-z]+/).filter((t) => STRICT_WORDS.has(t)).length;
    if (STRICT_WORDS.has(f.word) && strictHere > 0) found.set(f.start, (found.get(f.start) ?? 0) + 1);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const start of new Set([...expected.keys(), ...found.keys()])) {
    const e = expected.get(start) ?? 0;
    const f = found.get(start) ?? 0;
    tp += Math.min(e, f);
    fp += Math.max(0, f - e);
    fn += Math.max(0, e - f);
  }
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn };
}
