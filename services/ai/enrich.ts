/**
 * LLM enrichment of the locally analysed content: STAR + tip per answer (economy) and the summary
 * with three tips (premium). Optional by design: with no provider configured it does nothing, and
 * a failing provider only costs the enrichment, never the report (the local result stays).
 */
import type { Answer } from '../analysis/content/content.schema.js';
import type { AiCall, AiUsage } from './ai.schema.js';
import type { AiCache } from './cache.js';
import { summarizeUsage } from './cost.js';
import type { AiProviders } from './providers/provider.js';
import type { Preference } from './routing.js';
import { realSleep, runTask, type RunContext, type Sleep, type TaskOutcome } from './run-task.js';
import { starTask } from './tasks/star.task.js';
import { summaryTask } from './tasks/summary.task.js';

export interface EnrichInput {
  transcriptText: string;
  answers: Answer[];
  summary: string;
  tips: string[];
}

export interface EnrichOptions {
  preference: Preference;
  cache: AiCache;
  providers: AiProviders;
  /** Aborting stops the enrichment with AiAbortedError (the only error this function throws). */
  signal?: AbortSignal;
  /** Calls in flight at once (per-answer STAR calls are independent). */
  concurrency?: number;
  /** Injected by tests so honouring retry-after never waits on a real clock. */
  sleep?: Sleep;
}

export interface EnrichResult {
  answers: Answer[];
  summary: string;
  tips: string[];
  ai: AiUsage;
  notes: string[];
}

export const NO_PROVIDER_NOTE =
  'AI enrichment skipped: no LLM provider is configured (set OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY, or ANTHROPIC_API_KEY)';
export const TOTAL_FAILURE_NOTE = 'AI enrichment failed for every task; the report shows the local analysis';

/** Runs jobs with at most `limit` in flight; results keep the jobs' order (deterministic reports). */
async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return results;
}

export async function enrichContent(input: EnrichInput, opts: EnrichOptions): Promise<EnrichResult> {
  const local: EnrichResult = {
    answers: input.answers,
    summary: input.summary,
    tips: input.tips,
    ai: summarizeUsage([]),
    notes: [],
  };
  if (Object.keys(opts.providers.clients).length === 0) return { ...local, notes: [NO_PROVIDER_NOTE] };

  const ctx: RunContext = {
    providers: opts.providers,
    preference: opts.preference,
    cache: opts.cache,
    transcriptText: input.transcriptText,
    sleep: opts.sleep ?? realSleep,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const starJobs = input.answers.map((answer, i) => () => runTask(starTask(answer, i), ctx));
  // The summary runs beside the STAR pool (one more call in flight): it does not need their results.
  const [starOutcomes, summaryOutcome] = await Promise.all([
    pool(starJobs, opts.concurrency ?? 2),
    runTask(summaryTask(input), ctx),
  ]);
  const outcomes: TaskOutcome<unknown>[] = [...starOutcomes, summaryOutcome];

  const answers = input.answers.map((answer, i) => {
    const value = starOutcomes[i]?.value;
    return value ? { ...answer, star: value.star, tip: value.tip } : answer;
  });
  const calls: AiCall[] = outcomes.flatMap((o) => o.calls);
  const notes = outcomes.flatMap((o) => o.notes);
  const succeeded = outcomes.filter((o) => o.value !== undefined).length;
  if (succeeded === 0) notes.push(TOTAL_FAILURE_NOTE);
  return {
    answers,
    summary: summaryOutcome.value?.summary ?? input.summary,
    tips: summaryOutcome.value?.tips ?? input.tips,
    ai: summarizeUsage(calls),
    notes,
  };
}
