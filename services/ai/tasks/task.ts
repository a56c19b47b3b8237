/**
 * An AI task: a prompt, how big a model it needs, and how to accept its answer. Validation is pure
 * and returns an error message (sent back to the model in the one repair turn) instead of throwing.
 */
import type { z } from 'zod';
import type { Tier } from '../models.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export interface AiTask<T> {
  /** Recorded as AiCall.task ("star", "summary"). */
  name: string;
  /** For notes: which item this call was about, e.g. "answer 2". */
  label: string;
  /** Bumped whenever the prompt or the accepted shape changes, so old cache entries are not reused. */
  promptVersion: string;
  minTier: Tier;
  maxOutputTokens: number;
  system: string;
  user: string;
  /** Distinguishes the per-item calls of one transcript in the cache key. */
  item?: string;
  /** Accepts an already-parsed value (a model reply or a cache entry). */
  check(value: unknown): Checked<T>;
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');

/** Schema first, then the task's own rules (e.g. verbatim evidence). */
export function checkWith<T>(schema: z.ZodType<T>, rules: (value: T) => Checked<T>): (value: unknown) => Checked<T> {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? rules(parsed.data) : { ok: false, error: `the JSON does not match the schema: ${describeIssues(parsed.error)}` };
  };
}

/**
 * Parses a model reply into JSON. Tolerates a Markdown code fence or a sentence around the object
 * (some models add them despite instructions); anything else is an error for the repair turn.
 */
export function parseJsonReply(text: string): Checked<unknown> {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  const candidates = [trimmed];
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  if (first > 0 || (last >= 0 && last < trimmed.length - 1)) candidates.push(trimmed.slice(first, last + 1));
  let lastError = 'the reply is empty';
  for (const candidate of candidates) {
    if (candidate === '') continue;
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (e) {
      lastError = `the reply is not valid JSON (${(e as Error).message})`;
    }
  }
  return { ok: false, error: lastError };
}

/** Reply text → task value, or the first error found. */
export function acceptReply<T>(task: AiTask<T>, text: string): Checked<T> {
  const json = parseJsonReply(text);
  return json.ok ? task.check(json.value) : json;
}
