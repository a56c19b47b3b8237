/**
 * Tokenisation shared by every metric, so "a word" means the same thing in word counts, WPM and
 * filler ratios.
 *
 * Definition (matches the testdata README's `word_count`): split on whitespace and keep every token
 * that holds at least one letter or digit, so "self-substantial", "M.I.T" and "$50" are one word each
 * and a lone "-" or "…" is none. We use Unicode classes (\p{L}, \p{N}) rather than the README's ASCII
 * [A-Za-z0-9] so a transcript in another language is not counted as empty; on English text the two
 * agree (checked against the manifest in the tests).
 */
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Non-speech marks engines and transcribers write as a whole token: [laughter], (inaudible), <sil>. */
const ANNOTATION = /^\s*(?:\[[^\]]*\]|\([^)]*\)|<[^>]*>)\s*$/u;

export const isAnnotation = (text: string): boolean => ANNOTATION.test(text);

/** Number of words in one engine token (an imported cue may hold several words in one `Word`). */
export function countWordTokens(text: string): number {
  if (isAnnotation(text)) return 0;
  let n = 0;
  for (const t of text.split(/\s+/u)) if (HAS_LETTER_OR_DIGIT.test(t)) n++;
  return n;
}

export interface LexicalToken {
  /** Lower-cased run of letters/digits. */
  readonly norm: string;
  /** True when sentence punctuation (.,;:!?) or a dash follows, so a phrase must not continue across it. */
  readonly breakAfter: boolean;
  /** True when . ? or ! follows: the token closes a sentence (question detection, sentence splitting). */
  readonly endsSentence: boolean;
  /** True when a ? follows. */
  readonly question: boolean;
  /**
   * True when a quotation mark (" “ ” « », or ' ‘ ’ at the start of the text or after a space, not an
   * apostrophe as in "it's") comes right before the token: reported speech may start there ("I was
   * like, \"sure\"").
   */
  readonly quoteBefore: boolean;
  /**
   * The hyphenated word the token belongs to, lower-cased ("mm-hmm" for both "mm" and "hmm"); the
   * token itself when it has no hyphen. Lets rules judge a whole word the regex `\b` splits.
   */
  readonly word: string;
  /** Character offset of the token in `text`, so a tagger's tokens can be aligned to ours. */
  readonly offset: number;
}

/** A single hyphen joins two runs into one word ("mm-hmm", "self-made"); "--" is a dash, not a join. */
const HYPHEN = /^[-\u2010\u2011]$/u;
const QUOTE = /["\u201c\u201d\u00ab\u00bb]|(?:^|\s)['\u2018\u2019]/u;
/** Between two runs of one text, a lone ' is an apostrophe ("it's"); only one after a space is a quote. */
const QUOTE_INSIDE = /["\u201c\u201d\u00ab\u00bb]|\s['\u2018\u2019]/u;

/**
 * Split text into lower-cased letter/digit runs, the same boundaries a regex `\b` sees: "uh-huh" gives
 * "uh" + "huh" and "biologic-um" gives "biologic" + "um", which is how the reference filler counts
 * treat them. Apostrophes split too ("y'know" → "y", "know"), which the filler lexicon accounts for.
 */
export function lexicalTokens(text: string): LexicalToken[] {
  const out: LexicalToken[] = [];
  const re = /([\p{L}\p{N}]+)([^\p{L}\p{N}]*)/gu;
  // Runs of tokens joined by single hyphens, as [first, last] indices into `out`.
  const groups: Array<[number, number]> = [];
  let joined = false;
  let quoted = false;
  for (const m of text.matchAll(re)) {
    if (out.length === 0) quoted = QUOTE.test(text.slice(0, m.index));
    const sep = m[2] ?? '';
    const norm = (m[1] ?? '').toLowerCase();
    if (joined) groups[groups.length - 1]![1] = out.length;
    else groups.push([out.length, out.length]);
    joined = HYPHEN.test(sep);
    out.push({
      norm,
      breakAfter: /[.,;:!?\u2014\u2013]|--/u.test(sep),
      endsSentence: /[.?!]/u.test(sep),
      question: sep.includes('?'),
      quoteBefore: quoted,
      word: norm,
      offset: m.index,
    });
    quoted = QUOTE_INSIDE.test(sep);
  }
  for (const [a, b] of groups) {
    if (a === b) continue;
    const word = out.slice(a, b + 1).map((t) => t.norm).join('-');
    for (let k = a; k <= b; k++) out[k] = { ...out[k]!, word };
  }
  return out;
}
