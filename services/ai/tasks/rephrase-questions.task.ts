/**
 * Rephrases the bank questions of a question set to fit one job posting (economy tier: short
 * rewording of a closed list). The model gets the posting and the questions (id, kind, competency,
 * text) and answers one new text per id. Same meaning, same competency, same kind: it only words the
 * question for this job. The reply must name exactly the input ids, each once, each text 1–300
 * characters and a single question; anything else is refused (the one repair turn says why) and the
 * caller keeps the bank's wording.
 */
import { z } from 'zod';
import { checkWith, type AiTask, type Checked } from './task.js';

export const REPHRASE_PROMPT_VERSION = 'rephrase-v1';
export const REPHRASED_MAX_CHARS = 300;

export const RephraseReplySchema = z.strictObject({
  questions: z.array(z.strictObject({ id: z.string().min(1), text: z.string().trim().min(1).max(REPHRASED_MAX_CHARS) })).max(40),
});
export type RephraseReply = z.infer<typeof RephraseReplySchema>;

export interface RephraseInput {
  readonly id: string;
  readonly text: string;
  readonly kind: string;
  /** The competency's name (the model words for it, not its id). */
  readonly competency: string;
}

const SYSTEM = `You reword interview practice questions so they fit one job posting. Keep each question's meaning, its kind and the competency it tests; only make the wording fit the job (its domain, tools, situations).
Reply with one JSON object and nothing else: {"questions":[{"id":"...","text":"..."}]}
Rules:
- Exactly one entry per given id, same ids, nothing added, nothing left out.
- Each "text" is ONE question, at most ${REPHRASED_MAX_CHARS} characters, in plain English, addressed to the candidate ("you").
- Never ask about something else, never merge or split questions, never add facts about the candidate.`;

/** More than one question mark means the model merged or added questions. */
const isOneQuestion = (text: string): boolean => (text.match(/\?/gu) ?? []).length <= 1;

export function checkRephraseReply(reply: RephraseReply, ids: readonly string[]): Checked<RephraseReply> {
  const wanted = new Set(ids);
  const seen = new Set<string>();
  for (const q of reply.questions) {
    if (!wanted.has(q.id)) return { ok: false, error: `"${q.id}" is not one of the given ids` };
    if (seen.has(q.id)) return { ok: false, error: `"${q.id}" appears more than once` };
    if (!isOneQuestion(q.text)) return { ok: false, error: `the text for ${q.id} is more than one question` };
    seen.add(q.id);
  }
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0) return { ok: false, error: `missing ids: ${missing.join(', ')}` };
  // Back in the input order, whatever order the model used.
  const byId = new Map(reply.questions.map((q) => [q.id, q.text]));
  return { ok: true, value: { questions: ids.map((id) => ({ id, text: byId.get(id)! })) } };
}

export function rephraseQuestionsTask(posting: string, questions: readonly RephraseInput[]): AiTask<RephraseReply> {
  const ids = questions.map((q) => q.id);
  const list = questions.map((q) => JSON.stringify({ id: q.id, kind: q.kind, competency: q.competency, text: q.text })).join('\n');
  return {
    name: 'rephrase',
    label: 'question set',
    promptVersion: REPHRASE_PROMPT_VERSION,
    minTier: 'economy',
    maxOutputTokens: 200 + 120 * questions.length,
    system: SYSTEM,
    user: `Posting:\n${posting}\n\nQuestions:\n${list}`,
    item: `rephrase\u0000${list}`,
    check: checkWith(RephraseReplySchema, (reply) => checkRephraseReply(reply, ids)),
  };
}
