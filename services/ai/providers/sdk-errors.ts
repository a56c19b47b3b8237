/**
 * Translates errors of the Stainless-generated SDKs (openai, @anthropic-ai/sdk share the class
 * layout) into AiProviderError kinds. Order matters: the abort and timeout classes extend the
 * connection error class, which extends APIError.
 */
import { AiAbortedError, AiProviderError } from '../errors.js';
import { retryAfterMs } from './retry-after.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface SdkErrorClasses {
  APIUserAbortError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIError: ErrorClass;
}

interface HttpErrorShape {
  status?: number;
  headers?: Headers;
  message: string;
}

/** The SDK's own timer is set a little later than our deadline so ours always decides first. */
export const SDK_TIMEOUT_SLACK_MS = 1000;

/** The caller's signal and our own deadline for one request. */
export interface RequestSignals {
  caller?: AbortSignal;
  deadline: AbortSignal;
  /** What the SDK gets: fires on either. */
  combined: AbortSignal;
}

/**
 * We enforce the timeout ourselves instead of trusting the SDK's: its timer covers only the wait
 * for response headers (a body that trickles in is never cut off), and it recognises its own abort
 * by the error's name, which fails when the abort error comes from another realm (as under jest).
 */
export function requestSignals(timeoutMs: number, caller?: AbortSignal): RequestSignals {
  const deadline = AbortSignal.timeout(timeoutMs);
  return { ...(caller ? { caller } : {}), deadline, combined: caller ? AbortSignal.any([caller, deadline]) : deadline };
}

export function toProviderError(
  err: unknown,
  provider: string,
  classes: SdkErrorClasses,
  signals?: Pick<RequestSignals, 'caller' | 'deadline'>,
): AiProviderError | AiAbortedError {
  if (err instanceof AiProviderError || err instanceof AiAbortedError) return err;
  // Whatever the SDK made of an abort, the signals say whose it was.
  if (signals?.caller?.aborted) return new AiAbortedError();
  if (signals?.deadline.aborted) return new AiProviderError('timeout', `${provider}: request timed out`);
  if (err instanceof classes.APIConnectionTimeoutError) return new AiProviderError('timeout', `${provider}: request timed out`);
  if (err instanceof classes.APIUserAbortError) return new AiProviderError('timeout', `${provider}: request aborted`);
  if (err instanceof classes.APIConnectionError) return new AiProviderError('server', `${provider}: connection failed (${err.message})`);
  if (err instanceof classes.APIError) {
    const { status, headers, message } = err as HttpErrorShape;
    if (status === 429) return new AiProviderError('rate_limited', `${provider}: rate limited (429)`, retryAfterMs(headers), 429);
    if (status === 408) return new AiProviderError('timeout', `${provider}: request timeout (408)`, undefined, 408);
    if (status !== undefined && status >= 500) return new AiProviderError('server', `${provider}: server error (${status})`, undefined, status);
    return new AiProviderError('rejected', `${provider}: request rejected (${status ?? 'no status'}: ${message})`, undefined, status);
  }
  // Anything else (a response body that is not JSON, an SDK bug) is this provider failing.
  return new AiProviderError('server', `${provider}: ${err instanceof Error ? err.message : String(err)}`);
}
