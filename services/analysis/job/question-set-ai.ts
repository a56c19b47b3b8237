/**
 * With an AI key, the LLM rewords a question set's bank questions for the job
 * (services/ai/tasks/rephrase-questions.task.ts) through the same routing, fallback, cost accounting
 * and cache as the competency refinement (job-ai.ts). Only the wording changes: ids, kinds,
 * competencies, reasons and order stay those of the offline selection. Follow-ups are never
 * rephrased (they quote the candidate's own answer). A question whose text changed gets
 * `rephrased: true`; any failure or invalid reply keeps the bank's wording with a note. The set's
 * `ai` block lists the call(s) and their cost. Only an abort throws.
 */
import { summarizeUsage } from '../../ai/cost.js';
import { runTask, realSleep, type RunContext } from '../../ai/run-task.js';
import { rephraseQuestionsTask } from '../../ai/tasks/rephrase-questions.task.js';
import type { QuestionSet } from './job.contract.js';
import { questionSetId } from './question-set.js';
import { vocabulary } from './vocabulary.js';

export const REPHRASE_FAILED_NOTE = "The questions keep the question bank's wording: the AI rephrasing failed or was not valid.";

export async function rephraseQuestionSet(
  set: QuestionSet,
  posting: string,
  ctx: Omit<RunContext, 'sleep' | 'transcriptText'> & Partial<Pick<RunContext, 'sleep'>>,
): Promise<QuestionSet> {
  const targets = set.questions.filter((q) => q.reason !== 'follow_up');
  if (targets.length === 0) return set;
  const names = new Map(set.competencies.map((c) => [c.id, c.name]));
  const vocab = vocabulary();
  const task = rephraseQuestionsTask(
    posting,
    targets.map((q) => ({ id: q.id, text: q.text, kind: q.kind, competency: names.get(q.competency) ?? vocab.byId.get(q.competency)?.name ?? q.competency })),
  );
  // The posting is the source text of this call, as the transcript is for the report's calls.
  const outcome = await runTask(task, { ...ctx, transcriptText: posting, sleep: ctx.sleep ?? realSleep });
  const ai = summarizeUsage(outcome.calls);
  const notes = [...(set.notes ?? []), ...outcome.notes];
  if (!outcome.value) return { ...set, notes: [...notes, REPHRASE_FAILED_NOTE], ai };
  const wording = new Map(outcome.value.questions.map((q) => [q.id, q.text]));
  const questions = set.questions.map((q) => {
    const text = q.reason === 'follow_up' ? undefined : wording.get(q.id);
    return text !== undefined && text !== q.text ? { ...q, text, rephrased: true as const } : q;
  });
  return { ...set, id: questionSetId(questions), questions, ...(notes.length > 0 && { notes }), ai };
}
