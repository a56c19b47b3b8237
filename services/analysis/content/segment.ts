/**
 * Question/answer segmentation into exchanges: a question (possibly asked over several turns), its
 * kind, and the candidate's answer.
 *
 * Two or more speakers: every speaker other than the candidate is "the interviewer". Which turns ask,
 * and with which words, is questions/turn.ts. The answer is every candidate sentence until the next
 * exchange opens, so interviewer back-channels ("mm-hm", "right") do not end it. An asking turn:
 *   - joins the open exchange's question when the candidate has not answered yet (the interviewer
 *     rephrased, or the candidate only asked back: "Can you repeat the question?"), or answered a
 *     yes/no question in a few words ("Do you have one in mind?" "Yes, consulting." "Why should we
 *     hire you?"): the question is then both asks, and the reply stays at the start of the answer;
 *   - follows up the open exchange when it names no topic of its own and asks the candidate to go on
 *     (questions/turn.ts `followsUp`: "Can you be more specific?", "Tell me why.", "…was by?"): the
 *     answer goes on, the question and kind stay, because the follow-up draws out more of the same
 *     answer;
 *   - otherwise opens a new exchange.
 * The kind is the topic named by the exchange's latest ask (its words, else the rest of its turn),
 * else by all its turns, else technical (questions/kind.ts); a known question's kind (a practice's
 * set, questions/known.ts) beats all of these. A trailing unanswered question is dropped. Candidate
 * speech before the first question (small talk) is not an answer. Questions the candidate asks never
 * open an exchange.
 *
 * One speaker (a self-recorded practice run): the candidate's own sentences that read as interview
 * prompts ("Tell me about a time…", "Why do you want…", "What's your greatest weakness?") open
 * exchanges, and an answer is the sentences up to the next one. Plain interrogatives with no topic
 * are not enough, because candidates ask themselves rhetorical questions mid-answer ("And what did I
 * do? I called the vendor."). Without any prompt there are no answers: we would rather report none
 * than invent a question.
 */
import type { Word } from '../../transcripts/transcript.js';
import { readSentence, wordCount, type SentenceAct } from '../questions/acts.js';
import { askTopic, cueKind, questionKind, type QuestionKind } from '../questions/kind.js';
import { knownKind, type KnownQuestion } from '../questions/known.js';
import { askOfTurn, followsUp, type Ask } from '../questions/turn.js';
import type { Sentence, Turn } from './turns.js';
import { toTurns } from './turns.js';

const NOT_AN_ANSWER: ReadonlySet<SentenceAct> = new Set(['ask', 'back_channel', 'small_talk', 'logistics']);

/** A reply this short to a yes/no question is the start of the answer, not the whole of it. */
export const SHORT_REPLY_WORDS = 10;

export interface Segment {
  /** The asking sentences of the exchange, verbatim (several asks joined with a space). */
  readonly question: Sentence;
  readonly kind: QuestionKind;
  /** The candidate's answer sentences in order (interviewer interjections left out). */
  readonly answer: readonly Sentence[];
  /** Follow-up asks inside the answer, verbatim. */
  readonly followUps: readonly string[];
}

/**
 * "Question two." / "Next question:" — a self-practice reading cue, not part of any answer.
 */
const ANNOUNCEMENT = /^(?:(?:ok|okay|alright|so|and|now)[,.]?\s+)?(?:the\s+)?(?:next|last|final)?\s*question(?:\s+(?:number\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten))?\s*[.:!]?$/iu;
export const isAnnouncement = (sentence: string): boolean => ANNOUNCEMENT.test(sentence.trim());

/** Several sentences read as one: verbatim text joined with spaces, from the first start to the last end. */
export function joinSentences(sentences: readonly Sentence[]): Sentence {
  const first = sentences[0]!;
  return {
    text: sentences.map((s) => s.text).join(' '),
    speaker: first.speaker,
    start: first.start,
    end: sentences.at(-1)!.end,
    tokens: sentences.flatMap((s) => s.tokens),
  };
}

/** An exchange as segmentation builds it, unanswered ones included (evaluation reads every ask). */
export interface Exchange {
  /** The asks that make up the question (a rephrasing, or a question after a yes/no reply, joins). */
  readonly asks: Ask<Sentence>[];
  readonly followUps: Ask<Sentence>[];
  kind: QuestionKind;
  readonly answer: Sentence[];
}

