import type { LiteralRule, PhraseContext } from './phrase-matcher.js';
import type { Tok } from './token-stream.js';
import { AUXILIARIES, CLAUSE_OPENERS, DETERMINERS, OBJECTS, set } from './word-sets.js';

/** The word right before the phrase, unless punctuation separates them ("Do. You know…"). */
export function noBreakBefore(ctx: PhraseContext): Tok | undefined {
  const p = ctx.before(1);
  return p && !p.breakAfter ? p : undefined;
}

/** The word right after the phrase, unless punctuation separates them. */
export function noBreakAfter(ctx: PhraseContext): Tok | undefined {
  const last = ctx.toks[ctx.i + ctx.len - 1];
  return last && !last.breakAfter ? ctx.after(1) : undefined;
}

/** "do you know", "if you know", "as you know", "let you know", "how you know": the verb "know". */
const YOU_KNOW_LITERAL_BEFORE = set(...AUXILIARIES, 'if', 'whether', 'as', 'what', 'how', 'let', 'lets', 'make');

/** Words that open a complement clause of "know": "you know how users click", "you know why". */
const WH_WORDS = set('how', 'why', 'where', 'when', 'who', 'whom', 'whose', 'whether', 'if', 'which', 'what');
/** Verbs of belief before "you know + clause" keep "know" a verb: "I think you know why we're here". */
const BELIEF_VERBS = set('think', 'guess', 'bet', 'suppose', 'hope', 'assume', 'believe', 'sure');

/**
 * "you know" is literal (the verb "know", not the discourse marker):
 *  1. after a word that makes "know" the verb of a question or clause ("do you know", "if you know",
 *     "let you know");
 *  2. before an object pronoun ("you know him");
 *  3. before a wh-word or "if/whether" with no punctuation between ("You know how users click on
 *     anything new?", "you know why we're here"), when "you know" opens its clause: at the start of
 *     a turn or sentence, after a comma, after a clause opener ("and you know what happened?") or
 *     after a verb of belief ("I think you know how hard it is"). The complement clause makes "know"
 *     the verb. Inside a clause ("we shipped it you know when the deadline hit") or with a pause
 *     after "know" ("you know, how we…") it is the filler. "you know what I mean" is matched as one
 *     longer phrase first, so it stays a filler.
 * Everything else, including "you know that…", is the discourse marker: without punctuation the two
 * readings of "you know that" cannot be told apart, and in the MIT interviews every one of the 11
 * "you know"s is a filler.
 */
export const youKnowIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  if (p && YOU_KNOW_LITERAL_BEFORE.has(p.norm)) return true;
  const n = noBreakAfter(ctx);
  if (n === undefined) return false;
  if (OBJECTS.has(n.norm)) return true;
  if (!WH_WORDS.has(n.norm)) return false;
  return p === undefined || CLAUSE_OPENERS.has(p.norm) || BELIEF_VERBS.has(p.norm);
};

/** "what I mean is", "if I mean it", "do I mean": the verb "mean" with its own object. */
const I_MEAN_LITERAL_BEFORE = set('what', 'which', 'if', 'whether', 'do', 'does', 'did', 'don', 'didn', 't', 'really');
/** "I mean to", "I mean by", "I mean for". ("I mean it", alone, is handled below.) */
const I_MEAN_LITERAL_AFTER = set('to', 'by', 'for');

/** "I mean that literally", "I mean it seriously": the speaker vouches for their words. */
const SINCERITY = set('literally', 'exactly', 'seriously', 'sincerely', 'genuinely', 'precisely', 'honestly', 'truly');
/** What "I mean" can take as its object: "I mean it", "I mean that literally". */
const MEANT = set('it', 'that', 'this');

/** Does the clause end at token `t` (punctuation, end of the turn, or "and/but/so…" next)? */
const clauseEndsAt = (ctx: PhraseContext, k: number): boolean => {
  const t = ctx.after(k);
  if (!t) return false;
  const next = ctx.after(k + 1);
  return t.breakAfter || next === undefined || CLAUSE_OPENERS.has(next.norm);
};

/**
 * "I mean" is literal (the verb "mean" with an object or clause of its own):
 *  1. after "what/which/if/do…" ("what I mean is", "do I mean");
 *  2. before "to/by/for" ("what I mean by that", "I mean to…");
 *  3. with "it/that/this" as its object: closing the clause ("I mean it.", "I mean that."), or followed
 *     by a word of sincerity that closes the clause ("I mean that literally;", "I mean it seriously,
 *     and…") or by "as" ("I mean it as a compliment").
 * "I mean it was hard", "I mean that's fine", "I mean, that literally saved us" (pause after "mean")
 * and "I mean that literally saved us" (the adverb does not close the clause) are the filler.
 */
export const iMeanIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  if (p && I_MEAN_LITERAL_BEFORE.has(p.norm)) return true;
  const n = noBreakAfter(ctx);
  if (!n) return false;
  if (I_MEAN_LITERAL_AFTER.has(n.norm)) return true;
  if (!MEANT.has(n.norm)) return false;
  const n2 = ctx.after(2);
  if (n.breakAfter || n2 === undefined) return n.norm === 'it' || n.endsSentence || n2 === undefined;
  if (n2.norm === 'as') return true;
  return SINCERITY.has(n2.norm) && clauseEndsAt(ctx, 2);
};

/** "what kind of new features": a question about the type, whatever follows. */
const INTERROGATIVE_DETERMINERS = set('what', 'which', 'whatever');
/** Adjectives that classify rather than grade ("technical", "financial", "electric", "secondary"). */
const CLASSIFYING_ADJECTIVE = /(?:al|ic|ary)$/u;

/**
 * "kind of"/"sort of" after a determiner is the noun ("a kind of", "what sort of", "this kind of
 * interview"), unless a grading adjective follows, which it softens: "this sort of vague request",
 * "a kind of weird situation" (the labelling guide's example) mean "a somewhat vague request". An
 * interrogative determiner ("what kind of new features") and a classifying adjective ("the kind of
 * technical problem", suffix -al/-ic/-ary) keep the noun reading. Without a determiner it is the
 * hedge-filler ("we kind of slowed down").
 */
export const kindOfIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  if (p === undefined || !DETERMINERS.has(p.norm)) return false;
  if (INTERROGATIVE_DETERMINERS.has(p.norm)) return true;
  const n = noBreakAfter(ctx);
  if (n === undefined || ctx.pos(ctx.i + ctx.len) !== 'ADJ' || CLASSIFYING_ADJECTIVE.test(n.norm)) return true;
  // A determiner-like adjective ("the same kind of other…") does not grade either.
  return DETERMINERS.has(n.norm);
};
