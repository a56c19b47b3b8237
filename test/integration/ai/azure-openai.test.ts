import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import { createAiProviders } from '../../../services/ai/providers/from-env.js';
import { runTask } from '../../../services/ai/run-task.js';
import { starTask } from '../../../services/ai/tasks/star.task.js';
import { AZURE_FAKE_KEY, startAzureOpenAiFake } from '../../fakes/azure-openai-fake.js';
import type { HttpFake, RecordedRequest } from '../../fakes/http-fake.js';
import { ANSWERS, recordingSleep, STAR_1, TRANSCRIPT } from './fixtures.js';
import { describeProviderBehaviour } from './provider.suite.js';

const DEPLOYMENTS = { 'ib-mini': 'gpt-4o-mini', 'ib-large': 'gpt-4o' };
const MODELS = [
  // The mini deployment comes from AZURE_OPENAI_DEPLOYMENT; the large one is named in the table.
  { id: 'azure-mini', provider: 'azure-openai', model: 'gpt-4o-mini', inputPerMTokUsd: 0.165, outputPerMTokUsd: 0.66, contextWindow: 128_000, tier: 'economy' },
  { id: 'azure-large', provider: 'azure-openai', model: 'gpt-4o', deployment: 'ib-large', inputPerMTokUsd: 2.75, outputPerMTokUsd: 11, contextWindow: 128_000, tier: 'premium' },
];
const env = (fake: HttpFake): NodeJS.ProcessEnv => ({
  AZURE_OPENAI_ENDPOINT: `${fake.url}/`,
  AZURE_OPENAI_API_KEY: AZURE_FAKE_KEY,
  AZURE_OPENAI_DEPLOYMENT: 'ib-mini',
  // Set on purpose: the Azure client must not pick up the OpenAI base URL from the environment.
  OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
  AI_MODELS: JSON.stringify(MODELS),
});
type ChatBody = { messages: { role: string; content: string }[] };

describeProviderBehaviour({
  provider: 'azure-openai',
  start: () => startAzureOpenAiFake({ deployments: DEPLOYMENTS }),
  env,
  primary: 'ib-mini',
  backup: 'ib-large',
  primaryModel: 'gpt-4o-mini',
  backupModel: 'gpt-4o',
  conversation: (req: RecordedRequest) => (req.body as ChatBody).messages.filter((m) => m.role !== 'system'),
});

describe('azure-openai adapter: what goes over the wire', () => {
  let fake: HttpFake;
  beforeEach(async () => {
    fake = await startAzureOpenAiFake({ deployments: DEPLOYMENTS });
  });
  afterEach(() => fake.close());
  const run = (providers = createAiProviders(env(fake))) =>
    runTask(starTask(ANSWERS[0]!, 0), { providers, preference: 'auto', cache: new MemoryAiCache(), transcriptText: TRANSCRIPT, sleep: recordingSleep().sleep });

  it('posts to the deployment path with api-version and the api-key header', async () => {
    fake.script('ib-mini', { kind: 'json', content: STAR_1 });
    await run();
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/openai/deployments/ib-mini/chat/completions', query: { 'api-version': '2024-10-21' } });
    expect(req!.headers['api-key']).toBe(AZURE_FAKE_KEY);
    expect(req!.headers.authorization).toBeUndefined();
    expect(req!.body).toMatchObject({ model: 'ib-mini', response_format: { type: 'json_object' } });
  });

  it('uses AZURE_OPENAI_API_VERSION when set', async () => {
    fake.script('ib-mini', { kind: 'json', content: STAR_1 });
    await run(createAiProviders({ ...env(fake), AZURE_OPENAI_API_VERSION: '2025-01-01-preview' }));
    expect(fake.requests[0]!.query['api-version']).toBe('2025-01-01-preview');
  });

  it('treats a missing deployment (404) as a rejected model and falls back', async () => {
    fake.script('ib-large', { kind: 'json', content: STAR_1 });
    const out = await run(createAiProviders({ ...env(fake), AZURE_OPENAI_DEPLOYMENT: 'not-deployed' }));
    expect(out.value).toEqual(STAR_1);
    expect(out.notes[0]).toMatch(/azure-mini failed \(azure-openai: request rejected \(404/);
  });
});
