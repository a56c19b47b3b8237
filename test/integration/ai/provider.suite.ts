/**
 * One behaviour suite for every provider adapter (the conformance pattern): the real SDK talks
 * HTTP to a local fake. Each provider file supplies two models on that provider (a primary and
 * the fallback the chain moves to) and how to read the conversation out of a recorded request.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import { enrichContent, TOTAL_FAILURE_NOTE } from '../../../services/ai/enrich.js';
import { createAiProviders } from '../../../services/ai/providers/from-env.js';
import { runTask, type RunContext } from '../../../services/ai/run-task.js';
import { starTask } from '../../../services/ai/tasks/star.task.js';
import type { HttpFake, RecordedRequest } from '../../fakes/http-fake.js';
import { ANSWERS, LOCAL, recordingSleep, STAR_1, TRANSCRIPT } from './fixtures.js';

export interface ProviderUnderTest {
  provider: 'openai' | 'azure-openai' | 'anthropic';
  start(): Promise<HttpFake>;
  /** Env pointing the SDK at the fake, with AI_MODELS naming `primary` (economy) and `backup` (premium). */
  env(fake: HttpFake): NodeJS.ProcessEnv;
  /** Script keys (model or deployment) of the two models. */
  primary: string;
  backup: string;
  /** The model names recorded in AiCall.model. */
  primaryModel: string;
  backupModel: string;
  /** The non-system turns of a recorded request. */
  conversation(req: RecordedRequest): { role: string; content: string }[];
}

export function describeProviderBehaviour(p: ProviderUnderTest): void {
  describe(`${p.provider} adapter against its fake (real SDK over HTTP)`, () => {
    let fake: HttpFake;
    let ctx: RunContext;
    let sleeps: number[];
    const task = starTask(ANSWERS[0]!, 0);
    const star = (usage = { input: 1000, output: 200 }) => ({ kind: 'json' as const, content: STAR_1, usage });

    beforeEach(async () => {
      fake = await p.start();
      const rec = recordingSleep();
      sleeps = rec.sleeps;
      ctx = { providers: createAiProviders(p.env(fake)), preference: 'auto', cache: new MemoryAiCache(), transcriptText: TRANSCRIPT, sleep: rec.sleep };
    });
    afterEach(() => fake.close());

    it('succeeds and costs the call from the usage the API returned', async () => {
      fake.script(p.primary, star({ input: 1000, output: 200 }));
      const out = await runTask(task, ctx);
      expect(out.value).toEqual(STAR_1);
      const price = ctx.providers.models.find((m) => m.model === p.primaryModel)!;
      expect(out.calls).toEqual([
        {
          provider: p.provider,
          model: p.primaryModel,
          task: 'star',
          inputTokens: 1000,
          outputTokens: 200,
          costUsd: (1000 * price.inputPerMTokUsd + 200 * price.outputPerMTokUsd) / 1e6,
        },
      ]);
      expect(p.conversation(fake.requests[0]!)).toEqual([{ role: 'user', content: task.user }]);
    });

    it('falls back on 429 with a long retry-after, without waiting', async () => {
      fake.script(p.primary, { kind: 'status', status: 429, retryAfter: '30' });
      fake.script(p.backup, star());
      const out = await runTask(task, ctx);
      expect(out.calls.map((c) => [c.model, c.fallbackFrom])).toEqual([[p.backupModel, expect.any(String)]]);
      expect(sleeps).toEqual([]);
      expect(fake.requestsFor(p.primary)).toHaveLength(1);
      expect(out.notes[0]).toMatch(/rate limited \(429\)/);
    });

    it('honours a short retry-after once on the same model', async () => {
      fake.script(p.primary, { kind: 'status', status: 429, retryAfter: '1' }, star());
      const out = await runTask(task, ctx);
      expect(sleeps).toEqual([1000]);
      expect(out.calls.map((c) => c.model)).toEqual([p.primaryModel]);
    });

    it.each([
      ['a 500', { kind: 'status' as const, status: 500 }],
      ['a 503', { kind: 'status' as const, status: 503 }],
      ['a body that is not JSON', { kind: 'garbage' as const }],
    ])('falls back on %s, with the SDK’s own retries off', async (_what, failure) => {
      fake.script(p.primary, failure);
      fake.script(p.backup, star());
      const out = await runTask(task, ctx);
      expect(out.value).toEqual(STAR_1);
      expect(fake.requestsFor(p.primary)).toHaveLength(1);
      expect(out.calls.map((c) => c.model)).toEqual([p.backupModel]);
    });

    it('repairs malformed JSON once, sending the reply and the error back', async () => {
      fake.script(p.primary, { kind: 'text', text: '{"star": {"situation": ', usage: { input: 900, output: 10 } }, star());
      const out = await runTask(task, ctx);
      expect(out.value).toEqual(STAR_1);
      expect(out.calls.map((c) => c.inputTokens)).toEqual([900, 1000]);
      const turns = p.conversation(fake.requests[1]!);
      expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user']);
      expect(turns[1]!.content).toBe('{"star": {"situation": ');
      expect(turns[2]!.content).toMatch(/not valid JSON/);
    });

    it('rejects a hallucinated quote and says which one in the repair turn', async () => {
      const invented = { ...STAR_1, star: { ...STAR_1.star, result: { present: true, evidence: 'Sales doubled that quarter.' } } };
      fake.script(p.primary, { kind: 'json', content: invented }, star());
      const out = await runTask(task, ctx);
      expect(out.value).toEqual(STAR_1);
      expect(p.conversation(fake.requests[1]!)[2]!.content).toContain('star.result.evidence is not a verbatim quote');
    });

    it('falls back when the output is still invalid after the repair', async () => {
      const invented = { ...STAR_1, star: { ...STAR_1.star, task: { present: true, evidence: 'I led a team of ten.' } } };
      fake.script(p.primary, { kind: 'json', content: invented }, { kind: 'json', content: invented });
      fake.script(p.backup, star());
      const out = await runTask(task, ctx);
      expect(out.value).toEqual(STAR_1);
      expect(out.calls.map((c) => c.model)).toEqual([p.primaryModel, p.primaryModel, p.backupModel]);
      expect(out.notes[0]).toMatch(/invalid output after repair/);
    });

    it('falls back when a call exceeds the configured timeout', async () => {
      ctx = { ...ctx, providers: { ...ctx.providers, timeoutMs: 300 } };
      fake.script(p.primary, { kind: 'delay', ms: 10_000, then: star() });
      fake.script(p.backup, star());
      const out = await runTask(task, ctx);
      expect(out.value).toEqual(STAR_1);
      expect(out.notes[0]).toMatch(/timed out/);
    });

    it('returns the local content unchanged with notes when everything fails', async () => {
      // Two answers × two models for STAR, one premium model for the summary.
      fake.script('*', ...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })));
      const out = await enrichContent(LOCAL, { preference: 'auto', cache: ctx.cache, providers: ctx.providers, sleep: ctx.sleep });
      expect(out.answers).toEqual(LOCAL.answers);
      expect(out.summary).toBe(LOCAL.summary);
      expect(out.tips).toEqual(LOCAL.tips);
      expect(out.ai).toEqual({ models: [], totalCostUsd: 0 });
      expect(out.notes).toContain(TOTAL_FAILURE_NOTE);
      expect(fake.requests).toHaveLength(5);
    });
  });
}
