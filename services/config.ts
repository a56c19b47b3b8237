/** Configuration, validated once at start-up: a bad value stops the process with a clear message. */
import path from 'node:path';
import { z } from 'zod';

import { DEFAULT_RETRY_SCHEDULE, parseDurations } from './webhooks/retry-schedule.js';

const bytes = z.coerce.number().int().positive();
const flag = z.enum(['0', '1', 'true', 'false', '']).default('0').transform((v) => v === '1' || v === 'true');
const ms = z.coerce.number().int().positive();

export const ROLES = ['api', 'upload', 'media', 'analysis', 'notify'] as const;
export type Role = (typeof ROLES)[number];

const roles = z
  .string()
  .default('all')
  .transform((v, ctx) => {
    const names = v.split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length === 0 || names.includes('all')) return [...ROLES];
    const unknown = names.filter((n) => !(ROLES as readonly string[]).includes(n));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown service(s) ${unknown.join(', ')}; use all or ${ROLES.join(', ')}` });
    return names as Role[];
  });

const schema = z.object({
  /** Which services this process runs: "all" (one process) or a comma list of api, upload, media, analysis, notify. */
  SERVICE: roles,
  /** embedded: Dapr building blocks in-process on SQLite. sidecar: a daprd next to this process. */
  DAPR_MODE: z.enum(['embedded', 'sidecar']).default('embedded'),
  /** Sidecar mode: this app's id, where daprd listens, and the port daprd calls this app on. */
  APP_ID: z.string().regex(/^[a-z0-9-]+$/).optional(),
  DAPR_HOST: z.string().default('127.0.0.1'),
  DAPR_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3500),
  APP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** When this process runs the api but not the upload service: where /files is forwarded. */
  UPLOAD_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Uploads in Azure Blob Storage (block blobs) instead of DATA_DIR/uploads. */
  AZURE_STORAGE_CONNECTION_STRING: z.string().optional(),
  AZURE_UPLOAD_CONTAINER: z.string().default('uploads'),
  /** The app's state store (AI cache, read models) in Azure Cosmos DB instead of the runtime's. */
  COSMOS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z.string().min(1).default('interview-buddy'),
  COSMOS_CONTAINER: z.string().min(1).default('state'),
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
  /** Live practice sessions one media node captions at once (past it: live_busy, try again in a minute). */
  LIVE_MAX_SESSIONS: z.coerce.number().int().min(0).max(64).default(3),
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
}).superRefine((v, ctx) => {
  if (Boolean(v.COSMOS_ENDPOINT) !== Boolean(v.COSMOS_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['COSMOS_KEY'], message: 'set COSMOS_ENDPOINT and COSMOS_KEY together (or neither)' });
  }
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
