/**
 * Which tokens are fillers, with the rules that tell a filler from the same words used literally.
 * Data, not code, so tests (the testdata's strict list) can swap lexicons without touching the matcher.
 */
import { isLiteralLike } from './like-filler.js';
import { iMeanIsLiteral, kindOfIsLiteral, youKnowIsLiteral } from './filler-rules.js';
import type { PhraseLexicon } from './phrase-matcher.js';
import { makePhraseLexicon } from './phrase-matcher.js';
import { hesitation } from './word-sets.js';

export type { PhraseEntry as FillerPhrase } from './phrase-matcher.js';
export type FillerLexicon = PhraseLexicon;

/**
 * A lexicon without context rules (each entry always counts), e.g. the README's strict regex. Like
 * every lexicon it finds nothing inside a hyphenated back-channel ("uh-huh"), where the regex does.
 */
export const makeFillerLexicon = (
  single: Iterable<string | readonly [token: string, canonical: string]>,
  phrases: Iterable<string | readonly [phrase: string, canonical: string]> = [],
): FillerLexicon => makePhraseLexicon(single, phrases);

/**
 * Version 2 (report schemaVersion 2):
 *  - hesitations um, uh, er, erm, ah, hmm, mm and their spellings ("ummm", "uhh", "hm"), see
 *    `hesitation()`;
 *  - "like" only as a filler (rules in like-filler.ts);
 *  - "you know" ("yknow", "y'know"), "I mean", "sort of", "kind of", each ONE item, unless a rule
 *    finds the literal use (filler-rules.ts); "you know what I mean" is one "you know";
 *  - "basically", which in speech almost never carries its dictionary meaning.
 */
export const DEFAULT_FILLER_LEXICON: FillerLexicon = makePhraseLexicon(
  ['like', 'basically', ['yknow', 'you know']],
  [
    ['you know what i mean', 'you know'],
    'you know',
    ['y know', 'you know'],
    'i mean',
    'sort of',
    'kind of',
  ],
  {
    like: isLiteralLike,
    'you know': youKnowIsLiteral,
    'i mean': iMeanIsLiteral,
    'sort of': kindOfIsLiteral,
    'kind of': kindOfIsLiteral,
  },
  hesitation,
);
