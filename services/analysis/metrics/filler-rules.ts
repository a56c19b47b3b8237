import type { LiteralRule, PhraseContext } from './phrase-matcher.js';
import type { Tok } from './token-stream.js';
import { AUXILIARIES, DETERMINERS, OBJECTS, set } from './word-sets.js';

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

/**
 * "you know" is literal after a word that makes "know" the verb of a question or clause ("do you
 * know", "if you know", "let you know") or before an object pronoun ("you know him"). Everything else,
 * including "you know that…" and "you know what I mean", is the discourse marker: without punctuation
 * the two readings of "you know that" cannot be told apart, and in the MIT interviews every one of
 * the 11 "you know"s is a filler.
 */
export const youKnowIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  if (p && YOU_KNOW_LITERAL_BEFORE.has(p.norm)) return true;
  const n = noBreakAfter(ctx);
  return n !== undefined && OBJECTS.has(n.norm);
};

/** "what I mean is", "if I mean it", "do I mean": the verb "mean" with its own object. */
const I_MEAN_LITERAL_BEFORE = set('what', 'which', 'if', 'whether', 'do', 'does', 'did', 'don', 'didn', 't', 'really');
/** "I mean to", "I mean by", "I mean for". ("I mean it", alone, is handled below.) */
const I_MEAN_LITERAL_AFTER = set('to', 'by', 'for');

/**
 * "I mean" is literal after "what/which/if/do…" ("what I mean is") and before "to/by/for" ("what I
 * mean by that", "I mean to…"), and in "I mean it." closing a sentence. "I mean it was hard" is the
 * filler.
 */
export const iMeanIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  if (p && I_MEAN_LITERAL_BEFORE.has(p.norm)) return true;
  const n = noBreakAfter(ctx);
  if (!n) return false;
  if (I_MEAN_LITERAL_AFTER.has(n.norm)) return true;
  return n.norm === 'it' && (n.breakAfter || ctx.after(2) === undefined);
};

/**
 * "kind of"/"sort of" after a determiner is the noun ("a kind of", "what sort of", "this kind of
 * interview"); otherwise it is the hedge-filler ("we kind of slowed down").
 */
export const kindOfIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  return p !== undefined && DETERMINERS.has(p.norm);
};
