import type { Tok } from './token-stream.js';
import { hesitation, set } from './word-sets.js';

export interface RepetitionItem {
  /** The repeated word or phrase, lower-cased ("i", "for the"). */
  readonly text: string;
  /** How many times it was said in a row (2 for "I I", 3 for "I I I"). */
  readonly times: number;
  readonly start: number;
  readonly speaker: string | undefined;
}

/** Longest phrase checked: "for the for the" (2) and "we were we were" are common; longer are rare. */
export const MAX_REPEAT_TOKENS = 3;

/**
 * Doubled words that are grammatical or emphatic, not a stumble: "very very", "bye bye", "that that"
 * ("I know that that works"), "had had", "is is" ("what it is is").
 */
const INTENDED_DOUBLES = set('very', 'really', 'no', 'bye', 'so', 'ha', 'that', 'had', 'is', 'yeah', 'yes', 'well', 'many', 'more', 'long');

const same = (toks: readonly Tok[], a: number, b: number, n: number): boolean => {
  for (let k = 0; k < n; k++) if (toks[a + k]?.norm !== toks[b + k]?.norm) return false;
  return true;
};

/** No sentence end inside [from, from + n) and one turn throughout (commas and dashes are fine: "I, I"). */
const joined = (toks: readonly Tok[], from: number, n: number): boolean => {
  const turn = toks[from]?.turn;
  for (let k = 0; k < n; k++) {
    const t = toks[from + k];
    if (!t || t.turn !== turn || (k < n - 1 && t.endsSentence)) return false;
  }
  return true;
};

/**
 * Immediate repeats of a word or phrase of up to `MAX_REPEAT_TOKENS` tokens ("I I", "the the", "we we
 * were", "for the for the"), the stumbles disfluency research calls repetitions. The shortest repeating
 * unit wins, so "word word word word" is "word" ×4, not "word word" ×2; a run is one item with `times`. Hesitations ("um um") are fillers, not counted again
 * here, and INTENDED_DOUBLES are skipped when single. O(tokens × MAX_REPEAT_TOKENS²).
 */
export function detectRepetitions(toks: readonly Tok[]): RepetitionItem[] {
  const items: RepetitionItem[] = [];
  let i = 0;
  while (i < toks.length) {
    let found = false;
    for (let n = 1; n <= MAX_REPEAT_TOKENS && !found; n++) {
      if (!joined(toks, i, 2 * n) || !same(toks, i, i + n, n)) continue;
      const first = toks[i]!;
      if (n === 1 && (hesitation(first.norm) !== undefined || INTENDED_DOUBLES.has(first.norm))) continue;
      let times = 2;
      while (joined(toks, i, (times + 1) * n) && same(toks, i, i + times * n, n)) times++;
      const text = toks.slice(i, i + n).map((t) => t.norm).join(' ');
      items.push({ text, times, start: first.start, speaker: first.speaker });
      i += times * n;
      found = true;
    }
    if (!found) i++;
  }
  return items;
}
