/**
 * STAR tagging of one answer (economy tier: a short, well-specified extraction). The reply gives
 * each part present/absent with a verbatim quote, plus one concrete tip for the answer. The question's
 * kind and whether a STAR story is expected come from the local analysis and go into the prompt, so
 * the tip follows the kind; the reply cannot change them (enrich.ts keeps the local values).
 */
import { z } from 'zod';
import { AnswerSchema, StarSchema, type Answer, type Star } from '../../analysis/content/content.schema.js';
import { findVerbatim } from './evidence.js';
import { checkWith, type AiTask, type Checked } from './task.js';

export const STAR_PROMPT_VERSION = 'star-v2';

export const StarReplySchema = z.strictObject({ star: StarSchema, tip: AnswerSchema.shape.tip.min(1) });
export type StarReply = z.infer<typeof StarReplySchema>;

const PARTS = ['situation', 'task', 'action', 'result'] as const;

const SYSTEM = `You assess one answer from a job interview with the STAR method (Situation, Task, Action, Result).
Reply with one JSON object and nothing else, of exactly this shape:
{"star":{"situation":{"present":true,"evidence":"..."},"task":{"present":false},"action":{...},"result":{...}},"tip":"..."}
Rules:
- A part is present only if the answer clearly states it.
- "evidence" is required when present and must be copied VERBATIM from the answer (one sentence or clause, same words, same order). Never paraphrase. Omit "evidence" when the part is absent.
- "tip" is one concrete, specific improvement for this answer, at most two sentences.
- You are told the kind of question and whether a STAR story is expected. When it is not (an introduction, strengths and weaknesses, motivation, a technical question, the candidate's own questions), still mark the parts the answer happens to contain, but make the tip about what that kind of question needs, not about STAR.`;

/** Every present part quotes the answer; absent parts carry no quote (the schema's contract). */
export function checkStarEvidence(reply: StarReply, answerText: string): Checked<StarReply> {
  const star = {} as Star;
  for (const part of PARTS) {
    const { present, evidence } = reply.star[part];
    if (!present) {
      star[part] = { present: false };
      continue;
    }
    if (evidence === undefined || evidence.trim() === '') {
      return { ok: false, error: `star.${part} is present but has no evidence quote` };
    }
    const quote = findVerbatim(answerText, evidence);
    if (quote === undefined) {
      return { ok: false, error: `star.${part}.evidence is not a verbatim quote from the answer: ${JSON.stringify(evidence)}` };
    }
    star[part] = { present: true, evidence: quote };
  }
  return { ok: true, value: { star, tip: reply.tip.trim() } };
}

const KIND_NAMES: Readonly<Record<Answer['kind'], string>> = {
  introduction: 'introduction (about yourself)',
  behavioural: 'behavioural',
  strengths_weaknesses: 'strengths and weaknesses',
  motivation: 'motivation (why you, why this job)',
  technical: 'technical or factual',
  candidate_questions: "the candidate's own questions",
};

export function starTask(answer: Pick<Answer, 'question' | 'text' | 'kind' | 'starExpected'>, index: number): AiTask<StarReply> {
  const kind = `${KIND_NAMES[answer.kind]}; STAR story expected: ${answer.starExpected ? 'yes' : 'no'}`;
  return {
    name: 'star',
    label: `answer ${index + 1}`,
    promptVersion: STAR_PROMPT_VERSION,
    minTier: 'economy',
    maxOutputTokens: 600,
    system: SYSTEM,
    user: `Question (${kind}): ${answer.question}\n\nAnswer:\n${answer.text}`,
    item: `${answer.question}\u0000${kind}\u0000${answer.text}`,
    check: checkWith(StarReplySchema, (reply) => checkStarEvidence(reply, answer.text)),
  };
}
