/** LLM rewording of question sets, through JobsService and the real runTask with a scripted provider. */
import { describe, expect, it } from '@jest/globals';
import type { InterviewClient } from '../../../actors/interview.client.js';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import type { ModelSpec } from '../../../services/ai/models.js';
import type { AiProviders } from '../../../services/ai/providers/provider.js';
import { checkRephraseReply } from '../../../services/ai/tasks/rephrase-questions.task.js';
import { type QuestionSet, QuestionSetSchema } from '../../../services/analysis/job/job.contract.js';
import { REPHRASE_FAILED_NOTE } from '../../../services/analysis/job/question-set-ai.js';
import type { InterviewService } from '../../../services/interviews/interview.service.js';
import { JobsService } from '../../../services/jobs/jobs.service.js';
import { ScriptedProvider } from '../ai/scripted-provider.js';

const MODELS: ModelSpec[] = [
  { id: 'eco', provider: 'openai', model: 'eco-1', inputPerMTokUsd: 1, outputPerMTokUsd: 2, contextWindow: 100_000, tier: 'economy' },
  { id: 'eco2', provider: 'openai', model: 'eco-2', inputPerMTokUsd: 2, outputPerMTokUsd: 4, contextWindow: 100_000, tier: 'economy' },
  { id: 'big', provider: 'openai', model: 'big-1', inputPerMTokUsd: 10, outputPerMTokUsd: 30, contextWindow: 100_000, tier: 'premium' },
];
const POSTING = 'What you will do:\n- Build data pipelines in Python.\n- Find the reason when a number moves unexpectedly.\n- Take part in our on-call rotation.';
const BODY = { jobDescription: POSTING, count: 5 };
// Only the jobDescription path is used: no interview is read.
const deps = { interviews: {} as InterviewService, client: {} as InterviewClient };

const setup = () => {
  const openai = new ScriptedProvider('openai');
  const providers: AiProviders = { models: MODELS, clients: { openai }, timeoutMs: 1000, maxRetryAfterMs: 0 };
  const service = new JobsService({ ...deps, ai: { providers, cache: new MemoryAiCache() } });
  return { openai, service };
};
const offline = (): Promise<QuestionSet> => new JobsService(deps).questionSet('u1', BODY);
const reworded = (set: QuestionSet) => ({ questions: set.questions.map((q) => ({ id: q.id, text: `For this data team: ${q.text}` })) });

