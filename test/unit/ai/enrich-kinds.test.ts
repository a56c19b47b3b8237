/** The enrichment replaces STAR and the tip only: kind, starExpected and the untimed fields stay local. */
import { describe, expect, it } from '@jest/globals';
import { AnswerSchema, type Answer } from '../../../services/analysis/content/content.schema.js';
import { MemoryAiCache } from '../../../services/ai/cache.js';
import { enrichContent } from '../../../services/ai/enrich.js';
import type { ModelSpec } from '../../../services/ai/models.js';
import type { AiProviders } from '../../../services/ai/providers/provider.js';
import { ScriptedProvider } from './scripted-provider.js';

const MODELS: ModelSpec[] = [
  { id: 'eco', provider: 'openai', model: 'eco-1', inputPerMTokUsd: 1, outputPerMTokUsd: 2, contextWindow: 100_000, tier: 'economy' },
  { id: 'top', provider: 'openai', model: 'top-1', inputPerMTokUsd: 10, outputPerMTokUsd: 20, contextWindow: 100_000, tier: 'premium' },
];
const absent = { present: false };
const TEXT = 'I am a junior studying biology. I run the outreach club.';
/** An answer from an untimed transcript: no start, end, duration or length. */
const LOCAL: Answer = {
  question: 'Tell me about yourself.',
  kind: 'introduction',
  starExpected: false,
  text: TEXT,
  wordCount: 11,
  star: { situation: absent, task: absent, action: absent, result: absent },
  tip: 'local tip',
};

describe('enrichContent keeps the local kind and timing fields', () => {
  it('merges the model’s STAR and tip into an answer that still validates', async () => {
    const openai = new ScriptedProvider('openai');
    const reply = { star: { situation: { present: true, evidence: 'I am a junior studying biology.' }, task: absent, action: absent, result: absent }, tip: 'Say what you want next.' };
    openai.script('eco', { text: JSON.stringify(reply) });
    openai.script('top', { text: JSON.stringify({ summary: 'Clear.', tips: ['a', 'b', 'c'] }) });
    const providers: AiProviders = { models: MODELS, clients: { openai }, timeoutMs: 1000, maxRetryAfterMs: 0 };
    const out = await enrichContent(
      { transcriptText: `Interviewer: Tell me about yourself.\nInterviewee: ${TEXT}`, answers: [LOCAL], summary: 'local', tips: ['1', '2', '3'] },
      { preference: 'auto', cache: new MemoryAiCache(), providers, concurrency: 1 },
    );
    const [a] = out.answers;
    expect(AnswerSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ kind: 'introduction', starExpected: false, tip: 'Say what you want next.' });
    expect(a!.star.situation).toEqual({ present: true, evidence: 'I am a junior studying biology.' });
    expect(Object.keys(a!).filter((k) => ['start', 'end', 'durationSec', 'length'].includes(k))).toEqual([]);
    const starRequest = openai.requests.find((r) => r.model.id === 'eco')!;
    expect(starRequest.messages[0]!.content).toContain('introduction (about yourself); STAR story expected: no');
  });
});
