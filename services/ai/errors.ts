/**
 * Typed AI errors. Provider adapters translate SDK errors into `AiProviderError` with a `kind` the
 * fallback policy branches on (never on message text); configuration mistakes are `AiConfigError`.
 */
import { AppError, PermanentError, TransientError } from '../shared/errors.js';

/** Why a provider call failed, as the fallback policy sees it. */
export type ProviderFailureKind =
  /** 429: the model is busy; `retryAfterMs` says when to come back, when the API said so. */
  | 'rate_limited'
  /** 5xx, or the connection dropped: the next model may well work. */
  | 'server'
  /** No answer within the configured time. */
  | 'timeout'
  /** 4xx other than 429 (bad key, unknown model or deployment): this model will not work now. */
  | 'rejected';

export class AiProviderError extends TransientError {
  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly retryAfterMs?: number,
    readonly httpStatus?: number,
  ) {
    super(`ai_${kind}`, message);
  }
}

/** The caller's signal was aborted: the whole enrichment stops (not a provider failure). */
export class AiAbortedError extends AppError {
  constructor() {
    super('ai_aborted', 'AI enrichment was aborted', 499);
  }
}

/** A bad model table, preference or provider setting: fix the configuration. */
export class AiConfigError extends PermanentError {
  constructor(code: 'ai_config_invalid' | 'ai_unknown_model' | 'ai_cache_unsupported', message: string) {
    super(code, message, 400);
  }
}
