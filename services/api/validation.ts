/** Request bodies validated with zod; failures are 400 `invalid_request` naming each bad field. */
import { z } from 'zod';
import { jobDescriptionField } from '../analysis/job/job.contract.js';
import { AppError } from '../shared/errors.js';

const text = (max: number) => z.string().trim().max(max);

export const createInterviewBody = z.strictObject({
  title: text(200).min(1, 'title is required'),
  role: text(200).optional(),
  company: text(200).optional(),
  prepNotes: text(20_000).optional(),
  jobDescription: jobDescriptionField.optional(),
});

export const updateInterviewBody = z.strictObject({
  title: text(200).min(1).optional(),
  role: text(200).optional(),
  company: text(200).optional(),
  prepNotes: text(20_000).optional(),
  /** "" removes it. */
  jobDescription: jobDescriptionField.optional(),
  candidateSpeaker: text(200).min(1).optional(),
});

/** auto | economy | premium | a model id: checked against the model table when analysis runs. */
const modelChoice = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9._:\-/]+$/, 'a model id or auto, economy, premium');

export const reanalyzeBody = z.strictObject({
  model: modelChoice.optional(),
  prepNotes: text(20_000).optional(),
  jobDescription: jobDescriptionField.optional(),
  candidateSpeaker: text(200).min(1).optional(),
});

export const settingsBody = z.strictObject({ analysisModel: modelChoice.optional() });

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('invalid_request', fields.map((f) => `${f.field}: ${f.message}`).join('; '), 400, { fields });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
