import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../../dapr/embedded/clock.js';
import { openDb, type Db } from '../../../dapr/embedded/db.js';
import { EmbeddedStateStore } from '../../../dapr/embedded/state.js';
import { AiUsageSchema } from '../../../services/ai/ai.schema.js';
import { StateStoreAiCache } from '../../../services/ai/cache.js';
import { enrichContent } from '../../../services/ai/enrich.js';
import { AiAbortedError } from '../../../services/ai/errors.js';
import { createAiProviders } from '../../../services/ai/providers/from-env.js';
import { ContentSchema } from '../../../services/analysis/content/content.schema.js';
import { ANTHROPIC_FAKE_KEY, startAnthropicFake } from '../../fakes/anthropic-fake.js';
import { AZURE_FAKE_KEY, startAzureOpenAiFake } from '../../fakes/azure-openai-fake.js';
import type { HttpFake } from '../../fakes/http-fake.js';
import { OPENAI_FAKE_KEY, startOpenAiFake } from '../../fakes/openai-fake.js';
import { ANSWER_1, ANSWER_2, LOCAL, recordingSleep, starFromRequest, starReplyFor, SUMMARY_REPLY } from './fixtures.js';

/** The built-in model table, all three providers on local fakes: the setup a deployment would have. */
describe('enrichContent across OpenAI, Azure OpenAI and Anthropic (default model table)', () => {
  let openai: HttpFake;
  let azure: HttpFake;
  let anthropic: HttpFake;
  let dir: string;
  let db: Db;
  let cache: StateStoreAiCache;

  beforeEach(async () => {
    [openai, azure, anthropic] = await Promise.all([
      startOpenAiFake(),
      startAzureOpenAiFake({ deployments: { 'ib-mini': 'gpt-4o-mini' } }),
      startAnthropicFake(),
    ]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-enrich-'));
    db = openDb(dir);
    cache = new StateStoreAiCache(new EmbeddedStateStore(db, 'statestore', systemClock));
  });
  afterEach(async () => {
    await Promise.all([openai.close(), azure.close(), anthropic.close()]);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const providers = () =>
    createAiProviders({
      OPENAI_API_KEY: OPENAI_FAKE_KEY,
      OPENAI_BASE_URL: `${openai.url}/v1`,
      AZURE_OPENAI_ENDPOINT: azure.url,
      AZURE_OPENAI_API_KEY: AZURE_FAKE_KEY,
      AZURE_OPENAI_DEPLOYMENT: 'ib-mini',
      ANTHROPIC_API_KEY: ANTHROPIC_FAKE_KEY,
      ANTHROPIC_BASE_URL: anthropic.url,
    });
  const enrich = (preference = 'auto', signal?: AbortSignal) =>
    enrichContent(LOCAL, { preference, cache, providers: providers(), sleep: recordingSleep().sleep, ...(signal ? { signal } : {}) });

  it('tags STAR on the cheapest economy model, summarises on the cheapest premium one, and totals the cost', async () => {
    openai.script('gpt-4o-mini', starFromRequest({ input: 400, output: 100 }), starFromRequest({ input: 400, output: 100 }));
    openai.script('gpt-4.1', { kind: 'json', content: SUMMARY_REPLY, usage: { input: 3000, output: 300 } });
    const out = await enrich();

    expect(out.answers.map((a) => a.star)).toEqual([starReplyFor(ANSWER_1).star, starReplyFor(ANSWER_2).star]);
    expect(out.answers[0]!.tip).toBe('Quantify the result.');
    expect(out.answers[0]!.text).toBe(ANSWER_1);
    expect(out.summary).toBe(SUMMARY_REPLY.summary);
    expect(out.tips).toEqual(SUMMARY_REPLY.tips);
    expect(out.notes).toEqual([]);
    expect(out.ai.models.map((c) => [c.task, c.model])).toEqual([['star', 'gpt-4o-mini'], ['star', 'gpt-4o-mini'], ['summary', 'gpt-4.1']]);
    // 2 × (400 × 0.15 + 100 × 0.6) / 1e6 + (3000 × 2 + 300 × 8) / 1e6
    expect(out.ai.totalCostUsd).toBe(0.00864);
    expect(AiUsageSchema.parse(out.ai)).toEqual(out.ai);
    expect(ContentSchema.parse({ answers: out.answers, tips: out.tips, summary: out.summary })).toBeDefined();
    expect(azure.requests).toHaveLength(0);
    expect(anthropic.requests).toHaveLength(0);
  });

  it('serves a second run from the Dapr-state cache at no cost and with no request', async () => {
    openai.script('gpt-4o-mini', starFromRequest(), starFromRequest());
    openai.script('gpt-4.1', { kind: 'json', content: SUMMARY_REPLY });
    const first = await enrich();
    const sent = openai.requests.length;
    const second = await enrich();
    expect(openai.requests).toHaveLength(sent);
    expect(second.ai.models.every((c) => c.cached === true && c.costUsd === 0)).toBe(true);
    expect(second.ai.totalCostUsd).toBe(0);
    expect(second.answers).toEqual(first.answers);
    expect(second.summary).toBe(first.summary);
  });

  it('falls back across providers: OpenAI down → Azure for STAR, Anthropic for the summary', async () => {
    openai.script('*', ...Array.from({ length: 6 }, () => ({ kind: 'status' as const, status: 503 })));
    azure.script('ib-mini', starFromRequest(), starFromRequest());
    anthropic.script('claude-sonnet-4-6', { kind: 'json', content: SUMMARY_REPLY });
    const out = await enrich();
    expect(out.ai.models.map((c) => [c.provider, c.task, c.fallbackFrom])).toEqual([
      ['azure-openai', 'star', 'gpt-4o-mini'],
      ['azure-openai', 'star', 'gpt-4o-mini'],
      ['anthropic', 'summary', 'gpt-4o'],
    ]);
    expect(out.summary).toBe(SUMMARY_REPLY.summary);
    expect(out.notes.filter((n) => n.startsWith('summary:'))).toEqual([
      'summary: gpt-4.1 failed (openai: server error (503))',
      'summary: gpt-4o failed (openai: server error (503))',
    ]);
  });

  it('keeps the local result of one failed task while enriching the others', async () => {
    openai.script('gpt-4o-mini', starFromRequest(), starFromRequest());
    // Summary: all three premium models fail; STAR still applies.
    openai.script('gpt-4.1', { kind: 'status', status: 500 });
    openai.script('gpt-4o', { kind: 'status', status: 500 });
    anthropic.script('claude-sonnet-4-6', { kind: 'status', status: 529 });
    const out = await enrich();
    expect(out.answers[1]!.star).toEqual(starReplyFor(ANSWER_2).star);
    expect(out.summary).toBe(LOCAL.summary);
    expect(out.tips).toEqual(LOCAL.tips);
    expect(out.notes).toContain('summary: every model failed; kept the local result');
  });

  it('follows a pinned model preference', async () => {
    anthropic.script('claude-haiku-4-5', starFromRequest(), starFromRequest(), { kind: 'json', content: SUMMARY_REPLY });
    const out = await enrich('claude-haiku-4-5');
    expect(new Set(out.ai.models.map((c) => c.model))).toEqual(new Set(['claude-haiku-4-5']));
    expect(openai.requests).toHaveLength(0);
  });

  it('throws AiAbortedError when the caller aborts mid-call', async () => {
    openai.script('*', { kind: 'delay', ms: 10_000, then: { kind: 'status', status: 500 } });
    const controller = new AbortController();
    const running = enrich('auto', controller.signal);
    // Abort once the first request has reached the fake (no timer: poll the recorded requests).
    while (openai.requests.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AiAbortedError);
  });
});
