/**
 * Typed errors with stable machine-readable codes. HTTP handlers map `status` + `code` straight to
 * `{"error":{"code","message"}}`; workers map `code` to an interview's `failed` reason.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that can never succeed however often it is retried (bad media, malformed transcript). */
export class PermanentError extends AppError {}

/** A failure worth retrying (a crashed tool, a busy disk). Workers answer RETRY for these. */
export class TransientError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 503);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
