import type { FillerLexicon } from './filler-lexicon.js';
import { DEFAULT_FILLER_LEXICON } from './filler-lexicon.js';
import type { Timeline } from './timeline.js';
import { lexicalTokens } from './tokens.js';
import { wordsPerMinute } from './wpm.js';

export interface FillerItem {
  /** Canonical filler name ("um", "you know"). */
  readonly word: string;
  /** Start of the engine word holding it (sub-word timing is not available). */
  readonly start: number;
}

interface Tok {
  readonly norm: string;
  readonly breakAfter: boolean;
  readonly start: number;
  readonly speaker: string | undefined;
}

/** One lexical token stream over the whole timeline, so a phrase can span two engine words. */
function tokenStream(tl: Timeline): Tok[] {
  const out: Tok[] = [];
  for (const w of tl.words) {
    for (const t of lexicalTokens(w.text)) out.push({ ...t, start: w.start, speaker: w.speaker });
  }
  return out;
}

/** Does `phrase` match at `i` without crossing punctuation or a change of speaker? */
function phraseAt(toks: readonly Tok[], i: number, phrase: readonly string[]): boolean {
  const first = toks[i];
  if (!first) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = toks[i + k];
    if (!t || t.norm !== phrase[k] || t.speaker !== first.speaker) return false;
    if (k < phrase.length - 1 && t.breakAfter) return false;
  }
  return true;
}

/**
 * Filler occurrences in time order. Matching is on lexical tokens (letter/digit runs), so "Um," and
 * "uh-huh" match like the reference regex `\b(?:um|uh|…)\b` does. A phrase ("you know") is one item.
 * O(tokens × phrases), and the lexicon holds a handful of phrases.
 */
export function detectFillers(tl: Timeline, lexicon: FillerLexicon = DEFAULT_FILLER_LEXICON): FillerItem[] {
  const toks = tokenStream(tl);
  const items: FillerItem[] = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    const phrase = lexicon.phrases.find((p) => phraseAt(toks, i, p.tokens));
    if (phrase) {
      items.push({ word: phrase.canonical, start: tok.start });
      i += phrase.tokens.length;
      continue;
    }
    const single = lexicon.single.get(tok.norm);
    if (single !== undefined) items.push({ word: single, start: tok.start });
    i++;
  }
  return items;
}

export interface FillerStats {
  readonly count: number;
  /** Per minute of recording (same denominator as overall WPM). */
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
