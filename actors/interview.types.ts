/** The interview lifecycle's vocabulary: states, events the actor accepts, effects it asks for. */
import type { InterviewError, Stage, Status } from '../services/contract/interview.js';
import type { PracticeMark, PracticeScript } from '../services/transcripts/practice-script.js';

// Status, stage and error cross the wire, so the API contract owns them.
export { STATUSES, type InterviewError, type Stage, type Status } from '../services/contract/interview.js';

export interface InterviewState {
  id: string;
  ownerUid: string;
  title: string;
  role?: string;
  company?: string;
  prepNotes?: string;
  /** The job posting the report's `job` section is judged against ("" or absent: none). */
  jobDescription?: string;
  status: Status;
  /** How the recording arrives: a file upload (absent = upload) or a live practice session. */
  source?: 'upload' | 'live';
  /** While `live`: the recording's upload id and the bytes the live session reported so far. */
  live?: { key: string; bytes: number };
  /**
   * A live practice's questions and when each was on screen (recording time): the questions are
   * not in the recording, so transcription puts them back from here. Kept after the recording ends.
   */
  practice?: PracticeScript;
  /** The stage the interview is in or last worked on. */
  stage: Stage;
  /** Overall progress 0..1 across the stages (upload 0–0.3, transcription 0.3–0.85, analysis 0.85–1). */
  progress: number;
  createdAt: number;
  updatedAt: number;
  error?: InterviewError;
  attempts: Record<Stage, number>;
  /** Stage start/end times (ms), for the stage-duration metrics. */
  timings: Partial<Record<Stage, { startedAt: number; endedAt?: number }>>;
  /** `speakers`: how many people the user said speak (1 | 2 | 3+ | auto); absent means auto. */
  media?: { key: string; size: number; filename?: string; engine?: string; speakers?: string };
  transcript?: { key: string; source: 'media' | 'import' };
  report?: { key: string };
  durationSec?: number;
  /** Choices the analysis honours (set on update or reanalyze). */
  analysis?: { candidateSpeaker?: string; aiPreference?: string };
  /** Headline numbers of the last report (for lists and trends without reading every report). */
  headline?: Record<string, number>;
  /** Recent event ids: at-least-once delivery makes duplicates normal, and they must be no-ops. */
  seen: string[];
  /** Applied transitions so far (absent in states written before it existed): orders list summaries. */
  rev?: number;
}

interface Base {
  /** Unique per logical event; a redelivered event keeps its id. */
  eventId: string;
  at: number;
}

export type InterviewEvent =
  | (Base & { type: 'create'; id: string; ownerUid: string; title: string; role?: string; company?: string; prepNotes?: string; jobDescription?: string; source?: 'upload' | 'live' })
  | (Base & { type: 'uploadStarted' })
  | (Base & { type: 'uploadProgress'; fraction: number })
  /** The upload was refused or removed before it finished (e.g. 413): back to waiting for a recording. */
  | (Base & { type: 'uploadAbandoned' })
  | (Base & { type: 'uploadCompleted'; key: string; size: number; filename?: string; engine?: string; speakers?: string })
  /** A live session began recording into upload `key` (repeated on resume: refreshes the deadline). */
  | (Base & { type: 'liveStarted'; key: string; questions?: PracticeScript['questions'] })
  /** The live session holds `bytes` of the recording (throttled by the session; refreshes the deadline). */
  | (Base & { type: 'liveProgress'; bytes: number; marks?: PracticeMark[] })
  /** The live session finished: the upload `key` of `size` bytes is the recording, as if uploaded. */
  | (Base & { type: 'liveEnded'; key: string; size: number; marks?: PracticeMark[] })
  | (Base & { type: 'transcriptImported'; key: string; durationSec: number })
  | (Base & { type: 'stageStarted'; stage: 'transcription' | 'analysis' })
  | (Base & { type: 'stageProgress'; stage: 'transcription' | 'analysis'; fraction: number })
  | (Base & { type: 'transcribed'; key: string; durationSec: number })
  | (Base & { type: 'analyzed'; key: string; transcriptKey: string; headline?: Record<string, number> })
  | (Base & { type: 'update'; title?: string; role?: string; company?: string; prepNotes?: string; jobDescription?: string; candidateSpeaker?: string })
  | (Base & { type: 'reanalyze'; prepNotes?: string; jobDescription?: string; candidateSpeaker?: string; aiPreference?: string })
  | (Base & { type: 'stageFailed'; stage: Stage; code: string; message: string })
  | (Base & { type: 'deadline'; stage: Stage })
  | (Base & { type: 'retry' })
  | (Base & { type: 'delete' });

export type Topic =
  | 'interview.progress'
  | 'interview.uploaded'
  | 'interview.transcribed'
  | 'interview.completed'
  | 'interview.failed'
  | 'interview.deleted';

export type Effect =
  | { type: 'publish'; topic: Topic; data: Record<string, unknown> }
  | { type: 'setDeadline'; stage: Stage; inMs: number }
  | { type: 'clearDeadline' };

/** applied: state changed; duplicate: same event seen before; stale: the interview moved past it. */
export type Outcome = 'applied' | 'duplicate' | 'stale';

export interface Transition {
  state: InterviewState;
  effects: Effect[];
  outcome: Outcome;
}

export interface LifecyclePolicy {
  /** How long a stage may go without progress before it is retried. */
  budgetMs: Record<Stage, number>;
  /** Attempts per stage before `stage_timeout`. */
  maxAttempts: number;
  /**
   * While `live`: how long without liveProgress before the interview finishes the audio received
   * (or fails with none). A backstop for a lost media node: the LiveSessionActor itself finishes
   * a session LIVE_LIMITS.resumeGraceSec (60 s) after its last chunk, well inside this.
   */
  liveIdleMs?: number;
}

export const defaultPolicy: LifecyclePolicy = {
  budgetMs: { upload: 24 * 3_600_000, transcription: 15 * 60_000, analysis: 5 * 60_000 },
  maxAttempts: 3,
  liveIdleMs: 3 * 60_000,
};
