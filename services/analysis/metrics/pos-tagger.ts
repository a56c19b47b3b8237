import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TokenStream } from './token-stream.js';

/**
 * Universal POS tags (VERB, ADP, NOUN, …) for every token of a stream, from wink-nlp's English lite
 * model. The model loads once per process (~1 s, a few MB) and only when a rule needs it, so an
 * interview without a "like" never pays for it.
 *
 * The tagger is trained on written text; on disfluent speech it is often wrong ("we were like
 * competing" tags "like" as NOUN). Rules therefore use the tags only as one signal among neighbour
 * words, never alone.
 */
type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** "X" marks a token the tagger split differently (the "m" of "I'm"): no tag, not a guess. */
export const NO_TAG = 'X';

export function posTags(stream: TokenStream): string[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(stream.text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink gives no offsets, but each token's preceding whitespace and text rebuild them exactly.
  const byOffset = new Map<number, string>();
  let offset = 0;
  values.forEach((v, k) => {
    offset += (spaces[k] ?? '').length;
    byOffset.set(offset, tags[k] ?? NO_TAG);
    offset += v.length;
  });
  return stream.toks.map((t) => byOffset.get(t.offset) ?? NO_TAG);
}
