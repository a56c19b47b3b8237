import { detectFillers } from '../services/analysis/metrics/fillers.js';
import { toTimeline } from '../services/analysis/metrics/timeline.js';
import { isBackChannel } from '../services/analysis/metrics/word-sets.js';
import type { Word } from '../services/transcripts/transcript.js';

/** The README's strict filler regex. */
export const STRICT_FILLER_REGEX = /\b(?:um|uh|er|ah|hmm|mm)\b/gi;
const STRICT_WORDS = new Set(['um', 'uh', 'er', 'ah', 'hmm', 'mm']);
/** A word with at least one hyphen, as the tokenizer joins them ("Mm-hmm", "biologic-um"). */
const HYPHENATED = /[A-Za-z0-9]+(?:[-\u2010\u2011][A-Za-z0-9]+)+/g;

/**
 * How many hits of the strict regex fall inside hyphenated back-channel words ("Mm-hmm" gives 2,
 * "Uh-huh" 1). The regex counts them; the detector does not, because a back-channel is a listener's
 * "yes, go on", not a hesitation (word-sets.ts `isBackChannel`, and the labelling guide of
 * test/fixtures/labelled-fillers). Every comparison with the regex (here, and the manifest's
 * filler_count in test/unit/analysis) subtracts these hits from the reference.
 */
export function backChannelRegexHits(text: string): number {
  let n = 0;
  for (const [w] of text.matchAll(HYPHENATED)) {
    if (isBackChannel(w.toLowerCase())) n += w.match(STRICT_FILLER_REGEX)?.length ?? 0;
  }
  return n;
}

/** The strict regex's count with back-channel words excluded: what the detector should match. */
export const strictRegexCount = (text: string): number =>
  (text.match(STRICT_FILLER_REGEX)?.length ?? 0) - backChannelRegexHits(text);

export interface Agreement {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

/**
 * The default detector against the strict regex, where the regex applies: on the tokens it can match
 * (um, uh, er, ah, hmm, mm spelt exactly so), outside back-channel words (`backChannelRegexHits`). Detector items are matched to regex hits by engine word
 * (synthetic times make every word's start unique). Variant spellings ("umm") are outside the regex's
 * reach and are not counted either way.
 */
export function strictAgreement(words: readonly Word[]): Agreement {
  const expected = new Map<number, number>();
  for (const w of words) {
    const hits = strictRegexCount(w.text);
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
