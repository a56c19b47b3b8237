/**
 * Answer length against a recommended range for the kind of question (questions/kind.ts).
 *
 * The ranges are practitioner rules of thumb from interview-coaching guidance, not research findings,
 * and none has been checked against rated interviews; treat a verdict as a nudge:
 *   introduction          60–120 s  "tell me about yourself": 60–90 s with two minutes as the upper
 *                                   limit (Climb the Ladder, "the 90-second rule"; Careery), "not
 *                                   longer than two minutes" (Carole Martin, Monster).
 *   behavioural           60–120 s  a STAR story in one to two minutes (Indeed Career Guide, The Muse,
 *                                   Big Interview).
 *   strengths_weaknesses  30–90 s   name the weakness, its impact and what you are doing about it,
 *                                   factually and briefly (CollegeGrad; Solution-Focused Coaching;
 *                                   interviewquestions.biz: "factual and brief answer is advisable").
 *   motivation            30–120 s  "why should we hire you": one to two minutes (Robert Half), a
 *                                   60–90 s pitch (interview-prep.io, Resume Studio), 30–60 s
 *                                   (BrainApps); the range spans them.
 *   technical             15–60 s   simple factual questions well under a minute.
 *   candidate_questions   none      the span of the candidate's turns then includes the
 *                                   interviewer's replies to their questions, so its length says
 *                                   nothing about the candidate.
 *
 * Duration is the candidate's speaking span for the answer: from their first word to their last,
 * including pauses and any interviewer back-channels in between (the listener experiences that
 * span). Without word times (an untimed transcript) no length is judged at all.
 */
import type { QuestionKind } from '../questions/kind.js';

export type LengthVerdict = 'short' | 'ok' | 'long';

export const RECOMMENDED_SEC: Readonly<Record<QuestionKind, readonly [number, number] | null>> = {
  introduction: [60, 120],
  behavioural: [60, 120],
  strengths_weaknesses: [30, 90],
  motivation: [30, 120],
  technical: [15, 60],
  candidate_questions: null,
};

export interface LengthJudgement {
  verdict: LengthVerdict;
  recommendedSec: [number, number];
}

/** Undefined for a kind with no recommended range. */
export function judgeLength(durationSec: number, kind: QuestionKind): LengthJudgement | undefined {
  const range = RECOMMENDED_SEC[kind];
  if (!range) return undefined;
  const [min, max] = range;
  const verdict: LengthVerdict = durationSec < min ? 'short' : durationSec > max ? 'long' : 'ok';
  return { verdict, recommendedSec: [min, max] };
}
