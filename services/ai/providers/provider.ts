/**
 * The provider port: one chat completion that must answer with JSON text. Adapters (OpenAI, Azure
 * OpenAI, Anthropic) wrap the official SDKs with their own retries OFF — the fallback policy in
 * run-task.ts is the single place that decides whether to wait, repeat or move on.
 */
import type { TokenUsage } from '../cost.js';
import type { ModelSpec, ProviderId } from '../models.js';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: ModelSpec;
  system: string;
  /** Alternating, starting with the user (the repair turn appends assistant + user). */
  messages: readonly ChatMessage[];
  maxOutputTokens: number;
  /** Whole-request budget; past it the call fails with kind `timeout`. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ChatResponse {
  /** The model's text, expected to be one JSON object (validated by the caller). */
  text: string;
  /** As billed by the API (estimated only if the API omitted it). */
  usage: TokenUsage;
}

export interface ChatProvider {
  readonly id: ProviderId;
  /** Whether this adapter can call the model (e.g. Azure needs a deployment for it). */
  supports(model: ModelSpec): boolean;
  /**
   * One request, no retries. Throws AiProviderError (kind says why) or AiAbortedError when the
   * caller's signal fired; never resolves with a partial answer.
   */
  complete(request: ChatRequest): Promise<ChatResponse>;
}

/** The configured adapters and the model table they serve; absent adapter = provider unavailable. */
export interface AiProviders {
  models: readonly ModelSpec[];
  clients: Partial<Record<ProviderId, ChatProvider>>;
  /** Per-call timeout (AI_TIMEOUT_MS). */
  timeoutMs: number;
  /** Longest retry-after worth waiting for on a 429 before moving to the next model. */
  maxRetryAfterMs: number;
}

export const isModelAvailable = (providers: AiProviders, model: ModelSpec): boolean =>
  providers.clients[model.provider]?.supports(model) ?? false;
