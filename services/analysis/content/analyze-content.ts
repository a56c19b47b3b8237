/**
 * The local (offline, no LLM) content analyzer: words → questions and answers with their kind, STAR
 * evidence, length verdicts and tips, prep-note coverage, a summary and three tips. Pure: same input,
 * same Content. The rules live in the modules it composes (turns, questions/, segment, star, length,
 * prep, tips); see each file's header.
 */
import type { Word } from '../../transcripts/transcript.js';
import { isAsk } from '../questions/acts.js';
import { starExpected } from '../questions/kind.js';
import type { KnownQuestion } from '../questions/known.js';
import type { Answer, Content, PrepPoint } from './content.schema.js';
import { judgeLength } from './length.js';
import { matchPrepPoints, parsePrepNotes } from './prep.js';
import type { Segment } from './segment.js';
import { segmentAnswers } from './segment.js';
import { detectStar, hasTeamAction } from './star.js';
import { summarize } from './summary.js';
import type { TipKind } from './tips.js';
import { answerTip, overallTips, tipKind } from './tips.js';
import { toTurns } from './turns.js';

export interface ContentInput {
  readonly words: readonly Word[];
  /** Speaker id of the candidate; every other speaker is treated as the interviewer. */
  readonly candidate: string;
  readonly prepNotes?: string;
  /**
   * false: the transcript had no times (words sit at nominal 0.4 s slots), so answers carry no
   * start, end, duration or length verdict and no tip mentions seconds. Absent means timed.
   */
  readonly timed?: boolean;
  /** Questions asked from a set with their kinds (a live practice): they keep the set's kind. */
  readonly knownQuestions?: readonly KnownQuestion[];
}

const wordCountOf = (text: string): number => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function buildAnswer(segment: Segment, timed = true): Answer & { tipKind: TipKind } {
  const sentences = segment.answer.map((s) => s.text);
  const text = sentences.join(' ');
  const { kind } = segment;
  const end = segment.answer.at(-1)!.end;
  // Millisecond precision, as the metrics store it: more digits are float noise, not timing.
  const durationSec = Math.round(Math.max(0, end - segment.answer[0]!.start) * 1000) / 1000;
  const length = timed ? judgeLength(durationSec, kind) : undefined;
  const star = detectStar(sentences);
  const facts = { kind, star, length, teamAction: hasTeamAction(sentences), asksBack: sentences.some(isAsk) };
  return {
    question: segment.question.text,
    kind,
    starExpected: starExpected(kind),
    ...(timed ? { start: segment.question.start, end } : {}),
    text,
    ...(timed ? { durationSec } : {}),
    wordCount: wordCountOf(text),
    ...(length ? { length } : {}),
    star,
    tip: answerTip(facts),
    tipKind: tipKind(facts),
  };
}

/**
 * The candidate's sentences, in order, for prep matching: prep points may be covered anywhere, even in
 * small talk, but a question the candidate read aloud (self-practice) is not them covering it.
 */
export function candidateSentences(words: readonly Word[], candidate: string, segments: readonly Segment[]): string[] {
  const asked = new Set(segments.flatMap((s) => s.question.tokens.map((t) => t.start)));
  return toTurns(words, candidate)
    .filter((t) => t.speaker === candidate)
    .flatMap((t) => t.sentences.filter((s) => !asked.has(s.start)).map((s) => s.text));
}

export function analyzeContent(input: ContentInput): Content {
  const segments = segmentAnswers(input.words, input.candidate, input.knownQuestions);
  const built = segments.map((s) => buildAnswer(s, input.timed !== false));
  const answers: Answer[] = built.map(({ tipKind: _kind, ...answer }) => answer);
  let prep: { points: PrepPoint[] } | undefined;
  if (input.prepNotes !== undefined && input.prepNotes.trim() !== '') {
    prep = { points: matchPrepPoints(parsePrepNotes(input.prepNotes), candidateSentences(input.words, input.candidate, segments)) };
  }
  const tips = overallTips(built.map((b) => b.tipKind), prep?.points);
  const summary = summarize(answers, prep?.points);
  return prep ? { answers, prep, tips, summary } : { answers, tips, summary };
}
