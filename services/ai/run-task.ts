/**
 * Runs one AI task down its fallback chain. Per model: cache → call → validate → (one repair turn)
 * → accept; a 429 with a short retry-after is waited out once, anything else moves to the next
 * model. Every billed call becomes an AiCall; failures become notes. Only an abort throws.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { AiCall } from './ai.schema.js';
import type { AiCache } from './cache.js';
import { cacheKey } from './cache-key.js';
import { costUsd, estimateTokens } from './cost.js';
import { AiAbortedError, AiProviderError } from './errors.js';
import type { ModelSpec } from './models.js';
import { isModelAvailable, type AiProviders, type ChatMessage, type ChatResponse } from './providers/provider.js';
import { routeTask, type Preference } from './routing.js';
import { acceptReply, type AiTask } from './tasks/task.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
  } catch {
    throw new AiAbortedError();
  }
};

export interface RunContext {
  providers: AiProviders;
  preference: Preference;
  cache: AiCache;
  transcriptText: string;
  signal?: AbortSignal;
  /** Injected so tests of retry-after never wait on a real clock. */
  sleep: Sleep;
}

export interface TaskOutcome<T> {
  /** Undefined when every model failed (the caller keeps its local result). */
  value?: T;
  calls: AiCall[];
  notes: string[];
}

interface ModelOutcome<T> {
  value?: T;
  calls: AiCall[];
  /** Why this model gave no usable value. */
  failure?: string;
}

const throwIfAborted = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw new AiAbortedError();
};

export async function runTask<T>(task: AiTask<T>, ctx: RunContext): Promise<TaskOutcome<T>> {
  const route = routeTask(
    {
      minTier: task.minTier,
      estimatedInputTokens: estimateTokens(task.system + task.user),
      maxOutputTokens: task.maxOutputTokens,
      preference: ctx.preference,
    },
    ctx.providers.models,
    (m) => isModelAvailable(ctx.providers, m),
  );
  const notes = route.notes.map((n) => `${task.label}: ${n}`);
  const calls: AiCall[] = [];
  if (route.chain.length === 0) {
    notes.push(`${task.label}: no configured model is available for this task; kept the local result`);
    return { calls, notes };
  }
  let previous: ModelSpec | undefined;
  for (const model of route.chain) {
    throwIfAborted(ctx.signal);
    const outcome = await tryModel(task, model, previous, ctx);
    calls.push(...outcome.calls);
    if (outcome.value !== undefined) return { value: outcome.value, calls, notes };
    notes.push(`${task.label}: ${model.id} failed (${outcome.failure ?? 'unknown'})`);
    previous = model;
  }
  notes.push(`${task.label}: every model failed; kept the local result`);
  return { calls, notes };
}

function record(task: AiTask<unknown>, model: ModelSpec, res: ChatResponse, fallbackFrom?: ModelSpec): AiCall {
  return {
    provider: model.provider,
    model: model.model,
    task: task.name,
    inputTokens: res.usage.inputTokens,
    outputTokens: res.usage.outputTokens,
    costUsd: costUsd(model, res.usage),
    ...(fallbackFrom ? { fallbackFrom: fallbackFrom.id } : {}),
  };
}

/** A failing cache is only a slower path: it must never fail the enrichment. */
async function readCache<T>(task: AiTask<T>, key: string, ctx: RunContext): Promise<T | undefined> {
  try {
    const hit = await ctx.cache.get(key);
    if (hit === undefined) return undefined;
    // Re-checked: an entry written by an older build may no longer satisfy today's rules.
    const checked = task.check(hit.value);
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}

async function writeCache(key: string, value: unknown, ctx: RunContext): Promise<void> {
  try {
    await ctx.cache.set(key, { value });
  } catch {
    // Same reasoning as readCache: the result is good, only the next run will pay again.
  }
}

async function tryModel<T>(task: AiTask<T>, model: ModelSpec, previous: ModelSpec | undefined, ctx: RunContext): Promise<ModelOutcome<T>> {
  const key = cacheKey({
    transcriptText: ctx.transcriptText,
    task: task.name,
    promptVersion: task.promptVersion,
    modelId: model.id,
    ...(task.item !== undefined ? { item: task.item } : {}),
  });
  const cached = await readCache(task, key, ctx);
  if (cached !== undefined) {
    const call: AiCall = { provider: model.provider, model: model.model, task: task.name, inputTokens: 0, outputTokens: 0, costUsd: 0, cached: true };
    return { value: cached, calls: [previous ? { ...call, fallbackFrom: previous.id } : call] };
  }

  const messages: ChatMessage[] = [{ role: 'user', content: task.user }];
  const calls: AiCall[] = [];
  let repaired = false;
  let waitedOnRateLimit = false;
  for (;;) {
    throwIfAborted(ctx.signal);
    let res: ChatResponse;
    try {
      res = await complete(task, model, messages, ctx);
    } catch (err) {
      if (!(err instanceof AiProviderError)) throw err;
      const wait = err.retryAfterMs;
      if (err.kind === 'rate_limited' && !waitedOnRateLimit && wait !== undefined && wait <= ctx.providers.maxRetryAfterMs) {
        waitedOnRateLimit = true;
        await ctx.sleep(wait, ctx.signal);
        continue;
      }
      return { calls, failure: err.message };
    }
    calls.push(record(task, model, res, previous));
    const accepted = acceptReply(task, res.text);
    if (accepted.ok) {
      await writeCache(key, accepted.value, ctx);
      return { value: accepted.value, calls };
    }
    if (repaired) return { calls, failure: `invalid output after repair: ${accepted.error}` };
    repaired = true;
    // The repair turn shows the model its own reply and exactly what was wrong with it.
    messages.push(
      { role: 'assistant', content: res.text },
      { role: 'user', content: `That reply was rejected: ${accepted.error}. Reply again with only the corrected JSON object.` },
    );
  }
}

function complete(task: AiTask<unknown>, model: ModelSpec, messages: readonly ChatMessage[], ctx: RunContext): Promise<ChatResponse> {
  const client = ctx.providers.clients[model.provider];
  // The route only holds available models, so a missing client is a programming error.
  if (!client) throw new Error(`no client for provider ${model.provider}`);
  return client.complete({
    model,
    system: task.system,
    messages,
    maxOutputTokens: task.maxOutputTokens,
    timeoutMs: ctx.providers.timeoutMs,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}
