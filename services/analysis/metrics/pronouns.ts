import { set } from './word-sets.js';

/**
 * First-person singular and plural, as in LIWC's "i" and "we" categories that Naim et al. (2015) used:
 * candidates who said "we" more were rated higher. "I'm" tokenises to "i" + "m", so contractions count.
 * "us" is ambiguous with "US"; in interviews the country is rare enough to accept.
 */
const I_WORDS = set('i', 'me', 'my', 'mine', 'myself');
const WE_WORDS = set('we', 'us', 'our', 'ours', 'ourselves');

export interface PronounStats {
  readonly i: number;
  readonly we: number;
  /** we ÷ (i + we); 0 when neither is used. */
  readonly weRatio: number;
}

export function pronounStats(norms: readonly string[]): PronounStats {
  let i = 0;
  let we = 0;
  for (const w of norms) {
    if (I_WORDS.has(w)) i++;
    else if (WE_WORDS.has(w)) we++;
  }
  return { i, we, weRatio: i + we > 0 ? we / (i + we) : 0 };
}
