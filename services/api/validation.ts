/** Request bodies validated with zod; failures are 400 `invalid_request` naming each bad field. */
import { z } from 'zod';
import { jobDescriptionField, NOT_BLANK } from '../analysis/job/job.contract.js';
import { AppError } from '../shared/errors.js';

/**
 * Length limits apply to the string as sent (before trimming), so they mean what the OpenAPI
 * document's maxLength says.
 */
const text = (max: number) => z.string().max(max).trim();

/** A required text field: not only whitespace (400, and `pattern` in the document). */
export const nonBlank = (max: number) => text(max).regex(NOT_BLANK, 'must not be blank');

export const createInterviewBody = z.strictObject({
  title: nonBlank(200),
  role: text(200).optional(),
  company: text(200).optional(),
  prepNotes: text(20_000).optional(),
  jobDescription: jobDescriptionField.optional(),
});

export const updateInterviewBody = z.strictObject({
  title: nonBlank(200).optional(),
  role: text(200).optional(),
  company: text(200).optional(),
  prepNotes: text(20_000).optional(),
  /** "" removes it. */
  jobDescription: jobDescriptionField.optional(),
  candidateSpeaker: nonBlank(200).optional(),
});

/** auto | economy | premium | a model id: checked against the model table when analysis runs. */
const modelChoice = z.string().max(100).regex(/^[A-Za-z0-9._:\-/]+$/, 'a model id or auto, economy, premium');

export const reanalyzeBody = z.strictObject({
  model: modelChoice.optional(),
  prepNotes: text(20_000).optional(),
  jobDescription: jobDescriptionField.optional(),
  candidateSpeaker: nonBlank(200).optional(),
});

export const settingsBody = z.strictObject({ analysisModel: modelChoice.optional() });

/**
 * A missing body (none, or not JSON: express.json leaves `req.body` undefined) is refused unless the
 * operation documents its body as optional (`requestBody.required: false`).
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, opts: { optional?: boolean } = {}): T {
  if (body === undefined && !opts.optional) {
    throw new AppError('missing_body', 'send a JSON request body (Content-Type: application/json)', 400);
  }
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('invalid_request', fields.map((f) => `${f.field}: ${f.message}`).join('; '), 400, { fields });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

/** `?limit=` of a list: an integer 1–200 (default 50); anything else is 400, as the document says. */
export function limitParam(raw: unknown): number {
  if (raw === undefined) return LIST_LIMIT_DEFAULT;
  const n = typeof raw === 'string' && /^[0-9]{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= LIST_LIMIT_MAX)) throw new AppError('invalid_request', `limit: an integer from 1 to ${LIST_LIMIT_MAX}`, 400);
  return n;
}
