/**
 * The one place the content analyzer touches wink-nlp (tokens, universal POS tags, lemmas, Porter2
 * stems). The English "lite" model is a plain JS module bundled with the package, so loading it is a
 * deterministic in-memory step (≈40 ms once per process), not I/O; every function here stays pure.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;

/** wink's bundled typings reject its own lemma/stem helpers (an addons-parameter mismatch), hence the cast. */
type Tokens = ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>;
const column = (tokens: Tokens, f: unknown): string[] => tokens.out(f as typeof its.normal) as string[];

export interface NlpToken {
  /** Lower-cased surface form. */
  readonly norm: string;
  /** Universal POS tag ("VERB", "AUX", "PRON", …). */
  readonly pos: string;
  readonly lemma: string;
  readonly stem: string;
}

/** Tokens of one sentence, punctuation and whitespace dropped. */
export function analyseTokens(text: string): NlpToken[] {
  if (text.trim() === '') return [];
  const tokens = nlp.readDoc(text).tokens();
  const norms = column(tokens, its.normal);
  const pos = column(tokens, its.pos);
  const lemmas = column(tokens, its.lemma);
  const stems = column(tokens, its.stem);
  const out: NlpToken[] = [];
  norms.forEach((norm, i) => {
    const tag = pos[i] ?? 'X';
    if (tag === 'PUNCT' || tag === 'SPACE') return;
    out.push({ norm, pos: tag, lemma: (lemmas[i] ?? norm).toLowerCase(), stem: stems[i] ?? norm });
  });
  return out;
}

/** Porter2 stem of a single word (used to stem the synonym table's canonical forms). */
export function stemWord(word: string): string {
  const stems = column(nlp.readDoc(word).tokens(), its.stem);
  return stems[0] ?? word.toLowerCase();
}

/** Sentences of a text as wink-nlp splits them (each trimmed; used by the job-description extractor). */
export function splitSentences(text: string): string[] {
  if (text.trim() === '') return [];
  return (nlp.readDoc(text).sentences().out() as string[]).map((s) => s.trim()).filter((s) => s !== '');
}
