/**
 * The LiveSessionActor's wire vocabulary (issue 17). Payloads cross a wire in Dapr mode (api role →
 * media role), so they are plain JSON: chunk bytes travel as base64. Rejections come back as data.
 */
import type { LiveError, LiveErrorCode, LiveQuestion, LiveStarted } from '../api/live.contract.js';
import type { LiveOut } from '../media/live/live-engine.js';

export const LIVE_SESSION_ACTOR = 'LiveSessionActor';

/** Every call names the caller's uid: a session answers `not_found` to anyone but its owner. */
export interface LiveCall {
  uid: string;
}

export interface StartPayload extends LiveCall {
  questions: LiveQuestion[];
}
export interface ChunkPayload extends LiveCall {
  offset: number;
  /** base64 */
  data: string;
}
export interface QuestionPayload extends LiveCall {
  index: number;
}

export type LiveResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: LiveError };

export interface LiveSessionMethods {
  start: (p: StartPayload) => LiveResult<LiveStarted>;
  resume: (p: LiveCall) => LiveResult<LiveStarted>;
  chunk: (p: ChunkPayload) => LiveResult<{ receivedBytes: number }>;
  question: (p: QuestionPayload) => LiveResult;
  finish: (p: LiveCall) => LiveResult<{ interviewId: string }>;
  /** Captions and nudges since the last drain; `ended` once the session is over (stop draining). */
  drain: (p: LiveCall) => LiveResult<LiveOut & { ended: boolean }>;
}

export const liveError = (code: LiveErrorCode, message: string, extra: Omit<LiveError, 'code' | 'message'> = {}): { ok: false; error: LiveError } => ({
  ok: false,
  error: { code, message, ...extra },
});

export const BUSY_MESSAGE = 'Live practice is busy on this server; try again in a minute.';
export const BUSY_RETRY_AFTER_SEC = 60;
export const notFound = () => liveError('not_found', 'no such live session');
export const ended = () => liveError('live_ended', 'this live session has already finished');
