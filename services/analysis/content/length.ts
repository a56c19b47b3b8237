/**
 * Answer length against a recommended range for the kind of question.
 *
 * Ranges come from common interview-coaching guidance, not from research: career sites and coaches
 * (e.g. Indeed Career Guide, The Muse, Big Interview) advise about one to two minutes for behavioural
 * and "tell me about yourself" answers, and well under a minute for simple factual ones. We encode
 * that as 60–120 s and 15–60 s. These are practitioner rules of thumb; treat the verdict as a nudge.
 *
 * Duration is the candidate's speaking span for the answer: from their first word to their last,
 * including pauses and any interviewer backchannels in between (the listener experiences that span).
 */
import type { QuestionKind } from './questions.js';

export type LengthVerdict = 'short' | 'ok' | 'long';

export const RECOMMENDED_SEC: Readonly<Record<QuestionKind, readonly [number, number]>> = {
  behavioural: [60, 120],
  open: [60, 120],
  factual: [15, 60],
};

export function judgeLength(durationSec: number, kind: QuestionKind): { verdict: LengthVerdict; recommendedSec: [number, number] } {
  const [min, max] = RECOMMENDED_SEC[kind];
  const verdict: LengthVerdict = durationSec < min ? 'short' : durationSec > max ? 'long' : 'ok';
  return { verdict, recommendedSec: [min, max] };
}
