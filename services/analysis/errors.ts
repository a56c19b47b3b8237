import { PermanentError } from '../shared/errors.js';

/**
 * The transcript cannot be analysed however often we retry: a word time is NaN, infinite or
 * negative. Out-of-order, overlapping and inverted words are repaired instead (engines produce them
 * routinely), so this is reserved for data that has no sensible reading.
 */
export class InvalidTranscriptError extends PermanentError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('invalid_transcript', message, 422, details);
  }
}

/**
 * The analyzer built a report that fails its own schema. That is a bug in this service, not in the
 * input, so retrying cannot help; the issues travel in `details` for the logs.
 */
export class ReportValidationError extends PermanentError {
  constructor(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    super('report_invalid', 'analysis produced a report that fails the report schema', 500, {
      issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
}
