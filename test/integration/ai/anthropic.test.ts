import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import { createAiProviders } from '../../../services/ai/providers/from-env.js';
import { runTask } from '../../../services/ai/run-task.js';
import { starTask } from '../../../services/ai/tasks/star.task.js';
import { ANTHROPIC_FAKE_KEY, startAnthropicFake } from '../../fakes/anthropic-fake.js';
import type { HttpFake, RecordedRequest } from '../../fakes/http-fake.js';
import { ANSWERS, recordingSleep, STAR_1, TRANSCRIPT } from './fixtures.js';
import { describeProviderBehaviour } from './provider.suite.js';

const MODELS = [
  { id: 'claude-haiku-4-5', provider: 'anthropic', model: 'claude-haiku-4-5', inputPerMTokUsd: 1, outputPerMTokUsd: 5, contextWindow: 200_000, tier: 'economy' },
  { id: 'claude-sonnet-4-6', provider: 'anthropic', model: 'claude-sonnet-4-6', inputPerMTokUsd: 3, outputPerMTokUsd: 15, contextWindow: 200_000, tier: 'premium' },
];
const env = (fake: HttpFake): NodeJS.ProcessEnv => ({
  ANTHROPIC_API_KEY: ANTHROPIC_FAKE_KEY,
  ANTHROPIC_BASE_URL: fake.url,
  AI_MODELS: JSON.stringify(MODELS),
});
type MessagesBody = { messages: { role: string; content: string }[] };

describeProviderBehaviour({
  provider: 'anthropic',
  start: () => startAnthropicFake(),
  env,
  primary: 'claude-haiku-4-5',
  backup: 'claude-sonnet-4-6',
  primaryModel: 'claude-haiku-4-5',
  backupModel: 'claude-sonnet-4-6',
  conversation: (req: RecordedRequest) => (req.body as MessagesBody).messages,
});

describe('anthropic adapter: what goes over the wire', () => {
  let fake: HttpFake;
  beforeEach(async () => {
    fake = await startAnthropicFake();
  });
  afterEach(() => fake.close());
  const run = () =>
    runTask(starTask(ANSWERS[0]!, 0), {
      providers: createAiProviders(env(fake)),
      preference: 'auto',
      cache: new MemoryAiCache(),
      transcriptText: TRANSCRIPT,
      sleep: recordingSleep().sleep,
    });

  it('posts /v1/messages with the version header, the key, a system prompt and max_tokens', async () => {
    fake.script('claude-haiku-4-5', { kind: 'json', content: STAR_1 });
    await run();
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/messages', target: 'claude-haiku-4-5' });
    expect(req!.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The installed SDK sends an apiKey as a bearer token; the fake accepts that or x-api-key.
    expect(req!.headers['x-api-key'] ?? req!.headers.authorization?.replace(/^Bearer /, '')).toBe(ANTHROPIC_FAKE_KEY);
    expect(req!.body).toMatchObject({
      model: 'claude-haiku-4-5',
      max_tokens: 600,
      system: expect.stringContaining('JSON'),
      messages: [{ role: 'user', content: expect.stringContaining(ANSWERS[0]!.text) }],
    });
  });

  it('falls back on 529 overloaded', async () => {
    fake.script('claude-haiku-4-5', { kind: 'status', status: 529 });
    fake.script('claude-sonnet-4-6', { kind: 'json', content: STAR_1 });
    const out = await run();
    expect(out.calls.map((c) => [c.model, c.fallbackFrom])).toEqual([['claude-sonnet-4-6', 'claude-haiku-4-5']]);
    expect(out.notes[0]).toMatch(/server error \(529\)/);
  });
});
