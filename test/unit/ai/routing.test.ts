import { describe, expect, it } from '@jest/globals';
import { AiConfigError } from '../../../services/ai/errors.js';
import { DEFAULT_MODELS, type ModelSpec, type ProviderId } from '../../../services/ai/models.js';
import { parsePreference, routeTask, type RouteRequest } from '../../../services/ai/routing.js';

const STAR: Omit<RouteRequest, 'preference'> = { minTier: 'economy', estimatedInputTokens: 800, maxOutputTokens: 600 };
const SUMMARY: Omit<RouteRequest, 'preference'> = { minTier: 'premium', estimatedInputTokens: 12_000, maxOutputTokens: 1200 };
const ALL: ProviderId[] = ['openai', 'azure-openai', 'anthropic'];
const ids = (chain: ModelSpec[]): string[] => chain.map((m) => m.id);
const availableOn = (providers: ProviderId[]) => (m: ModelSpec) => providers.includes(m.provider);

describe('routeTask (pure)', () => {
  it.each<[string, Omit<RouteRequest, 'preference'>, string, ProviderId[], string[]]>([
    ['auto STAR: cheapest economy first, then every higher tier by cost', STAR, 'auto', ALL,
      ['gpt-4o-mini', 'azure-gpt-4o-mini', 'gpt-4.1-mini', 'claude-haiku-4-5', 'gpt-4.1', 'gpt-4o', 'claude-sonnet-4-6']],
    ['auto summary: premium only, cheapest first', SUMMARY, 'auto', ALL, ['gpt-4.1', 'gpt-4o', 'claude-sonnet-4-6']],
    ['economy preference lowers the summary floor', SUMMARY, 'economy', ALL,
      ['gpt-4o-mini', 'azure-gpt-4o-mini', 'gpt-4.1-mini', 'claude-haiku-4-5', 'gpt-4.1', 'gpt-4o', 'claude-sonnet-4-6']],
    ['premium preference raises the STAR floor', STAR, 'premium', ALL, ['gpt-4.1', 'gpt-4o', 'claude-sonnet-4-6']],
    ['only Anthropic configured', STAR, 'auto', ['anthropic'], ['claude-haiku-4-5', 'claude-sonnet-4-6']],
    ['only Azure configured: no premium model for the summary', SUMMARY, 'auto', ['azure-openai'], []],
    ['nothing configured', STAR, 'auto', [], []],
    ['a pinned model goes first, the auto chain follows', STAR, 'claude-sonnet-4-6', ALL,
      ['claude-sonnet-4-6', 'gpt-4o-mini', 'azure-gpt-4o-mini', 'gpt-4.1-mini', 'claude-haiku-4-5', 'gpt-4.1', 'gpt-4o']],
    ['a pinned economy model overrides the summary tier', SUMMARY, 'gpt-4o-mini', ALL, ['gpt-4o-mini', 'gpt-4.1', 'gpt-4o', 'claude-sonnet-4-6']],
  ])('%s', (_name, task, preference, providers, expected) => {
    const route = routeTask({ ...task, preference }, DEFAULT_MODELS, availableOn(providers));
    expect(ids(route.chain)).toEqual(expected);
    expect(route.notes).toEqual([]);
  });

  it('drops models whose context window cannot hold the call', () => {
    const huge = { ...SUMMARY, estimatedInputTokens: 300_000, preference: 'auto' };
    expect(ids(routeTask(huge, DEFAULT_MODELS, availableOn(ALL)).chain)).toEqual(['gpt-4.1']);
    // Exactly full still fits: input + reserved output = context window.
    const exact = { ...STAR, estimatedInputTokens: 128_000 - 600, preference: 'gpt-4o-mini' };
    expect(ids(routeTask(exact, DEFAULT_MODELS, availableOn(['openai'])).chain)[0]).toBe('gpt-4o-mini');
  });

  it.each([
    ['not-a-model', ['openai'] as ProviderId[], 'is not configured'],
    ['claude-haiku-4-5', ['openai'] as ProviderId[], 'has no provider configured'],
  ])('falls back to auto with a note when the pinned model %s cannot be used', (preference, providers, why) => {
    const route = routeTask({ ...STAR, preference }, DEFAULT_MODELS, availableOn(providers));
    expect(ids(route.chain)[0]).toBe('gpt-4o-mini');
    expect(route.notes).toEqual([expect.stringContaining(why)]);
  });

  it('notes a pinned model too small for the call', () => {
    const route = routeTask({ ...SUMMARY, estimatedInputTokens: 150_000, preference: 'gpt-4o' }, DEFAULT_MODELS, availableOn(ALL));
    expect(ids(route.chain)).toEqual(['gpt-4.1', 'claude-sonnet-4-6']);
    expect(route.notes[0]).toContain('cannot take this much text');
  });

  it('ranks by the cost of this call, not by one price: output-heavy calls favour cheap output', () => {
    const models: ModelSpec[] = [
      { id: 'cheap-in', provider: 'openai', model: 'a', inputPerMTokUsd: 0.1, outputPerMTokUsd: 10, contextWindow: 100_000, tier: 'economy' },
      { id: 'cheap-out', provider: 'openai', model: 'b', inputPerMTokUsd: 1, outputPerMTokUsd: 1, contextWindow: 100_000, tier: 'economy' },
    ];
    const req = { minTier: 'economy' as const, maxOutputTokens: 1000, preference: 'auto' };
    expect(ids(routeTask({ ...req, estimatedInputTokens: 100 }, models, () => true).chain)).toEqual(['cheap-out', 'cheap-in']);
    expect(ids(routeTask({ ...req, estimatedInputTokens: 90_000 }, models, () => true).chain)).toEqual(['cheap-in', 'cheap-out']);
  });

  it('breaks a price tie in favour of the higher tier, then by id', () => {
    const base = { provider: 'openai' as const, model: 'm', inputPerMTokUsd: 1, outputPerMTokUsd: 1, contextWindow: 10_000 };
    const models: ModelSpec[] = [
      { ...base, id: 'b-eco', tier: 'economy' },
      { ...base, id: 'a-eco', tier: 'economy' },
      { ...base, id: 'std', tier: 'standard' },
    ];
    expect(ids(routeTask({ ...STAR, estimatedInputTokens: 10, preference: 'auto' }, models, () => true).chain)).toEqual(['std', 'a-eco', 'b-eco']);
  });
});

describe('parsePreference', () => {
  it('accepts the keywords and configured model ids', () => {
    for (const p of ['auto', 'economy', 'premium', 'gpt-4o']) expect(parsePreference(p, DEFAULT_MODELS)).toBe(p);
  });
  it('rejects an unknown model with a stable code', () => {
    let err: unknown;
    try {
      parsePreference('gpt-9', DEFAULT_MODELS);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AiConfigError);
    expect((err as AiConfigError).code).toBe('ai_unknown_model');
  });
});
