/** Typed errors of the webhooks feature (rendered as `{"error":{"code","message"}}`). */
import { AppError } from '../shared/errors.js';

/** Unknown, malformed and other users' webhooks look the same: 404, never 403. */
export class WebhookNotFoundError extends AppError {
  constructor(what: 'webhook' | 'delivery' = 'webhook') {
    super(what === 'webhook' ? 'webhook_not_found' : 'delivery_not_found', `no such ${what}`, 404);
  }
}

/**
 * A target refused by the SSRF guard; `reason` is a stable sub-code (loopback, private, …). 422: the
 * request is well formed (any string is a schema-valid `url`), the URL is not one we deliver to.
 */
export class UnsafeWebhookUrlError extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super('webhook_url_unsafe', message, 422, { reason });
  }
}

export class WebhookLimitError extends AppError {
  constructor(max: number) {
    super('webhook_limit', `at most ${max} webhooks per user`, 409);
  }
}
