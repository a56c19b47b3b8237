/** Costing (pure): tokens × configured price, summed into the report's `ai` section. */
import type { AiCall, AiUsage } from './ai.schema.js';
import type { ModelSpec } from './models.js';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

type Prices = Pick<ModelSpec, 'inputPerMTokUsd' | 'outputPerMTokUsd'>;

/** Rounded to a billionth of a dollar so sums of binary fractions print as the prices read. */
const roundUsd = (usd: number): number => Math.round(usd * 1e9) / 1e9;

/** What a call cost (or would cost, given estimated tokens): prices are per 1M tokens. */
export function costUsd(prices: Prices, usage: TokenUsage): number {
  return roundUsd((usage.inputTokens * prices.inputPerMTokUsd + usage.outputTokens * prices.outputPerMTokUsd) / 1e6);
}

/** The report section: every call listed in order, the total is the sum of their costs. */
export function summarizeUsage(calls: readonly AiCall[]): AiUsage {
  return { models: [...calls], totalCostUsd: roundUsd(calls.reduce((sum, c) => sum + c.costUsd, 0)) };
}

/** Rough token count for routing (≈4 characters per token for English); never used for billing. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
