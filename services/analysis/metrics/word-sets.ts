/** Closed word classes the phrase rules consult. Lower-case lexical tokens ("don't" → "don", "t"). */
export const set = (...words: string[]): ReadonlySet<string> => new Set(words);

/** Subject pronouns: "I like", "we like" make "like" a verb. */
export const SUBJECTS = set('i', 'you', 'we', 'they', 'he', 'she', 'who', 'people', 'everyone', 'everybody');
/** Do-support and modals, including the halves of contractions ("didn" + "t", "I" + "d"). */
export const AUXILIARIES = set(
  'do', 'does', 'did', 'don', 'didn', 'doesn', 'would', 'wouldn', 'will', 'won', 'can', 'could', 'couldn',
  'should', 'might', 'must', 'd', 't', 'not', 'to',
);
/** Forms of "be" ("it's" → "it", "s"; "we're" → "we", "re"; "I'm" → "i", "m"). */
export const BE = set('am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'm', 's', 're');
/** Words that open a clause; "like" right after one is a discourse marker ("and like um"). */
export const CLAUSE_OPENERS = set('and', 'but', 'so', 'or', 'because', 'cause', 'then', 'yeah', 'well', 'okay', 'ok');
/** Determiners before "kind of"/"sort of" make them nouns: "a kind of", "what sort of". */
export const DETERMINERS = set(
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'any', 'some', 'every', 'each', 'one',
  'same', 'no', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'certain', 'different', 'other', 'another',
  'right', 'wrong', 'best', 'only', 'particular', 'new', 'whatever',
);
/** Object pronouns: "you know him" is knowing someone, not a filler. */
export const OBJECTS = set('him', 'her', 'them', 'me', 'us');
/**
 * Back-channels: a listener's "yes, go on" ("mm-hmm", "uh-huh", "um-hum") or "no" ("uh-uh", "mm-mm"),
 * written as ONE hyphenated word. They are not hesitations (the labelling guide of
 * test/fixtures/labelled-fillers says so), but a regex `\b` and our tokens split them into "mm" +
 * "hmm" or "uh" + "huh". A hyphenated word of this shape yields no filler at all; the parts spelt
 * apart ("uh huh", "uh, uh") are still hesitations. One-piece forms ("mhm", "mmhmm") match no
 * hesitation spelling anyway.
 */
const BACK_CHANNEL = /^(?:m+-h+m+|m+-m+|h+m+-m+|u+h+-h+u+h+|u+m+-h+u*m+|u+h+-u+h+)$/u;

/** Is this whole (hyphenated) word a back-channel? Takes `Tok.word`, e.g. "mm-hmm". */
export const isBackChannel = (word: string): boolean => word.includes('-') && BACK_CHANNEL.test(word);

/** Hesitation sounds, canonical names (what `hesitation()` returns). */
export const HESITATIONS = set('um', 'uh', 'er', 'erm', 'ah', 'hmm', 'mm');

/**
 * Spelling variants of hesitation sounds → canonical name, because transcribers write what they hear
 * ("ummm", "uhh", "hmmm"): the MIT transcript p4 writes "uhm" 60+ times where the README's strict regex
 * finds 1. "mhm" and "uh-huh" are back-channels (meaning "yes, go on"), not hesitations: not counted.
 */
export function hesitation(norm: string): string | undefined {
  if (/^u+h*m+$/.test(norm)) return 'um';
  if (/^u+h+$/.test(norm)) return 'uh';
  if (/^e+r+m+$/.test(norm)) return 'erm';
  if (/^e+r+$/.test(norm)) return 'er';
  if (/^a+h+$/.test(norm)) return 'ah';
  if (/^h+m+$/.test(norm)) return 'hmm';
  if (/^m{2,}$/.test(norm)) return 'mm';
  return undefined;
}
