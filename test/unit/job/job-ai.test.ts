/** LLM refinement of the competency list, through the real runTask with a scripted provider. */
import { describe, expect, it } from '@jest/globals';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import type { ModelSpec } from '../../../services/ai/models.js';
import type { AiProviders } from '../../../services/ai/providers/provider.js';
import { checkJobReply } from '../../../services/ai/tasks/job.task.js';
import { extractCompetencies } from '../../../services/analysis/job/extract.js';
import { refineExtraction } from '../../../services/analysis/job/job-ai.js';
import { buildReport } from '../../../services/analysis/report.pipeline.js';
import { ReportSchema } from '../../../services/analysis/report.schema.js';
import { parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { ScriptedProvider } from '../ai/scripted-provider.js';

const MODELS: ModelSpec[] = [
  { id: 'eco', provider: 'openai', model: 'eco-1', inputPerMTokUsd: 1, outputPerMTokUsd: 2, contextWindow: 100_000, tier: 'economy' },
  { id: 'eco2', provider: 'openai', model: 'eco-2', inputPerMTokUsd: 2, outputPerMTokUsd: 4, contextWindow: 100_000, tier: 'economy' },
];
const POSTING = 'What you will do:\n- Build data pipelines in Python.\n- Find the reason when a number moves unexpectedly.\n- Take part in our on-call rotation.';

const setup = () => {
  const openai = new ScriptedProvider('openai');
  const providers: AiProviders = { models: MODELS, clients: { openai }, timeoutMs: 1000, maxRetryAfterMs: 0 };
  const ctx = { preference: 'auto' as const, cache: new MemoryAiCache(), providers, transcriptText: 'Interviewee: hello', sleep: async () => {} };
  return { openai, ctx };
};

describe('refineExtraction', () => {
  it('keeps the offline order, drops what the model drops, adds its ids with the posting sentence, costs the call', async () => {
    const { openai, ctx } = setup();
    const local = extractCompetencies(POSTING);
    expect(local.competencies.map((c) => c.id)).toEqual(expect.arrayContaining(['data-pipelines', 'python', 'incident-response']));
    expect(local.competencies.map((c) => c.id)).not.toContain('analytical-thinking');
    openai.script('eco', { text: JSON.stringify({ competencies: [
      { id: 'python', quote: 'in Python' },
      { id: 'data-pipelines', quote: 'Build data pipelines' },
      { id: 'analytical-thinking', quote: 'Find the reason when a number moves' },
      { id: 'incident-response', quote: 'on-call rotation' },
    ] }), input: 1000, output: 100 });
    const r = await refineExtraction(POSTING, local, ctx);
    const ids = r.extraction.competencies.map((c) => c.id);
    expect(ids.slice(-1)).toEqual(['analytical-thinking']);
    expect(ids).toEqual(expect.arrayContaining(['python', 'data-pipelines', 'incident-response']));
    expect(ids).toHaveLength(4);
    expect(r.extraction.competencies.at(-1)!.source).toBe('Find the reason when a number moves unexpectedly.');
    expect(r.calls).toEqual([expect.objectContaining({ task: 'job', model: 'eco-1', costUsd: 0.0012 })]);
    expect(openai.requests[0]!.messages.map((m) => m.content).join('\n')).toContain('incident-response (responsibility): Incident response');
  });

  it('refuses an invented quote or an unknown id, repairs once, then falls back to the next model', async () => {
    const { openai, ctx } = setup();
    const bad = JSON.stringify({ competencies: [{ id: 'python', quote: 'expert Python developer' }] });
    openai.script('eco', { text: bad }, { text: JSON.stringify({ competencies: [{ id: 'juggling', quote: 'Python' }] }) });
    openai.script('eco2', { text: JSON.stringify({ competencies: [{ id: 'python', quote: 'Python' }] }) });
    const r = await refineExtraction(POSTING, extractCompetencies(POSTING), ctx);
    expect(r.extraction.competencies.map((c) => c.id)).toEqual(['python']);
    expect(r.calls.map((c) => c.model)).toEqual(['eco-1', 'eco-1', 'eco-2']);
  });

  it('keeps the offline list when every model fails', async () => {
    const { openai, ctx } = setup();
    openai.script('eco', { fail: 'server' });
    openai.script('eco2', { fail: 'server' });
    const local = extractCompetencies(POSTING);
    const r = await refineExtraction(POSTING, local, ctx);
    expect(r.extraction).toBe(local);
    expect(r.notes.length).toBeGreaterThan(0);
  });
});

describe('buildReport with an AI key', () => {
  it('uses the refined list for coverage and adds the job call to the report cost', async () => {
    const { openai, ctx } = setup();
    openai.script('eco', { text: JSON.stringify({ competencies: [
      { id: 'analytical-thinking', quote: 'Find the reason when a number moves' },
      { id: 'python', quote: 'Python' },
    ] }) });
    const transcript = parseTranscriptFile('Sam: Last year I analyzed why our sign-ups dropped and I found the cause in the numbers. I wrote the scripts in Python.', 'solo.txt');
    const report = await buildReport(transcript, { jobDescription: POSTING, ai: { providers: ctx.providers, cache: ctx.cache } });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.job!.competencies.map((c) => [c.id, c.status])).toEqual([['python', 'covered'], ['analytical-thinking', 'covered']]);
    expect(report.ai!.models.filter((m) => m.task === 'job')).toHaveLength(1);
    expect(report.ai!.totalCostUsd).toBeGreaterThan(0);
  });
});

describe('checkJobReply', () => {
  it('returns the exact posting text of a quote that differs only in spacing, once per id', () => {
    const r = checkJobReply({ competencies: [{ id: 'python', quote: 'data  pipelines\nin Python' }, { id: 'python', quote: 'Python' }] }, POSTING, new Set(['python']));
    expect(r).toEqual({ ok: true, value: { competencies: [{ id: 'python', quote: 'data pipelines in Python' }] } });
  });
});
