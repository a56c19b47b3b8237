import type { PhraseContext } from './phrase-matcher.js';
import { AUXILIARIES, BE, CLAUSE_OPENERS, SUBJECTS, hesitation, set } from './word-sets.js';

/** "looks like", "something like that", "just like": comparison or example, not a filler. */
const SIMILARITY_HEADS = set(
  'look', 'looks', 'looked', 'looking', 'seem', 'seems', 'seemed', 'sound', 'sounds', 'sounded', 'feel', 'feels',
  'felt', 'feeling', 'act', 'acts', 'acted', 'acting', 'taste', 'tastes', 'smell', 'smells', 'just', 'much', 'more',
  'less', 'exactly', 'something', 'anything', 'nothing', 'everything', 'stuff', 'things', 'thing', 'someone',
  'somebody', 'anyone', 'nobody',
);
/** "I really like", "we all like": an adverb between subject and verb. */
const VERB_ADVERBS = set('really', 'also', 'actually', 'genuinely', 'definitely', 'totally', 'always', 'still',
  'especially', 'particularly', 'generally', 'usually', 'all', 'both', 'would', 'never');
/** "like I said": a conjunction introducing the speaker's own earlier words. */
const REPORTING_VERBS = set('said', 'say', 'mentioned', 'told', 'described', 'explained');
/** After "was/is like", a noun phrase is a comparison ("it's like a puzzle"); anything else is filler. */
const NOUN_PHRASE_TAGS = set('DET', 'NOUN', 'PROPN');
/** After "like", these tags mean it is not introducing an object: "only like existed", "like really". */
const NON_OBJECT_TAGS = set('VERB', 'AUX', 'ADV', 'ADJ', 'SCONJ', 'CCONJ', 'PART', 'ADP', 'INTJ');

const isHesitation = (norm: string | undefined): boolean => norm !== undefined && hesitation(norm) !== undefined;

/** Phrases that are fillers themselves; "like" right before one is part of the same stumble. */
const FILLER_STARTS: ReadonlyMap<string, string> = new Map([['i', 'mean'], ['you', 'know'], ['sort', 'of'], ['kind', 'of']]);

/**
 * Is this "like" literal (verb, preposition, conjunction) rather than a filler? Rules in order; the
 * first that applies decides. Word rules come first because the tagger, trained on written text,
 * is unreliable on disfluent speech; its tags only settle what the words leave open.
 *  1. Next to another "like" ("like like"): filler (a stumble).
 *  2. After a subject pronoun ("I like", "we like um…"), unless a form of "be" or a bare verb follows
 *     (the verb "like" takes neither: "I always like am…"): verb → literal.
 *  3. After a similarity head ("looks like", "something like", "just like", "feel like", "kind of") or before
 *     "I said": comparison/conjunction → literal.
 *  4. Before a hesitation, a filler phrase ("like I mean"), a form of "be" or a bare verb ("to like
 *     um write", "only like existed"; the verb "like" takes none of these): filler.
 *  5. After an auxiliary, modal or "to" ("would like", "don't like", "to like"), or subject + adverb
 *     ("I really like"): verb → literal.
 *  6. Closing a sentence after a word ("what is it like?"): literal. At a turn's start or end, next to punctuation, after a hesitation ("um like") or a clause
 *     opener ("and like", "so like"): filler.
 *  7. After "be": before a noun phrase it compares ("it's like a puzzle") → literal; otherwise
 *     ("it was like 20 people", "I'm like I don't know") → filler.
 *  8. Before a subject pronoun ("where like we were"): filler. Then tags: a VERB after a pronoun or
 *     noun → literal; before a number → filler (an approximation: "like five minutes"); after a
 *     verb or adverb → filler ("exploring like the industry": only step 3's heads take a "like"
 *     phrase); before a noun phrase → literal preposition ("languages like Python"); else filler.
 */
export function isLiteralLike(ctx: PhraseContext): boolean {
  const me = ctx.toks[ctx.i]!;
  const p1 = ctx.before(1);
  const p2 = ctx.before(2);
  const n1 = ctx.after(1);
  const n2 = ctx.after(2);
  if ((p1?.norm === 'like' && !p1.breakAfter) || (n1?.norm === 'like' && !me.breakAfter)) return false;
  const joinedBefore = p1 !== undefined && !p1.breakAfter;
  const joinedAfter = n1 !== undefined && !me.breakAfter;
  const next = joinedAfter ? ctx.pos(ctx.i + 1) : 'X';
  const bareVerb = joinedAfter && set('VERB', 'AUX').has(next) && !n1.norm.endsWith('ing') && n1.norm !== 'to';
  if (joinedBefore && SUBJECTS.has(p1.norm) && !(joinedAfter && BE.has(n1.norm)) && !bareVerb) return true;
  if (joinedBefore && SIMILARITY_HEADS.has(p1.norm)) return true;
  if (joinedBefore && p1.norm === 'of' && p2 && (p2.norm === 'kind' || p2.norm === 'sort')) return true;
  if (joinedAfter && n1.norm === 'i' && n2 && REPORTING_VERBS.has(n2.norm)) return true;
  if (joinedAfter && (isHesitation(n1.norm) || (n2 !== undefined && FILLER_STARTS.get(n1.norm) === n2.norm) || BE.has(n1.norm) || bareVerb)) {
    return false;
  }
  if (joinedBefore) {
    if (AUXILIARIES.has(p1.norm)) return true;
    if (VERB_ADVERBS.has(p1.norm) && p2 && SUBJECTS.has(p2.norm)) return true;
  }
  // "What is the team like?": a stranded preposition closing the sentence.
  if (joinedBefore && me.endsSentence && !isHesitation(p1.norm)) return true;
  if (!joinedBefore || !joinedAfter) return false;
  if (isHesitation(p1.norm) || CLAUSE_OPENERS.has(p1.norm)) return false;
  if (BE.has(p1.norm)) return NOUN_PHRASE_TAGS.has(next);
  if (SUBJECTS.has(n1.norm)) return false;
  if (ctx.pos(ctx.i) === 'VERB' && set('PRON', 'NOUN', 'PROPN').has(ctx.pos(ctx.i - 1))) return true;
  if (next === 'NUM' || NON_OBJECT_TAGS.has(next)) return false;
  // "exploring like the industry", "takes like practice": only the similarity heads of step 3 take
  // "like" + noun phrase after a verb or adverb; a noun does ("languages like Python").
  if (set('VERB', 'AUX', 'ADV', 'X').has(ctx.pos(ctx.i - 1))) return false;
  return set('DET', 'NOUN', 'PROPN', 'PRON').has(next);
}
