import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import { createAiProviders } from '../../../services/ai/providers/from-env.js';
import { runTask } from '../../../services/ai/run-task.js';
import { starTask } from '../../../services/ai/tasks/star.task.js';
import type { HttpFake, RecordedRequest } from '../../fakes/http-fake.js';
import { OPENAI_FAKE_KEY, startOpenAiFake } from '../../fakes/openai-fake.js';
import { ANSWERS, recordingSleep, STAR_1, TRANSCRIPT } from './fixtures.js';
import { describeProviderBehaviour } from './provider.suite.js';

const MODELS = [
  { id: 'gpt-4o-mini', provider: 'openai', model: 'gpt-4o-mini', inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6, contextWindow: 128_000, tier: 'economy' },
  { id: 'gpt-4.1', provider: 'openai', model: 'gpt-4.1', inputPerMTokUsd: 2, outputPerMTokUsd: 8, contextWindow: 1_047_576, tier: 'premium' },
];
const env = (fake: HttpFake): NodeJS.ProcessEnv => ({
  OPENAI_API_KEY: OPENAI_FAKE_KEY,
  OPENAI_BASE_URL: `${fake.url}/v1`,
  AI_MODELS: JSON.stringify(MODELS),
});
type OpenAiBody = { messages: { role: string; content: string }[] };

describeProviderBehaviour({
  provider: 'openai',
  start: () => startOpenAiFake(),
  env,
  primary: 'gpt-4o-mini',
  backup: 'gpt-4.1',
  primaryModel: 'gpt-4o-mini',
  backupModel: 'gpt-4.1',
  conversation: (req: RecordedRequest) => (req.body as OpenAiBody).messages.filter((m) => m.role !== 'system'),
});

describe('openai adapter: what goes over the wire', () => {
  let fake: HttpFake;
  beforeEach(async () => {
    fake = await startOpenAiFake();
  });
  afterEach(() => fake.close());

  it('posts a JSON-mode chat completion with the bearer key and no SDK retries', async () => {
    fake.script('gpt-4o-mini', { kind: 'json', content: STAR_1 });
    const { sleep } = recordingSleep();
    const ctx = { providers: createAiProviders(env(fake)), preference: 'auto', cache: new MemoryAiCache(), transcriptText: TRANSCRIPT, sleep };
    await runTask(starTask(ANSWERS[0]!, 0), ctx);
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/chat/completions', target: 'gpt-4o-mini' });
    expect(req!.headers.authorization).toBe(`Bearer ${OPENAI_FAKE_KEY}`);
    expect(req!.headers['x-stainless-retry-count']).toBe('0');
    expect(req!.body).toMatchObject({
      model: 'gpt-4o-mini',
      response_format: { type: 'json_object' },
      max_completion_tokens: 600,
      messages: [{ role: 'system', content: expect.stringContaining('JSON') }, { role: 'user', content: expect.stringContaining(ANSWERS[0]!.text) }],
    });
  });

  it('rejects a wrong key (401) and falls back, as the fake enforces auth', async () => {
    const { sleep } = recordingSleep();
    const providers = createAiProviders({ ...env(fake), OPENAI_API_KEY: 'sk-wrong' });
    const out = await runTask(starTask(ANSWERS[0]!, 0), { providers, preference: 'auto', cache: new MemoryAiCache(), transcriptText: TRANSCRIPT, sleep });
    expect(out.value).toBeUndefined();
    expect(out.notes[0]).toMatch(/rejected \(401/);
  });
});
