import type { FillerLexicon } from './filler-lexicon.js';
import { DEFAULT_FILLER_LEXICON } from './filler-lexicon.js';
import type { PhraseItem } from './phrase-matcher.js';
import { matchPhrases } from './phrase-matcher.js';
import type { Timeline } from './timeline.js';
import type { TokenStream } from './token-stream.js';
import { tokenStream } from './token-stream.js';
import { wordsPerMinute } from './wpm.js';

/** A filler occurrence: canonical name ("um", "you know"), start of its engine word, speaker. */
export type FillerItem = PhraseItem;

/**
 * Filler occurrences in time order, for every speaker (filter by `speaker` afterwards). Matching is on
 * lexical tokens (letter/digit runs), so "Um," and "biologic-um" match like the reference regex
 * `\b(?:um|uh|…)\b` does, with one documented difference: a hyphenated back-channel word
 * ("Mm-hmm.", "Uh-huh.") yields no filler, where the regex finds "mm" + "hmm" or "uh" in it (see
 * `isBackChannel`; eval/strict-agreement.ts drops those regex hits too). A phrase ("you know") is one item. Accepts a timeline or a prepared stream
 * (the analyzer builds the stream once for every detector).
 */
export function detectFillers(input: Timeline | TokenStream, lexicon: FillerLexicon = DEFAULT_FILLER_LEXICON): FillerItem[] {
  return matchPhrases('toks' in input ? input : tokenStream(input), lexicon);
}

export interface FillerStats {
  readonly count: number;
  /** Per minute of the candidate's floor time (the same denominator as WPM). */
  readonly perMinute: number;
  /** Filler items ÷ words. A phrase counts once here though it spans two words. */
  readonly ratio: number;
  readonly items: readonly FillerItem[];
}

export function fillerStats(items: readonly FillerItem[], words: number, durationSec: number): FillerStats {
  return {
    count: items.length,
    perMinute: wordsPerMinute(items.length, durationSec),
    ratio: words > 0 ? items.length / words : 0,
    items,
  };
}
