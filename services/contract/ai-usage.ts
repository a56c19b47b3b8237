/** What the report says about LLM use: every call costed, the total shown to the user. */
import { z } from 'zod';

export const AiCallSchema = z.strictObject({
  provider: z.enum(['openai', 'azure-openai', 'anthropic']),
  model: z.string(),
  /** What the call was for, e.g. "star", "summary". */
  task: z.string(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  /** Served from the cache (no new cost) or by a fallback model after a failure. */
  cached: z.boolean().optional(),
  fallbackFrom: z.string().optional(),
});

export const AiUsageSchema = z.strictObject({
  models: z.array(AiCallSchema),
  totalCostUsd: z.number().nonnegative(),
});

export type AiCall = z.infer<typeof AiCallSchema>;
export type AiUsage = z.infer<typeof AiUsageSchema>;
