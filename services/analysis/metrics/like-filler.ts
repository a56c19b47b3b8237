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

/** Phrases that are fillers themselves; "like" right before one is part of the same stumble. */
const FILLER_STARTS: ReadonlyMap<string, string> = new Map([['i', 'mean'], ['you', 'know'], ['sort', 'of'], ['kind', 'of']]);

/** Subjects that cannot be speakers: "it was like, …" never reports speech. */
const NON_SPEAKERS = set('it', 'that', 'this', 'there', 'which', 'what', 'these', 'those', 'everything', 'something',
  'nothing', 'anything', 'thing', 'things');
/** Personal subject pronouns, the speakers of unpunctuated reported speech ("they were like oh …"). */
const PERSONAL = set('i', 'you', 'he', 'she', 'we', 'they');
/** Responses and interjections that open reported speech or thought: "I was like, no way". */
const SPEECH_OPENERS = set('oh', 'no', 'nope', 'yes', 'yeah', 'yep', 'sure', 'okay', 'ok', 'alright', 'wow', 'hey',
  'whoa', 'wait', 'please', 'thanks');
/** Words that open a reported question, after a pause: "she was like, can you …", "I was like, why". */
const QUESTION_OPENERS = set('can', 'could', 'would', 'will', 'do', 'does', 'did', 'should', 'is', 'are', 'what',
  'why', 'how', 'where', 'who');

/**
 * The quotative "be like" ("My manager was like, \"can you make this faster\"", "I was like, no way",
 * "they were like oh you just lit up"): "like" introduces reported speech or thought and means "said"
 * or "thought", so by the labelling guide it is not a filler. It needs a form of "be" right before
 * "like" with a subject that can speak (not "it/that/this/there…": "it was like, really hard" is the
 * filler), and then one of:
 *  a. a quotation mark opening right after "like";
 *  b. a pause after "like" (comma, colon, dash) and a word that opens speech: a personal pronoun
 *     ("I was like, I don't know"), a response or interjection ("no", "sure", "oh") or a question
 *     word ("can", "why");
 *  c. no pause, a personal-pronoun subject, and a response/interjection or personal pronoun next
 *     ("I'm like I don't know", "they were like oh").
 * "like" before "you know"/"I mean" stays the filler stumble ("I was like, you know, …").
 */
function isQuotative(ctx: PhraseContext): boolean {
  const me = ctx.toks[ctx.i]!;
  const be = ctx.before(1);
  const n1 = ctx.after(1);
  const n2 = ctx.after(2);
  if (!be || be.breakAfter || !BE.has(be.norm) || !n1) return false;
  // The subject: the word before "be", skipping a second form of "be" ("she's been like").
  let k = 2;
  let subject = ctx.before(k);
  while (subject && !subject.breakAfter && BE.has(subject.norm) && k < 4) subject = ctx.before(++k);
  if (!subject || subject.breakAfter || NON_SPEAKERS.has(subject.norm)) return false;
  if (n2 !== undefined && !n1.breakAfter && FILLER_STARTS.get(n1.norm) === n2.norm) return false;
  if (n1.quoteBefore) return true;
  if (me.breakAfter) return PERSONAL.has(n1.norm) || SPEECH_OPENERS.has(n1.norm) || QUESTION_OPENERS.has(n1.norm);
  return PERSONAL.has(subject.norm) && (SPEECH_OPENERS.has(n1.norm) || PERSONAL.has(n1.norm));
}

/** Ranking words: "it's like the best place", "your product is like the one tool". */
const RANKING = set('only', 'best', 'worst', 'most', 'least', 'main', 'top', 'number', 'biggest', 'largest',
  'smallest', 'hardest', 'fastest', 'highest', 'lowest', 'greatest', 'strongest', 'longest', 'coolest', 'smartest');
/** After "one", these make it a pronoun of comparison: "like the one I had", "like the one in …". */
const ONE_AS_PRONOUN_NEXT = set(...SUBJECTS, 'that', 'which', 'from', 'in', 'at', 'on', 'of', 'with', 'for', 'before', 'my', 'your', 'our', 'their', 'his', 'her');

/**
 * After "be", "like the" + a ranking word ("the best", "the only", a superlative in -iest, "the one"
 * + noun) hedges a claim of rank rather than comparing: "that's like the biggest thing for me",
 * "your product is like the one tool my friends use". Filler. "It's like the one I had", "it's like
 * the Wild West" compare.
 */
function hedgesRank(ctx: PhraseContext): boolean {
  const n1 = ctx.after(1);
  const n2 = ctx.after(2);
  const n3 = ctx.after(3);
  if (n1?.norm !== 'the' || n1.breakAfter || !n2) return false;
  if (RANKING.has(n2.norm) || /^[a-z]{2,}iest$/u.test(n2.norm)) return true;
  return n2.norm === 'one' && !n2.breakAfter && n3 !== undefined && !ONE_AS_PRONOUN_NEXT.has(n3.norm);
}

const isHesitation = (norm: string | undefined): boolean => norm !== undefined && hesitation(norm) !== undefined;


/**
 * Is this "like" literal (verb, preposition, conjunction) rather than a filler? Rules in order; the
 * first that applies decides. Word rules come first because the tagger, trained on written text,
 * is unreliable on disfluent speech; its tags only settle what the words leave open.
 *  1. Next to another "like" ("like like"): filler (a stumble). The quotative "be like" before
 *     reported speech ("I was like, \"sure\""): literal (see `isQuotative`).
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
 *  7. After "be": before a noun phrase it compares ("it's like a puzzle") → literal, unless it hedges
 *     a rank ("that's like the biggest thing", see `hedgesRank`); otherwise ("it was like 20 people",
 *     "it's like really hard") → filler.
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
  if (isQuotative(ctx)) return true;
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
  if (BE.has(p1.norm)) return NOUN_PHRASE_TAGS.has(next) && !hedgesRank(ctx);
  if (SUBJECTS.has(n1.norm)) return false;
  if (ctx.pos(ctx.i) === 'VERB' && set('PRON', 'NOUN', 'PROPN').has(ctx.pos(ctx.i - 1))) return true;
  if (next === 'NUM' || NON_OBJECT_TAGS.has(next)) return false;
  // "exploring like the industry", "takes like practice": only the similarity heads of step 3 take
  // "like" + noun phrase after a verb or adverb; a noun does ("languages like Python").
  if (set('VERB', 'AUX', 'ADV', 'X').has(ctx.pos(ctx.i - 1))) return false;
  return set('DET', 'NOUN', 'PROPN', 'PRON').has(next);
}
