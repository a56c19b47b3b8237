/**
 * The model table: which LLMs enrichment may use, what they cost and how good they are.
 *
 * Prices are CONFIGURED VALUES (USD per 1M tokens, list prices as we last set them), not facts
 * fetched from the providers; override the whole table with the env variable `AI_MODELS` (a JSON
 * array of entries) when prices or models change.
 */
import { z } from 'zod';
import { AiConfigError } from './errors.js';

export const PROVIDER_IDS = ['openai', 'azure-openai', 'anthropic'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Quality tiers, lowest first: the order is what routing compares. */
export const TIERS = ['economy', 'standard', 'premium'] as const;
export type Tier = (typeof TIERS)[number];
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

export const ModelSpecSchema = z.strictObject({
  /** Unique id: what a user names as a preference, and part of every cache key. */
  id: z.string().min(1),
  provider: z.enum(PROVIDER_IDS),
  /** The provider's model name, sent in the request. */
  model: z.string().min(1),
  /** Azure only: the deployment to call (defaults to AZURE_OPENAI_DEPLOYMENT). */
  deployment: z.string().min(1).optional(),
  inputPerMTokUsd: z.number().nonnegative(),
  outputPerMTokUsd: z.number().nonnegative(),
  /** Tokens in + out the model accepts in one call. */
  contextWindow: z.number().int().positive(),
  tier: z.enum(TIERS),
});
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

const ModelTableSchema = z
  .array(ModelSpecSchema)
  .min(1)
  .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, 'model ids must be unique');

/** Configured defaults (prices as set here on purpose; see the file comment). */
export const DEFAULT_MODELS: readonly ModelSpec[] = [
  { id: 'gpt-4o-mini', provider: 'openai', model: 'gpt-4o-mini', inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6, contextWindow: 128_000, tier: 'economy' },
  { id: 'gpt-4.1-mini', provider: 'openai', model: 'gpt-4.1-mini', inputPerMTokUsd: 0.4, outputPerMTokUsd: 1.6, contextWindow: 1_047_576, tier: 'standard' },
  { id: 'gpt-4.1', provider: 'openai', model: 'gpt-4.1', inputPerMTokUsd: 2, outputPerMTokUsd: 8, contextWindow: 1_047_576, tier: 'premium' },
  { id: 'gpt-4o', provider: 'openai', model: 'gpt-4o', inputPerMTokUsd: 2.5, outputPerMTokUsd: 10, contextWindow: 128_000, tier: 'premium' },
  { id: 'azure-gpt-4o-mini', provider: 'azure-openai', model: 'gpt-4o-mini', inputPerMTokUsd: 0.165, outputPerMTokUsd: 0.66, contextWindow: 128_000, tier: 'economy' },
  { id: 'claude-haiku-4-5', provider: 'anthropic', model: 'claude-haiku-4-5', inputPerMTokUsd: 1, outputPerMTokUsd: 5, contextWindow: 200_000, tier: 'economy' },
  { id: 'claude-sonnet-4-6', provider: 'anthropic', model: 'claude-sonnet-4-6', inputPerMTokUsd: 3, outputPerMTokUsd: 15, contextWindow: 200_000, tier: 'premium' },
];

/** Validates a table (from code or config); a bad one stops start-up with every issue listed. */
export function parseModelTable(rows: unknown): ModelSpec[] {
  const parsed = ModelTableSchema.safeParse(rows);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(table)'}: ${i.message}`);
    throw new AiConfigError('ai_config_invalid', `invalid AI model table:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The table in force: `AI_MODELS` (JSON) replaces the defaults whole, so a removed model is gone. */
export function loadModelTable(env: NodeJS.ProcessEnv = process.env): ModelSpec[] {
  const raw = env['AI_MODELS'];
  if (raw === undefined || raw.trim() === '') return parseModelTable(DEFAULT_MODELS);
  let rows: unknown;
  try {
    rows = JSON.parse(raw);
  } catch (e) {
    throw new AiConfigError('ai_config_invalid', `AI_MODELS is not valid JSON: ${(e as Error).message}`);
  }
  return parseModelTable(rows);
}
