import { posTags } from './pos-tagger.js';
import type { Tok, TokenStream } from './token-stream.js';
import { neighbour } from './token-stream.js';
import { isBackChannel } from './word-sets.js';

/**
 * A matched phrase in its surroundings, for rules that tell a filler or hedge from the same words used
 * literally ("you know" vs "do you know"). Neighbours never cross a change of speaker.
 */
export interface PhraseContext {
  readonly toks: readonly Tok[];
  /** Index of the phrase's first token and its length in tokens. */
  readonly i: number;
  readonly len: number;
  /** The token `k` (≥ 1) places before the phrase, in the same turn. */
  before(k?: number): Tok | undefined;
  /** The token `k` (≥ 1) places after the phrase, in the same turn. */
  after(k?: number): Tok | undefined;
  /** Universal POS tag of token `index` (tagged on first use for the whole stream). */
  pos(index: number): string;
}

/** True when the words at this position are used literally, so they are NOT counted. */
export type LiteralRule = (ctx: PhraseContext) => boolean;

export interface PhraseEntry {
  /** Lower-cased lexical tokens, as `lexicalTokens` produces them. */
  readonly tokens: readonly string[];
  /** The name reported for every match ("you know" for "y'know" too). */
  readonly canonical: string;
}

export interface PhraseLexicon {
  /** Single-token entries: token → canonical name. */
  readonly single: ReadonlyMap<string, string>;
  /** Multi-token entries, longest first, each reported as ONE item. */
  readonly phrases: readonly PhraseEntry[];
  /** Literal-use rules by canonical name; an entry without one always counts. */
  readonly rules: ReadonlyMap<string, LiteralRule>;
  /** Maps spelling variants of a single token ("ummm") to a canonical name; consulted after `single`. */
  readonly spelling?: (norm: string) => string | undefined;
}

export interface PhraseItem {
  readonly word: string;
  readonly start: number;
  readonly speaker: string | undefined;
  /** Index of the first token in the stream (lets tests and other detectors line items up). */
  readonly index: number;
}

/** Does `phrase` match at `i` without crossing punctuation or a change of speaker? */
function phraseAt(toks: readonly Tok[], i: number, phrase: readonly string[]): boolean {
  const first = toks[i];
  if (!first) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = toks[i + k];
    if (!t || t.norm !== phrase[k] || t.turn !== first.turn) return false;
    if (k < phrase.length - 1 && t.breakAfter) return false;
  }
  return true;
}

/**
 * Every occurrence of a lexicon entry, in stream order. Longer phrases win; a token inside a counted
 * phrase is not counted again; an entry its rule calls literal is skipped and shorter entries are
 * tried at the same place. A token of a hyphenated back-channel word ("mm-hmm", "uh-huh", see
 * `isBackChannel`) is never an item of any lexicon: the word is a listener's "go on", and its parts
 * are not hesitations. O(tokens × phrases); lexicons hold a handful of phrases.
 */
export function matchPhrases(stream: TokenStream, lexicon: PhraseLexicon): PhraseItem[] {
  const { toks } = stream;
  let tags: string[] | undefined;
  const ctxAt = (i: number, len: number): PhraseContext => ({
    toks,
    i,
    len,
    before: (k = 1) => neighbour(toks, i, -k),
    after: (k = 1) => neighbour(toks, i + len - 1, k),
    pos: (index) => (tags ??= posTags(stream))[index] ?? 'X',
  });
  const counts = (canonical: string, i: number, len: number): boolean =>
    !(lexicon.rules.get(canonical)?.(ctxAt(i, len)) ?? false);
  const items: PhraseItem[] = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    if (isBackChannel(tok.word)) {
      i++;
      continue;
    }
    const phrase = lexicon.phrases.find((p) => phraseAt(toks, i, p.tokens) && counts(p.canonical, i, p.tokens.length));
    if (phrase) {
      items.push({ word: phrase.canonical, start: tok.start, speaker: tok.speaker, index: i });
      i += phrase.tokens.length;
      continue;
    }
    const single = lexicon.single.get(tok.norm) ?? lexicon.spelling?.(tok.norm);
    if (single !== undefined && counts(single, i, 1)) {
      items.push({ word: single, start: tok.start, speaker: tok.speaker, index: i });
    }
    i++;
  }
  return items;
}

export function makePhraseLexicon(
  single: Iterable<string | readonly [token: string, canonical: string]>,
  phrases: Iterable<string | readonly [phrase: string, canonical: string]> = [],
  rules: Readonly<Record<string, LiteralRule>> = {},
  spelling?: (norm: string) => string | undefined,
): PhraseLexicon {
  const map = new Map<string, string>();
  for (const e of single) {
    const [token, canonical] = typeof e === 'string' ? [e, e] : e;
    map.set(token.toLowerCase(), canonical);
  }
  const list: PhraseEntry[] = [];
  for (const e of phrases) {
    const [phrase, canonical] = typeof e === 'string' ? [e, e] : e;
    const tokens = phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (tokens.length < 2) throw new RangeError(`phrase "${phrase}" needs at least two tokens`);
    list.push({ tokens, canonical });
  }
  // Longest first, so a longer phrase wins over a shorter one sharing its first token.
  list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { single: map, phrases: list, rules: new Map(Object.entries(rules)), ...(spelling ? { spelling } : {}) };
}
