import type { Tok } from './token-stream.js';
import { set } from './word-sets.js';

export interface Sentence {
  readonly from: number;
  /** Exclusive end index in the token stream. */
  readonly to: number;
  readonly turn: number;
  readonly speaker: string | undefined;
  readonly start: number;
}

export interface QuestionSentence extends Sentence {
  /** Ends with "?" (rather than recognised by its opening words). */
  readonly byMark: boolean;
}

/** Sentences: split at . ? ! and at every change of speaker. */
export function sentences(toks: readonly Tok[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  toks.forEach((t, k) => {
    const next = toks[k + 1];
    if (t.endsSentence || !next || next.turn !== t.turn) {
      out.push({ from, to: k + 1, turn: t.turn, speaker: t.speaker, start: toks[from]!.start });
      from = k + 1;
    }
  });
  return out;
}

/** Discourse words an interviewer puts before the question proper: "So, tell me…", "Ok great. What…". */
const LEAD_INS = set('so', 'ok', 'okay', 'and', 'well', 'great', 'good', 'alright', 'right', 'now', 'then', 'um', 'uh', 'cool', 'next');
const WH = set('what', 'how', 'why', 'when', 'where', 'who', 'whom', 'whose', 'which');
const AUX = set('do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'is', 'are', 'was', 'were', 'have', 'has', 'may');
/** After an auxiliary opening, a subject makes it a question ("Do you…", "Is there…"). */
const AUX_SUBJECTS = set('you', 'i', 'we', 'they', 'he', 'she', 'it', 'there', 'that', 'this', 'the', 'your', 'any', 'anyone');
/** "What I did was…", "When we started…": a WH word before a subject pronoun opens a statement. */
const STATEMENT_SUBJECTS = set('i', 'we', 'they', 'he', 'she', 'my', 'our');
/** Prompts interviewers use instead of questions. */
const PROMPTS: readonly (readonly string[])[] = [
  ['tell', 'me'], ['tell', 'us'], ['describe'], ['walk', 'me', 'through'], ['talk', 'me', 'through'],
  ['give', 'me', 'an', 'example'], ['explain'],
];

/**
 * A question sentence ends with "?" or opens like one (transcripts without punctuation still have
 * questions): after lead-ins ("so", "ok great"), a WH word not followed by a subject pronoun ("How did
 * you…", not "What I did was…"), an auxiliary followed by a subject ("Do you…", "Is there…"), or an
 * interview prompt ("Tell me about…", "Describe…", "Walk me through…").
 */
export function isQuestion(toks: readonly Tok[], s: Sentence): QuestionSentence | undefined {
  if (toks[s.to - 1]?.question) return { ...s, byMark: true };
  let k = s.from;
  while (k < s.to - 1 && LEAD_INS.has(toks[k]!.norm)) k++;
  const w0 = toks[k]?.norm ?? '';
  const w1 = k + 1 < s.to ? toks[k + 1]?.norm : undefined;
  if (w1 === undefined) return undefined;
  const asks =
    (WH.has(w0) && !STATEMENT_SUBJECTS.has(w1) && w0 !== 'which') ||
    (AUX.has(w0) && AUX_SUBJECTS.has(w1)) ||
    PROMPTS.some((p) => p.every((w, j) => k + j < s.to && toks[k + j]!.norm === w));
  return asks ? { ...s, byMark: false } : undefined;
}

export const questionSentences = (toks: readonly Tok[]): QuestionSentence[] =>
  sentences(toks).flatMap((s) => isQuestion(toks, s) ?? []);
