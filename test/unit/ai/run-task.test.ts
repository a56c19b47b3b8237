import { describe, expect, it } from '@jest/globals';
import { cacheKey } from '../../../services/ai/cache-key.js';
import { MemoryAiCache, type AiCache } from '../../../services/ai/cache.js';
import { AiAbortedError } from '../../../services/ai/errors.js';
import type { ModelSpec } from '../../../services/ai/models.js';
import type { AiProviders } from '../../../services/ai/providers/provider.js';
import { runTask, type RunContext } from '../../../services/ai/run-task.js';
import { summaryTask } from '../../../services/ai/tasks/summary.task.js';
import { ScriptedProvider } from './scripted-provider.js';

const MODELS: ModelSpec[] = [
  { id: 'cheap', provider: 'openai', model: 'cheap-1', inputPerMTokUsd: 1, outputPerMTokUsd: 2, contextWindow: 100_000, tier: 'premium' },
  { id: 'dear', provider: 'anthropic', model: 'dear-1', inputPerMTokUsd: 10, outputPerMTokUsd: 20, contextWindow: 100_000, tier: 'premium' },
];
const GOOD = JSON.stringify({ summary: 'Clear and structured.', tips: ['a', 'b', 'c'] });
const TASK = summaryTask({ transcriptText: 'T', answers: [], summary: 'local', tips: ['1', '2', '3'] });

function setup(cache: AiCache = new MemoryAiCache()) {
  const openai = new ScriptedProvider('openai');
  const anthropic = new ScriptedProvider('anthropic');
  const sleeps: number[] = [];
  const providers: AiProviders = { models: MODELS, clients: { openai, anthropic }, timeoutMs: 1000, maxRetryAfterMs: 2000 };
  const ctx: RunContext = { providers, preference: 'auto', cache, transcriptText: 'T', sleep: async (ms) => void sleeps.push(ms) };
  return { openai, anthropic, sleeps, ctx, cache };
}

