import { hesitation } from './word-sets.js';

export interface VocabularyStats {
  /** Distinct words ÷ words over the whole text (falls as any text grows, so only comparable at equal length). */
  readonly uniqueRatio: number;
  readonly uniqueWords: number;
  /**
   * Moving-average type-token ratio: the share of distinct words in every window of `windowWords`
   * consecutive words, averaged (Covington & McFall 2010). Unlike the plain ratio it does not fall with
   * length, so a 2-minute and a 20-minute interview compare. Texts shorter than the window get the
   * plain ratio.
   */
  readonly mattr: number;
  readonly windowWords: number;
}

/**
 * 50 words ≈ 20 s of speech: long enough for repeats to show, short enough that one answer holds many
 * windows. (Covington & McFall used 500 on written text; spoken-language studies commonly use 50.)
 */
export const MATTR_WINDOW = 50;

/** Vocabulary richness over lexical tokens, hesitation sounds excluded (they are not vocabulary). O(n). */
export function vocabularyStats(norms: readonly string[], windowWords = MATTR_WINDOW): VocabularyStats {
  const words = norms.filter((w) => hesitation(w) === undefined);
  const unique = new Set(words).size;
  const uniqueRatio = words.length > 0 ? unique / words.length : 0;
  if (words.length <= windowWords) return { uniqueRatio, uniqueWords: unique, mattr: uniqueRatio, windowWords };
  const counts = new Map<string, number>();
  let distinct = 0;
  const add = (w: string, d: number): void => {
    const c = (counts.get(w) ?? 0) + d;
    if (c === 0) counts.delete(w);
    else counts.set(w, c);
    if (d > 0 && c === 1) distinct++;
    if (d < 0 && c === 0) distinct--;
  };
  for (let k = 0; k < windowWords; k++) add(words[k]!, 1);
  let sum = distinct;
  for (let k = windowWords; k < words.length; k++) {
    add(words[k]!, 1);
    add(words[k - windowWords]!, -1);
    sum += distinct;
  }
  const windows = words.length - windowWords + 1;
  return { uniqueRatio, uniqueWords: unique, mattr: sum / windows / windowWords, windowWords };
}
