/**
 * Whether a speaker's turn asks an interview question, and which of its sentences are the asking.
 *
 * A turn asks when one of its sentences is an ask (acts.ts) and the speaker then hands the floor
 * over: at most TAIL_WORDS words of anything but back-channels follow the last ask. A question that
 * expects an answer ends the turn ("…Not this time, a different one." is still a hand-over); a
 * question in the middle of a long stretch of talk is rhetorical or reported ("and what did I do? I
 * called the vendor, …"). A turn that says it is off the record asks nothing for the interview.
 *
 * The asking text is the last ask together with the asks and setups right before it, so a turn that
 * sets context and then asks ("Think of a job you'd like to have. Why should we hire you?") or asks
 * in two steps ("Do you think you're a leader? Tell me why.") is quoted whole, while acknowledgements
 * before it ("Great, thanks for sharing that.") are left out. An elaboration ("Tell me why.") also
 * takes the statement it is about ("And you think you're a leader. Tell me why.").
 */
import { isElaboration, readSentence, wordCount, type AskForm, type Reading } from './acts.js';

/**
 * Interviewers' remarks after their question are short (at most 12 words in the 70 MIT training
 * interviews: "Not this time, a different one."); a candidate's rhetorical question is usually
 * followed by much more of their answer.
 */
export const TAIL_WORDS = 20;

export interface Ask<S> {
  /** The asking sentences, in order. */
  readonly sentences: readonly S[];
  /** Their text joined with single spaces, verbatim. */
  readonly text: string;
  /** The whole turn up to the last ask: where to look for the topic when the asking words name none. */
  readonly context: string;
  /** How the last ask is phrased. */
  readonly form: AskForm | undefined;
  /** Answerable by "yes" alone ("Do you have one in mind?"): a short reply does not end the exchange. */
  readonly closed: boolean;
  /** Only asks to go on about the last answer ("Tell me why.", "How so?"). */
  readonly elaboration: boolean;
}

/** `previousTurn`: the other speaker's words just before, for telling a short question from an echo. */
export function askOfTurn<S extends { readonly text: string }>(sentences: readonly S[], previousTurn?: string): Ask<S> | undefined {
  const readings: Reading[] = sentences.map((s) => readSentence(s.text, previousTurn));
  if (readings.some((r) => r.act === 'off_record')) return undefined;
  const last = readings.map((r) => r.act).lastIndexOf('ask');
  if (last < 0) return undefined;
  const tail = sentences.slice(last + 1).filter((_, i) => readings[last + 1 + i]!.act !== 'back_channel');
  if (tail.reduce((n, s) => n + wordCount(s.text), 0) > TAIL_WORDS) return undefined;
  let first = last;
  while (first > 0 && (readings[first - 1]!.act === 'ask' || readings[first - 1]!.act === 'setup')) first--;
  // "And you think you're a leader. Tell me why.": an elaboration asks about the statement before it.
  if (first > 0 && readings[first - 1]!.act === 'statement' && isElaboration(sentences[first]!.text)) first--;
  const asking = sentences.slice(first, last + 1);
  const asks = asking.filter((_, i) => readings[first + i]!.act === 'ask');
  const form = readings[last]!.form;
  return {
    sentences: asking,
    text: asking.map((s) => s.text).join(' '),
    context: sentences.slice(0, last + 1).map((s) => s.text).join(' '),
    form,
    closed: form === 'polar' || form === 'declarative',
    elaboration: asks.every((s) => isElaboration(s.text)),
  };
}

/**
 * A question with no topic of its own follows up the answer before it when it asks the candidate to
 * go on with it: an elaboration ("Tell me why.", "Can you be more specific?") or a declarative
 * question, which takes up what was just said ("So the way you changed the attitude was by?", "A
 * class project or anything like that?"). A factual question about the answer ("What language was
 * it?") is a new, technical question: its short answer is not part of the story.
 */
export const followsUp = (ask: Pick<Ask<unknown>, 'elaboration' | 'form'>): boolean => ask.elaboration || ask.form === 'declarative';