describe('runTask: one task down the fallback chain', () => {
  it('costs a successful call from the usage the provider reported', async () => {
    const { openai, ctx } = setup();
    openai.script('cheap', { text: GOOD, input: 1000, output: 500 });
    const out = await runTask(TASK, ctx);
    expect(out.value).toEqual({ summary: 'Clear and structured.', tips: ['a', 'b', 'c'] });
    expect(out.calls).toEqual([{ provider: 'openai', model: 'cheap-1', task: 'summary', inputTokens: 1000, outputTokens: 500, costUsd: 0.002 }]);
    expect(out.notes).toEqual([]);
  });

  it('serves a second run from the cache: cached, free, no provider call', async () => {
    const { openai, ctx } = setup();
    openai.script('cheap', { text: GOOD });
    await runTask(TASK, ctx);
    const again = await runTask(TASK, ctx);
    expect(openai.requests).toHaveLength(1);
    expect(again.calls).toEqual([{ provider: 'openai', model: 'cheap-1', task: 'summary', inputTokens: 0, outputTokens: 0, costUsd: 0, cached: true }]);
    expect(again.value).toEqual({ summary: 'Clear and structured.', tips: ['a', 'b', 'c'] });
  });

  it('misses the cache for another transcript or a changed prompt version', async () => {
    const { openai, ctx } = setup();
    openai.script('cheap', { text: GOOD }, { text: GOOD }, { text: GOOD });
    await runTask(TASK, ctx);
    await runTask(TASK, { ...ctx, transcriptText: 'T2' });
    await runTask({ ...TASK, promptVersion: `${TASK.promptVersion}-changed` }, ctx);
    expect(openai.requests).toHaveLength(3);
  });

  it('repairs once, sending the reply and the error back', async () => {
    const { openai, ctx } = setup();
    openai.script('cheap', { text: '{"summary": "x", "tips": [' }, { text: GOOD });
    const out = await runTask(TASK, ctx);
    expect(out.value).toBeDefined();
    expect(out.calls).toHaveLength(2);
    const repair = openai.requests[1]!.messages;
    expect(repair.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(repair[1]!.content).toBe('{"summary": "x", "tips": [');
    expect(repair[2]!.content).toMatch(/rejected: the reply is not valid JSON/);
  });

  it('falls back after invalid output twice, marking the fallback call', async () => {
    const { openai, anthropic, ctx } = setup();
    openai.script('cheap', { text: '{}' }, { text: '{"summary":""}' });
    anthropic.script('dear', { text: GOOD, input: 10, output: 10 });
    const out = await runTask(TASK, ctx);
    expect(out.value).toBeDefined();
    expect(out.calls.map((c) => [c.model, c.fallbackFrom])).toEqual([['cheap-1', undefined], ['cheap-1', undefined], ['dear-1', 'cheap']]);
    expect(out.notes).toEqual([expect.stringMatching(/^summary: cheap failed \(invalid output after repair/)]);
  });

  it('waits out a short retry-after once, then retries the same model', async () => {
    const { openai, sleeps, ctx } = setup();
    openai.script('cheap', { fail: 'rate_limited', retryAfterMs: 1500 }, { text: GOOD });
    const out = await runTask(TASK, ctx);
    expect(sleeps).toEqual([1500]);
    expect(out.calls.map((c) => c.model)).toEqual(['cheap-1']);
  });

  it.each([
    ['a long retry-after', { fail: 'rate_limited' as const, retryAfterMs: 60_000 }],
    ['a 429 without retry-after', { fail: 'rate_limited' as const }],
    ['a server error', { fail: 'server' as const }],
    ['a timeout', { fail: 'timeout' as const }],
    ['a rejected request', { fail: 'rejected' as const }],
  ])('moves to the next model on %s without waiting', async (_what, step) => {
    const { openai, anthropic, sleeps, ctx } = setup();
    openai.script('cheap', step);
    anthropic.script('dear', { text: GOOD });
    const out = await runTask(TASK, ctx);
    expect(sleeps).toEqual([]);
    expect(out.calls.map((c) => [c.model, c.fallbackFrom])).toEqual([['dear-1', 'cheap']]);
  });

  it('waits at most once per model', async () => {
    const { openai, anthropic, sleeps, ctx } = setup();
    openai.script('cheap', { fail: 'rate_limited', retryAfterMs: 10 }, { fail: 'rate_limited', retryAfterMs: 10 });
    anthropic.script('dear', { text: GOOD });
    expect((await runTask(TASK, ctx)).value).toBeDefined();
    expect(sleeps).toEqual([10]);
  });

  it('returns no value and a note per failure when every model fails', async () => {
    const { openai, anthropic, ctx } = setup();
    openai.script('cheap', { fail: 'server' });
    anthropic.script('dear', { fail: 'timeout' });
    const out = await runTask(TASK, ctx);
    expect(out.value).toBeUndefined();
    expect(out.calls).toEqual([]);
    expect(out.notes).toEqual([
      'summary: cheap failed (scripted server)',
      'summary: dear failed (scripted timeout)',
      'summary: every model failed; kept the local result',
    ]);
  });

  it('treats a failing cache as a miss, never as a failure', async () => {
    const broken: AiCache = {
      get: async () => Promise.reject(new Error('store down')),
      set: async () => Promise.reject(new Error('store down')),
      eraseTranscript: async () => undefined,
    };
    const { openai, ctx } = setup(broken);
    openai.script('cheap', { text: GOOD });
    expect((await runTask(TASK, ctx)).value).toBeDefined();
  });

  it('ignores a cache entry that no longer passes validation', async () => {
    const { openai, ctx, cache } = setup();
    const key = cacheKey({ transcriptText: 'T', task: 'summary', promptVersion: TASK.promptVersion, modelId: 'cheap' });
    await cache.set(key, { value: { summary: 'old shape' } });
    openai.script('cheap', { text: GOOD });
    const out = await runTask(TASK, ctx);
    expect(out.calls[0]!.cached).toBeUndefined();
    expect(openai.requests).toHaveLength(1);
    expect((await cache.get(key))?.value).toEqual(out.value);
  });

  it('stops with AiAbortedError when the caller aborts', async () => {
    const { openai, ctx } = setup();
    const controller = new AbortController();
    controller.abort();
    openai.script('cheap', { text: GOOD });
    await expect(runTask(TASK, { ...ctx, signal: controller.signal })).rejects.toBeInstanceOf(AiAbortedError);
    expect(openai.requests).toHaveLength(0);
  });
});
