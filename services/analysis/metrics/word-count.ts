import type { Word } from '../../transcripts/transcript.js';
import { countWordTokens } from './tokens.js';

/**
 * Words spoken, by the shared token definition (see tokens.ts). Fillers are words too: the reference
 * WPM in the testdata counts "uh" like any other word, and so do coaching tools' WPM figures.
 * Accepts raw engine words or timeline words; order does not matter.
 */
export function wordCount(words: readonly Pick<Word, 'text'>[]): number {
  let n = 0;
  for (const w of words) n += countWordTokens(w.text);
  return n;
}
