/**
 * What a list shows of an interview. The owner's UserActor keeps one per interview, written by the
 * InterviewActor whenever a transition changes it, so listing is one actor call instead of 1 + N.
 */
import type { InterviewState } from './interview.types.js';

export type InterviewSummary = Pick<InterviewState, 'id' | 'title' | 'status' | 'createdAt' | 'durationSec' | 'headline'> & {
  /** The state's revision: a summary never replaces a newer one. */
  rev: number;
};

export function summaryOf(s: InterviewState): InterviewSummary {
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    createdAt: s.createdAt,
    ...(s.durationSec !== undefined && { durationSec: s.durationSec }),
    ...(s.headline && { headline: s.headline }),
    rev: s.rev ?? 0,
  };
}

/** Did the transition change what a list shows? Progress-only events do not, so they cost nothing. */
export function summaryChanged(before: InterviewState | undefined, after: InterviewState): boolean {
  if (!before) return true;
  const { rev: _a, ...a } = summaryOf(before);
  const { rev: _b, ...b } = summaryOf(after);
  return JSON.stringify(a) !== JSON.stringify(b);
}