type Known = readonly KnownQuestion[] | undefined;

// The latest ask that quotes a known question decides, as the latest ask's topic does otherwise.
const kindOf = (asks: readonly Ask<Sentence>[], known: Known): QuestionKind =>
  asks.map((a) => knownKind(a.text, known)).findLast((k) => k !== undefined) ??
  askTopic(asks.at(-1)!) ??
  questionKind(asks.map((a) => a.context).join(' '));

const toSegment = (x: Exchange): Segment => ({
  question: joinSentences(x.asks.flatMap((a) => a.sentences)),
  kind: x.kind,
  answer: x.answer,
  followUps: x.followUps.map((a) => a.text),
});

/** What an asking turn does to the open exchange (see the header). */
function fate(open: Exchange, ask: Ask<Sentence>): 'join' | 'followUp' | 'new' {
  // A reply that only asks back or acknowledges ("Can you repeat the question?", "Yes.") has not answered yet.
  const replyWords = open.answer.filter((s) => !NOT_AN_ANSWER.has(readSentence(s.text).act)).reduce((n, s) => n + wordCount(s.text), 0);
  if (replyWords === 0 || (open.asks.at(-1)!.closed && replyWords <= SHORT_REPLY_WORDS)) return 'join';
  return askTopic(ask) === undefined && followsUp(ask) ? 'followUp' : 'new';
}

function interviewExchanges(turns: readonly Turn[], candidate: string, known: Known): Exchange[] {
  const out: Exchange[] = [];
  let open: Exchange | undefined;
  let previousTurn: string | undefined;
  for (const turn of turns) {
    const said = previousTurn;
    previousTurn = turn.sentences.map((s) => s.text).join(' ');
    if (turn.speaker === candidate) {
      open?.answer.push(...turn.sentences.filter((s) => !isAnnouncement(s.text)));
      continue;
    }
    const ask = askOfTurn(turn.sentences, said);
    if (!ask) continue;
    const next = open ? fate(open, ask) : 'new';
    if (open && next === 'join') {
      open.asks.push(ask);
      open.kind = kindOf(open.asks, known);
    } else if (open && next === 'followUp') {
      open.followUps.push(ask);
    } else {
      open = { asks: [ask], followUps: [], kind: kindOf([ask], known), answer: [] };
      out.push(open);
    }
  }
  return out;
}

/** Self-recorded runs: a read-aloud prompt (an imperative, or a question naming a topic) opens an exchange. */
function opensMonologueExchange(s: Sentence): boolean {
  const r = readSentence(s.text);
  return r.act === 'ask' && (r.form === 'prompt' || cueKind(s.text) !== undefined);
}

function monologueExchanges(turns: readonly Turn[], known: Known): Exchange[] {
  const out: Exchange[] = [];
  let open: Exchange | undefined;
  for (const s of turns.flatMap((t) => t.sentences)) {
    if (isAnnouncement(s.text)) continue;
    const ask = opensMonologueExchange(s) ? askOfTurn([s]) : undefined;
    if (ask && open && open.answer.length === 0) {
      open.asks.push(ask);
      open.kind = kindOf(open.asks, known);
    } else if (ask) {
      open = { asks: [ask], followUps: [], kind: kindOf([ask], known), answer: [] };
      out.push(open);
    } else {
      open?.answer.push(s);
    }
  }
  return out;
}

/** `known`: questions whose kind is given (a practice's set); their asks take that kind. */
export function exchanges(words: readonly Word[], candidate: string, known?: readonly KnownQuestion[]): Exchange[] {
  const turns = toTurns(words, candidate);
  const hasInterviewer = turns.some((t) => t.speaker !== candidate);
  return hasInterviewer ? interviewExchanges(turns, candidate, known) : monologueExchanges(turns, known);
}

/** The answered exchanges, as the report shows them. */
export const segmentAnswers = (words: readonly Word[], candidate: string, known?: readonly KnownQuestion[]): Segment[] =>
  exchanges(words, candidate, known).filter((x) => x.answer.length > 0).map(toSegment);
