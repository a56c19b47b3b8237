/**
 * Question/answer segmentation.
 *
 * Two or more speakers: every speaker other than the candidate is "the interviewer". An interviewer
 * turn that contains a question (see questions.ts) opens a segment; its question is the turn's most
 * specific question sentence: the last prompt ("tell me about…") if there is one, else the last
 * question sentence, because interviewers tend to narrow down ("…your last project. What was the
 * hardest part?"). The answer is every candidate sentence until the next question turn, so
 * interviewer backchannels ("mm-hm", "right") and short nudges do not end it. A question turn with no
 * candidate speech before the next question is merged into that next question (the interviewer
 * rephrased); a trailing unanswered question is dropped. Candidate speech before the first question
 * (small talk, an intro) is not an answer. Questions the candidate asks are never segment openers.
 *
 * One speaker (no interviewer: a self-recorded practice run): the candidate's own sentences that read
 * as interview prompts ("Tell me about a time…", "Why do you want…", "What's your greatest
 * weakness?") open segments (people read the question aloud, then answer), and an answer is the
 * candidate's sentences up to the next such question. Without any such sentence there are no answers:
 * we would rather report none than invent a question.
 */
import type { Word } from '../../transcripts/transcript.js';
import { isPrompt, isQuestion, questionKind } from './questions.js';
import type { Sentence, Turn } from './turns.js';
import { toTurns } from './turns.js';

export interface Segment {
  /** The question sentence, verbatim. */
  readonly question: Sentence;
  /** Every question sentence of the asking turn(s), for classifying the question kind. */
  readonly questionContext: string;
  /** The candidate's answer sentences in order (interviewer interjections left out). */
  readonly answer: readonly Sentence[];
}

/**
 * "Question two." / "Next question:" — a self-practice reading cue, not part of any answer.
 */
const ANNOUNCEMENT = /^(?:(?:ok|okay|alright|so|and|now)[,.]?\s+)?(?:the\s+)?(?:next|last|final)?\s*question(?:\s+(?:number\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten))?\s*[.:!]?$/iu;
export const isAnnouncement = (sentence: string): boolean => ANNOUNCEMENT.test(sentence.trim());

/** Most specific question of a turn: the last prompt, else the last question sentence. */
export function pickQuestion(sentences: readonly Sentence[]): Sentence | undefined {
  const questions = sentences.filter((s) => isQuestion(s.text));
  return questions.filter((s) => isPrompt(s.text)).at(-1) ?? questions.at(-1);
}

interface Opener {
  readonly question: Sentence;
  readonly context: string;
}

function segmentTurns(turns: readonly Turn[], candidate: string): Segment[] {
  const out: Segment[] = [];
  let opener: Opener | undefined;
  let answer: Sentence[] = [];
  const close = (): void => {
    if (opener && answer.length > 0) out.push({ question: opener.question, questionContext: opener.context, answer });
    answer = [];
  };
  for (const turn of turns) {
    if (turn.speaker === candidate) {
      if (opener) answer.push(...turn.sentences.filter((s) => !isAnnouncement(s.text)));
      continue;
    }
    const q = pickQuestion(turn.sentences);
    if (!q) continue;
    const context = turn.sentences.filter((s) => isQuestion(s.text)).map((s) => s.text).join(' ');
    // An unanswered question merges into the next one: keep its wording for classification.
    const carried = opener && answer.length === 0 ? `${opener.context} ` : '';
    close();
    opener = { question: q, context: carried + context };
  }
  close();
  return out;
}

/**
 * Self-recorded runs: the candidate's own prompt-like question sentences open segments. Plain
 * interrogatives are not enough here, because candidates ask themselves rhetorical questions
 * mid-answer ("And what did I do? I called the vendor."), which must not split the answer.
 */
function segmentMonologue(turns: readonly Turn[]): Segment[] {
  const out: Segment[] = [];
  let question: Sentence | undefined;
  let context = '';
  let answer: Sentence[] = [];
  const close = (): void => {
    if (question && answer.length > 0) out.push({ question, questionContext: context, answer });
  };
  for (const s of turns.flatMap((t) => t.sentences)) {
    if (isAnnouncement(s.text)) continue;
    const opens = isQuestion(s.text) && (isPrompt(s.text) || questionKind(s.text) !== 'factual');
    if (opens) {
      const merged = answer.length === 0 && question ? `${context} ${s.text}` : s.text;
      close();
      context = merged;
      question = s;
      answer = [];
    } else if (question) {
      answer.push(s);
    }
  }
  close();
  return out;
}

export function segmentAnswers(words: readonly Word[], candidate: string): Segment[] {
  const turns = toTurns(words, candidate);
  const hasInterviewer = turns.some((t) => t.speaker !== candidate);
  return hasInterviewer ? segmentTurns(turns, candidate) : segmentMonologue(turns);
}
