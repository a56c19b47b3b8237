/** What the REST API shows of an interview: exactly the contract's fields, nothing internal. */
import type { InterviewSummary } from '../../actors/interview.summary.js';
import type { InterviewState } from '../../actors/interview.types.js';
import type { Transcript } from '../transcripts/transcript.js';

const iso = (ms: number) => new Date(ms).toISOString();

export const listItemView = (s: InterviewSummary) => ({
  id: s.id,
  title: s.title,
  status: s.status,
  createdAt: iso(s.createdAt),
  ...(s.durationSec !== undefined && { durationSec: s.durationSec }),
  ...(s.headline && { headline: s.headline }),
});

export const interviewView = (s: InterviewState) => ({
  id: s.id,
  title: s.title,
  ...(s.role !== undefined && { role: s.role }),
  ...(s.company !== undefined && { company: s.company }),
  ...(s.jobDescription && { jobDescription: s.jobDescription }),
  status: s.status,
  stage: s.stage,
  progress: s.progress,
  ...(s.error && { error: s.error }),
  ...(s.durationSec !== undefined && { durationSec: s.durationSec }),
  ...(s.analysis?.candidateSpeaker && { candidateSpeaker: s.analysis.candidateSpeaker }),
  ...(s.headline && { headline: s.headline }),
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});

export const transcriptView = (t: Transcript) => ({
  text: t.text,
  words: t.words.map((w) => ({ text: w.text, start: w.start, end: w.end, ...(w.speaker !== undefined && { speaker: w.speaker }) })),
});

/** The socket.io `interview.progress` payload. */
export const progressView = (s: Pick<InterviewState, 'id' | 'status' | 'stage' | 'progress'>) => ({
  id: s.id,
  status: s.status,
  stage: s.stage,
  progress: s.progress,
});
