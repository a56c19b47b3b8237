/** Configuration, validated once at start-up: a bad value stops the process with a clear message. */
import path from 'node:path';
import { z } from 'zod';

import { DEFAULT_RETRY_SCHEDULE, parseDurations } from './webhooks/retry-schedule.js';

const bytes = z.coerce.number().int().positive();
const flag = z.enum(['0', '1', 'true', 'false', '']).default('0').transform((v) => v === '1' || v === 'true');
const ms = z.coerce.number().int().positive();

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FIREBASE_PROJECT_ID: z.string().min(1).default('demo-interview-buddy'),
  /** Offer "Continue with Google" on the sign-in page (enable the Google provider in Firebase first). */
  AUTH_GOOGLE_ENABLED: flag,
  /** Largest upload accepted (bytes); bigger → 413. */
  MAX_UPLOAD_BYTES: bytes.default(2 * 1024 ** 3),
  /** Longest recording accepted (seconds). */
  MAX_DURATION_SEC: z.coerce.number().positive().default(4 * 3600),
  /** JSON request bodies larger than this → 413. */
  MAX_JSON_BYTES: bytes.default(256 * 1024),
  /** Imported transcripts (VTT/SRT) larger than this → 413. */
  MAX_TRANSCRIPT_BYTES: bytes.default(5 * 1024 ** 2),
  /** Uploads that would leave less than this free on the data disk get 507 storage_full (room for the database). */
  UPLOAD_MIN_FREE_BYTES: z.coerce.number().int().min(0).default(64 * 1024 ** 2),
  /** Unfinished uploads are removed after this long (tus expiration extension). */
  UPLOAD_EXPIRATION_MS: ms.default(24 * 3600_000),
  /** How often expired uploads are swept (cron binding, "@every <n>(ms|s|m|h)"). */
  UPLOAD_SWEEP_SCHEDULE: z.string().regex(/^@every \d+(ms|s|m|h)$/, 'use "@every <n>(ms|s|m|h)"').default('@every 10m'),
  TRANSCRIPTION_BUDGET_MS: ms.default(15 * 60_000),
  ANALYSIS_BUDGET_MS: ms.default(5 * 60_000),
  STAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Transcriptions run at once (each already uses every core). */
  MEDIA_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Public origin of the app (links in emails, `reportUrl` in webhooks); default http://localhost:PORT. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Webhook retry delays after each failed attempt, e.g. "5s,30s,2m" (ms|s|m|h|d). */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_RETRY_SCHEDULE)
    .superRefine((v, ctx) => {
      try {
        parseDurations(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .transform(parseDurations),
  WEBHOOK_TIMEOUT_MS: ms.default(10_000),
  /** An endpoint failing continuously this long is disabled and its owner told. */
  WEBHOOK_DISABLE_AFTER_MS: ms.default(5 * 24 * 3600_000),
  /** How long a rotated-out signing secret keeps signing. */
  WEBHOOK_SECRET_OVERLAP_MS: ms.default(24 * 3600_000),
  /** At most one interview.progress webhook per interview per interval (status changes always go). */
  WEBHOOK_PROGRESS_INTERVAL_MS: ms.default(30_000),
  WEBHOOK_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(20),
  /** Development only: lets webhooks reach loopback addresses (never private or link-local ones). */
  WEBHOOK_ALLOW_LOOPBACK: flag,
  /** Email through the smtp binding; unset SMTP_HOST = no email (in-app notifications only). */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_FROM: z.string().default('Interview Buddy <no-reply@interview-buddy.local>'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: flag,
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
