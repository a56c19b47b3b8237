import type { LiteralRule, PhraseItem } from './phrase-matcher.js';
import { makePhraseLexicon, matchPhrases } from './phrase-matcher.js';
import { noBreakAfter, noBreakBefore } from './filler-rules.js';
import type { TokenStream } from './token-stream.js';
import { set } from './word-sets.js';

/** "what I think", "how I think": the content of a thought, not a softener. */
const THINK_LITERAL_BEFORE = set('what', 'how', 'why', 'where', 'whatever');
/** "I think of", "I think about": thinking as an activity. */
const THINK_LITERAL_AFTER = set('of', 'about', 'through');

const thinkIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  const n = noBreakAfter(ctx);
  return (p !== undefined && THINK_LITERAL_BEFORE.has(p.norm)) || (n !== undefined && THINK_LITERAL_AFTER.has(n.norm));
};

/** "I believe in": conviction, the opposite of a hedge. */
const believeIsLiteral: LiteralRule = (ctx) => noBreakAfter(ctx)?.norm === 'in';

/** "a just cause", "the just": the adjective (fair). Every other "just" is the minimiser coaches flag. */
const justIsLiteral: LiteralRule = (ctx) => {
  const p = noBreakBefore(ctx);
  return p !== undefined && set('a', 'the', 'more', 'most').has(p.norm);
};

/**
 * Hedges and weak words: phrases that soften a claim or shrink the speaker's own work ("I think",
 * "I guess", "maybe", "just", "a bit"). They are counted separately from fillers (no word is both)
 * because the advice differs: fillers are fluency, hedges are confidence. Rules drop the literal uses
 * "what I think", "I think about", "I believe in" and the adjective "just".
 */
export const HEDGE_LEXICON = makePhraseLexicon(
  ['maybe', 'probably', 'perhaps', 'possibly', 'somewhat', 'hopefully', 'just'],
  [
    'i think', 'i guess', 'i suppose', 'i believe', 'i feel like', ['i m not sure', 'not sure'], 'not sure',
    ['a little bit', 'a bit'], 'a bit', ['i would say', "i'd say"], ['i d say', "i'd say"],
  ],
  { 'i think': thinkIsLiteral, 'i believe': believeIsLiteral, just: justIsLiteral },
);

/** Hedge occurrences for every speaker, in stream order. */
export const detectHedges = (stream: TokenStream): PhraseItem[] => matchPhrases(stream, HEDGE_LEXICON);
