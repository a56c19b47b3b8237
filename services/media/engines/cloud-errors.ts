/**
 * Stable error codes of the cloud engines (azure, openai) and the one place that maps an HTTP
 * status to them, so both engines fail alike and FallbackEngine can decide by code, never by text.
 *   401/403             → PermanentError `engine_misconfigured` (wrong key, region or deployment)
 *   400/404/413/415/422 → PermanentError `engine_rejected`      (the service refused this request)
 *   408/429             → TransientError `engine_rate_limited` / `engine_timeout`
 *   5xx, network        → TransientError `engine_unavailable`
 *   unreadable body     → PermanentError `engine_bad_response` (retrying a schema mismatch is futile)
 */
import { PermanentError, TransientError, type AppError } from '../../shared/errors.js';

export const ENGINE_ERROR_CODES = [
  'engine_misconfigured',
  'engine_rejected',
  'engine_bad_response',
  'engine_rate_limited',
  'engine_timeout',
  'engine_unavailable',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** A transient engine failure; `retryAfterMs` carries the service's Retry-After when it sent one. */
export class EngineTransientError extends TransientError {
  constructor(code: EngineErrorCode, message: string, readonly retryAfterMs?: number) {
    super(code, message);
  }
}

export const engineMisconfigured = (message: string): PermanentError => new PermanentError('engine_misconfigured', message, 500);
export const engineBadResponse = (engine: string, why: string): PermanentError =>
  new PermanentError('engine_bad_response', `${engine} returned an unreadable transcription: ${why}`, 502);

/** Pure: `Retry-After` (delta-seconds or an HTTP date) → milliseconds from `now`, if parseable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Pure: the typed error for a non-2xx answer. `detail` is the service's own message, if any. */
export function httpStatusError(engine: string, status: number, detail: string, retryAfterMs?: number): AppError {
  const what = `${engine} answered HTTP ${status}${detail ? `: ${detail.slice(0, 300)}` : ''}`;
  if (status === 401 || status === 403) return engineMisconfigured(`${what} (check the key and endpoint)`);
  if (status === 429) return new EngineTransientError('engine_rate_limited', what, retryAfterMs);
  if (status === 408) return new EngineTransientError('engine_timeout', what, retryAfterMs);
  if (status >= 500) return new EngineTransientError('engine_unavailable', what, retryAfterMs);
  return new PermanentError('engine_rejected', what, 502, { status });
}

/** The service could not be reached or the connection broke mid-answer. */
export const engineUnreachable = (engine: string, cause: unknown): EngineTransientError =>
  new EngineTransientError('engine_unavailable', `${engine} could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`);

export const engineTimedOut = (engine: string, ms: number): EngineTransientError =>
  new EngineTransientError('engine_timeout', `${engine} did not answer within ${Math.round(ms / 1000)} s`);
