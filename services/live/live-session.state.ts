/**
 * The LiveSessionActor's durable state, in two keys: what is fixed at start (written once, plus the
 * WebM header while it is being captured) and what every chunk changes (small, written per chunk).
 */
import { LIVE_LIMITS, type LiveQuestion } from '../api/live.contract.js';
import type { PracticeMark } from '../transcripts/practice-script.js';

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
  /** When each question came on screen, in recording time (absent in sessions started before marks). */
  marks?: PracticeMark[];
}

/** Going back and forth is allowed, but the list stays bounded: past it the last mark moves. */
export const MAX_MARKS = LIVE_LIMITS.maxQuestions * 4;

/** Pure: `marks` with question `index` from `atSec`, never earlier than the last mark, at most MAX_MARKS. */
export function addMark(marks: readonly PracticeMark[], index: number, atSec: number): PracticeMark[] {
  const last = marks[marks.length - 1];
  if (last?.index === index) return [...marks];
  const at = Math.round(Math.max(atSec, last?.atSec ?? 0, 0) * 1000) / 1000;
  if (last?.atSec === at) {
    // Clicks within the same moment: the latest question takes that spot.
    const kept = marks.slice(0, -1);
    return kept[kept.length - 1]?.index === index ? kept : [...kept, { index, atSec: at }];
  }
  // A full list: the last mark moves (bounded state beats a perfect record of hundreds of clicks).
  return [...(marks.length >= MAX_MARKS ? marks.slice(0, -1) : marks), { index, atSec: at }];
}

export interface Stored {
  s: Session;
  p: Progress;
}
