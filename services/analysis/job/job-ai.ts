/**
 * With an AI key, the LLM refines the offline competency list (services/ai/tasks/job.task.ts) through
 * the same routing, fallback, cost accounting, cache and verbatim-evidence checks as the STAR task.
 * The refined list keeps the offline ranking for the ids both found, then the model's additions in
 * its order; each keeps the posting sentence that holds the model's verbatim quote as `source`.
 * Any failure keeps the offline list (the notes say why); only an abort throws.
 */
import type { AiCall, AiUsage } from '../../ai/ai.schema.js';
import { summarizeUsage } from '../../ai/cost.js';
import { runTask, realSleep, type RunContext } from '../../ai/run-task.js';
import { jobCompetenciesTask } from '../../ai/tasks/job.task.js';
import type { Extraction, ExtractedCompetency } from './extract.js';
import { extractCompetencies, postingSentences } from './extract.js';
import { type CompiledVocabulary, vocabulary } from './vocabulary.js';

export async function refineExtraction(
  posting: string,
  local: Extraction,
  ctx: Omit<RunContext, 'sleep'> & Partial<Pick<RunContext, 'sleep'>>,
  vocab: CompiledVocabulary = vocabulary(),
): Promise<{ extraction: Extraction; calls: AiCall[]; notes: string[] }> {
  const task = jobCompetenciesTask(posting, vocab.entries, local.competencies.map((c) => c.id));
  const outcome = await runTask(task, { ...ctx, sleep: ctx.sleep ?? realSleep });
  if (!outcome.value) return { extraction: local, calls: outcome.calls, notes: outcome.notes };
  const sentences = postingSentences(posting).map((s) => s.text);
  const byId = new Map(local.competencies.map((c) => [c.id, c]));
  const chosen = new Map(outcome.value.competencies.map((c) => [c.id, c.quote]));
  const kept = local.competencies.filter((c) => chosen.has(c.id));
  const added: ExtractedCompetency[] = outcome.value.competencies
    .filter((c) => !byId.has(c.id))
    .map((c) => {
      const e = vocab.byId.get(c.id)!;
      const source = sentences.find((s) => s.includes(c.quote)) ?? c.quote;
      return { id: c.id, name: e.name, kind: e.kind, source, importance: 1 };
    });
  return { extraction: { ...local, competencies: [...kept, ...added] }, calls: outcome.calls, notes: outcome.notes };
}

/** For the report pipeline: the refined extraction, the usage with the job call(s) added, notes. */
export async function refineForReport(
  posting: string,
  usage: AiUsage,
  ctx: Omit<RunContext, 'sleep'> & Partial<Pick<RunContext, 'sleep'>>,
): Promise<{ extraction: Extraction; ai: AiUsage; notes: string[] }> {
  const r = await refineExtraction(posting, extractCompetencies(posting), ctx);
  return { extraction: r.extraction, ai: summarizeUsage([...usage.models, ...r.calls]), notes: r.notes };
}
