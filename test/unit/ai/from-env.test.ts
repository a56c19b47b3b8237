import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import { enrichContent, NO_PROVIDER_NOTE } from '../../../services/ai/enrich.js';
import { AiConfigError } from '../../../services/ai/errors.js';
import { DEFAULT_MODELS } from '../../../services/ai/models.js';
import { createAiProviders } from '../../../services/ai/providers/from-env.js';
import { isModelAvailable } from '../../../services/ai/providers/provider.js';

const model = (id: string) => DEFAULT_MODELS.find((m) => m.id === id)!;

describe('createAiProviders', () => {
  it('configures nothing without keys, with the default timeouts', () => {
    const p = createAiProviders({});
    expect(p.clients).toEqual({});
    expect(p.timeoutMs).toBe(30_000);
    expect(p.maxRetryAfterMs).toBe(2_000);
    expect(DEFAULT_MODELS.some((m) => isModelAvailable(p, m))).toBe(false);
  });

  it('treats blank variables as unset', () => {
    expect(createAiProviders({ OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '  ', OPENAI_BASE_URL: '' }).clients).toEqual({});
  });

  it('configures each provider that has a key', () => {
    const p = createAiProviders({
      OPENAI_API_KEY: 'k1',
      ANTHROPIC_API_KEY: 'k2',
      AZURE_OPENAI_ENDPOINT: 'https://example-resource.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'k3',
      AZURE_OPENAI_DEPLOYMENT: 'mini',
      AI_TIMEOUT_MS: '5000',
    });
    expect(Object.keys(p.clients).sort()).toEqual(['anthropic', 'azure-openai', 'openai']);
    expect(p.timeoutMs).toBe(5000);
    expect(DEFAULT_MODELS.every((m) => isModelAvailable(p, m))).toBe(true);
  });

  it('leaves Azure models without a deployment unavailable', () => {
    const p = createAiProviders({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' });
    expect(isModelAvailable(p, model('azure-gpt-4o-mini'))).toBe(false);
    expect(isModelAvailable(p, { ...model('azure-gpt-4o-mini'), deployment: 'own' })).toBe(true);
  });

  it.each([
    ['half an Azure configuration', { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' }],
    ['a base URL that is not a URL', { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'localhost' }],
    ['a non-numeric timeout', { AI_TIMEOUT_MS: 'soon' }],
    ['a broken model table', { AI_MODELS: '[{}]' }],
  ])('rejects %s with ai_config_invalid', (_what, env) => {
    let err: unknown;
    try {
      createAiProviders(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AiConfigError);
    expect((err as AiConfigError).code).toBe('ai_config_invalid');
  });
});

describe('enrichContent without keys', () => {
  const realFetch = globalThis.fetch;
  const fetchSpy = jest.fn<typeof fetch>(() => Promise.reject(new Error('network used')));
  beforeEach(() => {
    globalThis.fetch = fetchSpy;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('skips cleanly: the local content unchanged, a note, no cost, no network', async () => {
    const input = { transcriptText: 'Q. A.', answers: [], summary: 'local', tips: ['a', 'b', 'c'] };
    const out = await enrichContent(input, { preference: 'auto', cache: new MemoryAiCache(), providers: createAiProviders({}) });
    expect(out).toEqual({ answers: [], summary: 'local', tips: ['a', 'b', 'c'], ai: { models: [], totalCostUsd: 0 }, notes: [NO_PROVIDER_NOTE] });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
