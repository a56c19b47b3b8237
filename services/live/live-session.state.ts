/**
 * The LiveSessionActor's durable state, in two keys: what is fixed at start (written once, plus the
 * WebM header while it is being captured) and what every chunk changes (small, written per chunk).
 */
import type { LiveQuestion } from '../api/live.contract.js';

export const SESSION = 'session';
export const PROGRESS = 'progress';

export interface Session {
  interviewId: string;
  ownerUid: string;
  /** The tus upload the recording is written to ("<interviewId>--<random>": erase finds it). */
  uploadId: string;
  questions: LiveQuestion[];
  startedAt: number;
  /** base64 of the recording's WebM header (before the first Cluster): restarts a lost decoder. */
  head: string;
}

export interface Progress {
  receivedBytes: number;
  question: number;
  lastChunkAt: number;
  /** Last sign of a client (chunk, resume, question): the resume grace counts from here. */
  lastSeenAt: number;
  /** Bytes last reported to the interview, and when (progress is throttled). */
  reportedBytes: number;
  reportedAt: number;
  ended: boolean;
  /** The header is captured (or given up on: no Cluster within its first 64 kB). */
  headDone: boolean;
}

export interface Stored {
  s: Session;
  p: Progress;
}
