/** Request bodies validated with zod; failures are 400 `invalid_request` naming each bad field. */
import { z } from 'zod';
import { AppError } from '../shared/errors.js';

const text = (max: number) => z.string().trim().max(max);

export const createInterviewBody = z.strictObject({
  title: text(200).min(1, 'title is required'),
  role: text(200).optional(),
  company: text(200).optional(),
  prepNotes: text(20_000).optional(),
});

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('invalid_request', fields.map((f) => `${f.field}: ${f.message}`).join('; '), 400, { fields });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
