/**
 * Live practice over socket.io (issue 17): the messages between the browser and the api, shared by
 * both sides (the web app imports this file's types; its limits as numbers come from
 * services/contract/limits.ts, which has no zod).
 *
 * A session: `live.start` (questions the user practises) → the ack names the new interview →
 * `live.chunk` × n (MediaRecorder's WebM/Opus bytes, in order, each with its byte offset in the
 * recording) → `live.question` when the user moves on → `live.finish`. After a dropped socket the
 * page calls `live.resume` and re-sends from the acked `receivedBytes`. Captions and nudges come
 * back only to the owner's room as `live.caption` / `live.nudge`.
 */
import { z } from 'zod';
import { QUESTION_KINDS } from '../analysis/questions/kind.js';
import { JOB_DESCRIPTION_MAX_CHARS, LIVE_MAX_CHUNK_BYTES } from '../contract/limits.js';

export const LIVE_LIMITS = {
  /** One MediaRecorder slice (services/contract/limits.ts). */
  maxChunkBytes: LIVE_MAX_CHUNK_BYTES,
  maxQuestions: 30,
  maxQuestionChars: 500,
  /** Longest session; past it chunks are refused with `recording_too_long`. */
  maxSessionSec: 3600,
  /** A session whose socket went away is finished as a normal interview after this long. */
  resumeGraceSec: 60,
} as const;

const interviewId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an interview id');
const text = (max: number) => z.string().max(max).refine((s) => s.trim().length > 0, 'must not be blank');

export const LiveQuestionSchema = z.strictObject({
  text: text(LIVE_LIMITS.maxQuestionChars),
  kind: z.enum(QUESTION_KINDS).optional(),
});

export const LiveStartSchema = z.strictObject({
  title: text(200).optional(),
  questions: z.array(LiveQuestionSchema).min(1).max(LIVE_LIMITS.maxQuestions),
  /** Passed on to the interview, so the report is judged against the job (issue 16). */
  jobDescription: z.string().max(JOB_DESCRIPTION_MAX_CHARS).optional(),
  /** MediaRecorder's mimeType; only WebM/Opus (and Ogg/Opus) are accepted. */
  mimeType: z.string().max(100).optional(),
});

export const LiveResumeSchema = z.strictObject({ interviewId });

export const LiveChunkSchema = z.strictObject({
  interviewId,
  /** Byte offset of `data` in the recording: a re-sent chunk is idempotent, a gap is refused. */
  offset: z.int().nonnegative(),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= LIVE_LIMITS.maxChunkBytes, `1..${LIVE_LIMITS.maxChunkBytes} bytes`),
});

export const LiveQuestionChangeSchema = z.strictObject({ interviewId, index: z.int().nonnegative().max(LIVE_LIMITS.maxQuestions - 1) });

export const LiveFinishSchema = z.strictObject({ interviewId });

export type LiveQuestion = z.infer<typeof LiveQuestionSchema>;
export type LiveStart = z.infer<typeof LiveStartSchema>;
export type LiveResume = z.infer<typeof LiveResumeSchema>;
export type LiveChunk = z.infer<typeof LiveChunkSchema>;
export type LiveQuestionChange = z.infer<typeof LiveQuestionChangeSchema>;
export type LiveFinish = z.infer<typeof LiveFinishSchema>;

export const LIVE_ERROR_CODES = [
  /** Every live slot of the media node is taken: "busy, try again in a minute" (retryAfterSec). */
  'live_busy',
  'invalid_live_request',
  /** No such live session of this user (never says whether another user's exists). */
  'not_found',
  /** The session already finished (or was finished after the resume grace). */
  'live_ended',
  /** `offset` is past what was received: re-send from `receivedBytes`. */
  'offset_mismatch',
  'recording_too_long',
  /** No live engine on this node (neither Whisper nor pocketsphinx installed). */
  'live_unavailable',
  /** The user already has a live session (`interviewId`): one at a time; resume or finish it first. */
  'live_in_progress',
  /** An unexpected failure on the server; trying again may work. */
  'server_error',
] as const;
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

export interface LiveError {
  code: LiveErrorCode;
  message: string;
  retryAfterSec?: number;
  /** With `offset_mismatch`: where to re-send from. */
  receivedBytes?: number;
  /** With `live_in_progress`: the user's running session. */
  interviewId?: string;
}

export type LiveAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: LiveError };

export interface LiveStarted {
  interviewId: string;
  /** Bytes the server holds (0 on start; on resume, re-send from here). */
  receivedBytes: number;
  /** The question the session is on (resume). */
  question: number;
}

export const NUDGE_KINDS = ['pace_fast', 'pace_slow', 'fillers', 'silence', 'long_answer'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

export interface LiveCaption {
  interviewId: string;
  /** The words heard; an interim caption (final: false) is replaced by the next one of its segment. */
  text: string;
  final: boolean;
  /** Segment number within the session: captions of one segment replace each other. */
  segment: number;
  /** Seconds from the session's start. */
  startSec: number;
  endSec: number;
  question: number;
}

export interface LiveNudge {
  interviewId: string;
  kind: NudgeKind;
  /** One short, kind sentence ("You're speaking quickly: about 190 words a minute"). */
  message: string;
  atSec: number;
  question: number;
}

/** socket.io events, merged into services/api/events.ts. */
export interface LiveClientToServer {
  'live.start': (req: LiveStart, ack: (r: LiveAck<LiveStarted>) => void) => void;
  'live.resume': (req: LiveResume, ack: (r: LiveAck<LiveStarted>) => void) => void;
  'live.chunk': (req: LiveChunk, ack: (r: LiveAck<{ receivedBytes: number }>) => void) => void;
  'live.question': (req: LiveQuestionChange, ack: (r: LiveAck) => void) => void;
  'live.finish': (req: LiveFinish, ack: (r: LiveAck<{ interviewId: string }>) => void) => void;
}

export interface LiveServerToClient {
  'live.caption': (c: LiveCaption) => void;
  'live.nudge': (n: LiveNudge) => void;
}
