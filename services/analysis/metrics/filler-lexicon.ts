/**
 * Which tokens are fillers. Data, not code, so later versions (like-as-filler, "sort of", "basically"
 * with context rules) and tests (the testdata's strict list) can swap lexicons without touching the
 * matcher.
 */
export interface FillerPhrase {
  /** Lower-cased lexical tokens, as `lexicalTokens` produces them. */
  readonly tokens: readonly string[];
  /** The name reported for every match ("you know" for "y'know" too). */
  readonly canonical: string;
}

export interface FillerLexicon {
  /** Single-token fillers: token → canonical name. */
  readonly single: ReadonlyMap<string, string>;
  /** Multi-token fillers, each reported as ONE item. */
  readonly phrases: readonly FillerPhrase[];
}

export function makeFillerLexicon(
  single: Iterable<string | readonly [token: string, canonical: string]>,
  phrases: Iterable<string | readonly [phrase: string, canonical: string]> = [],
): FillerLexicon {
  const map = new Map<string, string>();
  for (const e of single) {
    const [token, canonical] = typeof e === 'string' ? [e, e] : e;
    map.set(token.toLowerCase(), canonical);
  }
  const list: FillerPhrase[] = [];
  for (const e of phrases) {
    const [phrase, canonical] = typeof e === 'string' ? [e, e] : e;
    const tokens = phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (tokens.length < 2) throw new RangeError(`filler phrase "${phrase}" needs at least two tokens`);
    list.push({ tokens, canonical });
  }
  // Longest first, so a longer phrase wins over a shorter one sharing its first token.
  list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { single: map, phrases: list };
}

/**
 * Version 1: hesitation sounds, plus the two discourse markers coaches flag most. "like" is left out
 * on purpose: it is a filler only in some positions ("it was, like, fine" vs "I like Rust"), and a
 * lexical count would mostly be wrong; it needs the context rules of a later version. The spellings
 * "yknow"/"y'know" are the same filler as "you know" and are reported under that name.
 * Known over-count: "you know"/"I mean" used literally ("do you know…", "what I mean is…").
 */
export const DEFAULT_FILLER_LEXICON: FillerLexicon = makeFillerLexicon(
  ['um', 'uh', 'er', 'ah', 'hmm', 'mm', 'erm', 'uhm', 'umm', 'hm', ['yknow', 'you know']],
  ['you know', ['y know', 'you know'], 'i mean'],
);
