/**
 * Retries of one cloud request on TransientError, with capped exponential backoff that honours the
 * service's Retry-After. Sleep is injected so tests run instantly; an abort stops the wait at once.
 * Only a single request is retried (one chunk), never a whole multi-chunk transcription.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { TransientError } from '../../shared/errors.js';
import { EngineTransientError } from './cloud-errors.js';

export interface RetryOptions {
  /** Tries in all, including the first; default 3. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before each wait, e.g. to log the retry. */
  onRetry?: (error: TransientError, attempt: number, waitMs: number) => void;
}

const defaultSleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/** Pure: how long to wait before try `attempt + 1` (attempt counts from 1). */
export function backoffMs(attempt: number, error: TransientError, opts: RetryOptions = {}): number {
  const base = opts.baseDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 30_000;
  const hinted = error instanceof EngineTransientError ? error.retryAfterMs : undefined;
  return Math.min(max, Math.max(hinted ?? 0, base * 2 ** (attempt - 1)));
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}, signal?: AbortSignal): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (e) {
      if (!(e instanceof TransientError) || attempt >= attempts || signal?.aborted) throw e;
      const wait = backoffMs(attempt, e, opts);
      opts.onRetry?.(e, attempt, wait);
      await sleep(wait, signal);
    }
  }
}
