/**
 * OpenAI and Azure OpenAI through the official `openai` SDK (Chat Completions, JSON mode). Azure
 * differs only in the client (AzureOpenAI: `/openai/deployments/{d}/…?api-version=`, `api-key`
 * header) and in sending the deployment where OpenAI takes the model name.
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AzureOpenAI,
} from 'openai';
import { estimateTokens } from '../cost.js';
import type { ModelSpec, ProviderId } from '../models.js';
import type { ChatProvider, ChatRequest, ChatResponse } from './provider.js';
import { requestSignals, SDK_TIMEOUT_SLACK_MS, toProviderError } from './sdk-errors.js';

const SDK_ERRORS = { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError };

export interface OpenAiSettings {
  apiKey: string;
  /** Defaults to the public API; tests point it at a local fake. */
  baseURL?: string;
}

export interface AzureOpenAiSettings {
  /** e.g. https://my-resource.openai.azure.com */
  endpoint: string;
  apiKey: string;
  apiVersion: string;
  /** Used for Azure table entries that name no deployment of their own. */
  defaultDeployment?: string;
}

class OpenAiChatProvider implements ChatProvider {
  constructor(
    readonly id: Extract<ProviderId, 'openai' | 'azure-openai'>,
    private readonly client: OpenAI,
    /** What goes in the request's `model` field: the model name, or the Azure deployment. */
    private readonly target: (model: ModelSpec) => string | undefined,
  ) {}

  supports(model: ModelSpec): boolean {
    return model.provider === this.id && this.target(model) !== undefined;
  }

  async complete(req: ChatRequest): Promise<ChatResponse> {
    const signals = requestSignals(req.timeoutMs, req.signal);
    try {
      const res = await this.client.chat.completions.create(
        {
          model: this.target(req.model) ?? req.model.model,
          messages: [{ role: 'system', content: req.system }, ...req.messages],
          // JSON mode: the reply is one JSON object (the prompt must mention JSON, ours does).
          response_format: { type: 'json_object' },
          max_completion_tokens: req.maxOutputTokens,
          temperature: 0,
        },
        { timeout: req.timeoutMs + SDK_TIMEOUT_SLACK_MS, maxRetries: 0, signal: signals.combined },
      );
      const text = res.choices[0]?.message?.content ?? '';
      return {
        text,
        usage: {
          // Real APIs always report usage on non-streamed calls; estimating beats showing a free call.
          inputTokens: res.usage?.prompt_tokens ?? estimateTokens(req.system + req.messages.map((m) => m.content).join('')),
          outputTokens: res.usage?.completion_tokens ?? estimateTokens(text),
        },
      };
    } catch (err) {
      throw toProviderError(err, this.id, SDK_ERRORS, signals);
    }
  }
}

export function createOpenAiProvider(s: OpenAiSettings): ChatProvider {
  const client = new OpenAI({ apiKey: s.apiKey, baseURL: s.baseURL ?? 'https://api.openai.com/v1', maxRetries: 0 });
  return new OpenAiChatProvider('openai', client, (m) => m.model);
}

export function createAzureOpenAiProvider(s: AzureOpenAiSettings): ChatProvider {
  // baseURL given explicitly: otherwise the SDK would pick up OPENAI_BASE_URL meant for OpenAI.
  const client = new AzureOpenAI({
    apiKey: s.apiKey,
    apiVersion: s.apiVersion,
    baseURL: `${s.endpoint.replace(/\/+$/, '')}/openai`,
    maxRetries: 0,
  });
  return new OpenAiChatProvider('azure-openai', client, (m) => m.deployment ?? s.defaultDeployment);
}