describe('question sets with an AI key', () => {
  it('uses the rephrased wording, keeps ids, kinds, competencies and order, and costs the economy call', async () => {
    const bank = await offline();
    expect(bank.questions.length).toBeGreaterThanOrEqual(5);
    const { openai, service } = setup();
    openai.script('eco', { text: JSON.stringify(reworded(bank)), input: 1000, output: 100 });
    const set = await service.questionSet('u1', BODY);
    expect(QuestionSetSchema.safeParse(set).success).toBe(true);
    expect(set.questions).toEqual(bank.questions.map((q) => ({ ...q, text: `For this data team: ${q.text}`, rephrased: true })));
    expect(set.id).not.toBe(bank.id);
    expect(set.ai).toEqual({ models: [expect.objectContaining({ task: 'rephrase', model: 'eco-1', costUsd: 0.0012 })], totalCostUsd: 0.0012 });
    expect(openai.requests[0]!.messages[0]!.content).toContain(POSTING);
    expect(openai.requests[0]!.messages[0]!.content).toContain(bank.questions[0]!.id);

    // The same set again is served from the cache at no cost.
    const again = await service.questionSet('u1', BODY);
    expect(again.questions).toEqual(set.questions);
    expect(again.ai).toEqual({ models: [expect.objectContaining({ cached: true, costUsd: 0 })], totalCostUsd: 0 });
  });

  it('accepts a reply repaired after one rejection', async () => {
    const bank = await offline();
    const { openai, service } = setup();
    const r = reworded(bank);
    openai.script('eco', { text: JSON.stringify({ questions: r.questions.slice(1) }) }, { text: JSON.stringify(r) });
    const set = await service.questionSet('u1', BODY);
    expect(set.questions.every((q) => q.rephrased)).toBe(true);
    expect(openai.requests[1]!.messages.at(-1)!.content).toContain(`missing ids: ${bank.questions[0]!.id}`);
    expect(set.ai!.models).toHaveLength(2);
  });

  const invalid: [string, (bank: QuestionSet) => unknown][] = [
    ['wrong ids', (bank) => ({ questions: reworded(bank).questions.map((q, i) => (i === 0 ? { ...q, id: 'q-made-up' } : q)) })],
    ['an extra question', (bank) => ({ questions: [...reworded(bank).questions, { id: 'q-extra', text: 'Why us?' }] })],
    ['an empty text', (bank) => ({ questions: reworded(bank).questions.map((q, i) => (i === 1 ? { ...q, text: '  ' } : q)) })],
    ['a text over 300 characters', (bank) => ({ questions: reworded(bank).questions.map((q, i) => (i === 0 ? { ...q, text: `${'x'.repeat(300)}?` } : q)) })],
    ['two questions in one', (bank) => ({ questions: reworded(bank).questions.map((q, i) => (i === 0 ? { ...q, text: 'What did you build? And why?' } : q)) })],
    ['a duplicated id', (bank) => ({ questions: [...reworded(bank).questions, reworded(bank).questions[0]] })],
    ['no JSON', () => 'Sure! Here are your questions.'],
  ];
  it.each(invalid)('keeps the bank wording with a note for %s (after repair and fallback)', async (_name, reply) => {
    const bank = await offline();
    const { openai, service } = setup();
    const bad = (() => {
      const r = reply(bank);
      return { text: typeof r === 'string' ? r : JSON.stringify(r) };
    })();
    openai.script('eco', bad, bad).script('eco2', bad, bad);
    const set = await service.questionSet('u1', BODY);
    expect(QuestionSetSchema.safeParse(set).success).toBe(true);
    expect(set.questions).toEqual(bank.questions);
    expect(set.id).toBe(bank.id);
    expect(set.notes).toContain(REPHRASE_FAILED_NOTE);
    // Economy only: the premium model is never tried; every billed call is in the cost.
    expect(set.ai!.models.map((m) => m.model)).toEqual(['eco-1', 'eco-1', 'eco-2', 'eco-2']);
    expect(set.ai!.totalCostUsd).toBeGreaterThan(0);
  });

  it('keeps the bank wording when the providers fail', async () => {
    const bank = await offline();
    const { openai, service } = setup();
    openai.script('eco', { fail: 'server' }).script('eco2', { fail: 'timeout' });
    const set = await service.questionSet('u1', BODY);
    expect(set.questions).toEqual(bank.questions);
    expect(set.notes).toContain(REPHRASE_FAILED_NOTE);
    expect(set.ai).toEqual({ models: [], totalCostUsd: 0 });
  });
});

describe('question sets without an AI key', () => {
  it('are the offline selection, unchanged, with no ai block', async () => {
    const bank = await offline();
    const noClients = new JobsService({ ...deps, ai: { providers: { models: MODELS, clients: {}, timeoutMs: 1000, maxRetryAfterMs: 0 }, cache: new MemoryAiCache() } });
    const set = await noClients.questionSet('u1', BODY);
    expect(set).toEqual(bank);
    expect(set).not.toHaveProperty('ai');
    expect(set.questions.some((q) => q.rephrased)).toBe(false);
  });
});

describe('checkRephraseReply', () => {
  it('returns the texts in the input order whatever order the model used', () => {
    const r = checkRephraseReply({ questions: [{ id: 'b', text: 'B?' }, { id: 'a', text: 'A?' }] }, ['a', 'b']);
    expect(r).toEqual({ ok: true, value: { questions: [{ id: 'a', text: 'A?' }, { id: 'b', text: 'B?' }] } });
  });
});
