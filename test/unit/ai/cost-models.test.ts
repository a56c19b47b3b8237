import { describe, expect, it } from '@jest/globals';
import type { AiCall } from '../../../services/ai/ai.schema.js';
import { AiUsageSchema } from '../../../services/ai/ai.schema.js';
import { costUsd, estimateTokens, summarizeUsage } from '../../../services/ai/cost.js';
import { AiConfigError } from '../../../services/ai/errors.js';
import { DEFAULT_MODELS, loadModelTable, parseModelTable } from '../../../services/ai/models.js';

const call = (costUsd: number): AiCall => ({ provider: 'openai', model: 'm', task: 'star', inputTokens: 1, outputTokens: 1, costUsd });

describe('costUsd', () => {
  it.each([
    [{ inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6 }, { inputTokens: 1_000_000, outputTokens: 0 }, 0.15],
    [{ inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6 }, { inputTokens: 0, outputTokens: 1_000_000 }, 0.6],
    [{ inputPerMTokUsd: 3, outputPerMTokUsd: 15 }, { inputTokens: 1200, outputTokens: 350 }, 0.00885],
    [{ inputPerMTokUsd: 2.5, outputPerMTokUsd: 10 }, { inputTokens: 0, outputTokens: 0 }, 0],
  ])('prices %j × %j = $%d', (prices, usage, expected) => {
    expect(costUsd(prices, usage)).toBe(expected);
  });
});

describe('summarizeUsage', () => {
  it('lists every call and sums without binary-fraction noise', () => {
    const usage = summarizeUsage([call(0.1), call(0.2), { ...call(0), cached: true }]);
    expect(usage.totalCostUsd).toBe(0.3);
    expect(usage.models).toHaveLength(3);
    expect(AiUsageSchema.parse(usage)).toEqual(usage);
  });
  it('is zero for no calls', () => {
    expect(summarizeUsage([])).toEqual({ models: [], totalCostUsd: 0 });
  });
});

describe('estimateTokens', () => {
  it('counts about four characters per token, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcde')).toBe(2);
  });
});

describe('model table', () => {
  it('defaults to the built-in table, which is itself valid', () => {
    expect(loadModelTable({})).toEqual(DEFAULT_MODELS);
    expect(new Set(DEFAULT_MODELS.map((m) => m.tier))).toEqual(new Set(['economy', 'standard', 'premium']));
  });
  it('is replaced whole by AI_MODELS', () => {
    const table = [{ id: 'x', provider: 'anthropic', model: 'claude-x', inputPerMTokUsd: 1, outputPerMTokUsd: 2, contextWindow: 1000, tier: 'premium' }];
    expect(loadModelTable({ AI_MODELS: JSON.stringify(table) })).toEqual(table);
  });
  it.each([
    ['not JSON', '{oops'],
    ['an empty table', '[]'],
    ['an unknown provider', JSON.stringify([{ ...DEFAULT_MODELS[0], provider: 'mistral' }])],
    ['a negative price', JSON.stringify([{ ...DEFAULT_MODELS[0], inputPerMTokUsd: -1 }])],
    ['an unknown field', JSON.stringify([{ ...DEFAULT_MODELS[0], colour: 'blue' }])],
    ['duplicate ids', JSON.stringify([DEFAULT_MODELS[0], DEFAULT_MODELS[0]])],
  ])('rejects %s with ai_config_invalid', (_what, raw) => {
    let err: unknown;
    try {
      loadModelTable({ AI_MODELS: raw });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AiConfigError);
    expect((err as AiConfigError).code).toBe('ai_config_invalid');
  });
  it('names the offending field', () => {
    expect(() => parseModelTable([{ ...DEFAULT_MODELS[0], contextWindow: 0 }])).toThrow(/0\.contextWindow/);
  });
});
