/**
 * Anthropic through the official `@anthropic-ai/sdk` (Messages API). There is no JSON mode switch
 * that every configured model takes, so the prompt asks for one JSON object and the caller
 * validates it like any other provider's output.
 */
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ModelSpec } from '../models.js';
import type { ChatProvider, ChatRequest, ChatResponse } from './provider.js';
import { requestSignals, SDK_TIMEOUT_SLACK_MS, toProviderError } from './sdk-errors.js';

const SDK_ERRORS = { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError };

export interface AnthropicSettings {
  apiKey: string;
  /** Defaults to the public API; tests point it at a local fake. */
  baseURL?: string;
}

class AnthropicChatProvider implements ChatProvider {
  readonly id = 'anthropic' as const;

  constructor(private readonly client: Anthropic) {}

  supports(model: ModelSpec): boolean {
    return model.provider === 'anthropic';
  }

  async complete(req: ChatRequest): Promise<ChatResponse> {
    const signals = requestSignals(req.timeoutMs, req.signal);
    try {
      const res = await this.client.messages.create(
        {
          model: req.model.model,
          system: req.system,
          messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
          max_tokens: req.maxOutputTokens,
        },
        { timeout: req.timeoutMs + SDK_TIMEOUT_SLACK_MS, maxRetries: 0, signal: signals.combined },
      );
      const text = res.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      return { text, usage: { inputTokens: res.usage.input_tokens, outputTokens: res.usage.output_tokens } };
    } catch (err) {
      throw toProviderError(err, this.id, SDK_ERRORS, signals);
    }
  }
}

export function createAnthropicProvider(s: AnthropicSettings): ChatProvider {
  // An explicit apiKey stops the SDK from reading other credentials (env, profiles) on its own.
  const client = new Anthropic({ apiKey: s.apiKey, baseURL: s.baseURL ?? 'https://api.anthropic.com', maxRetries: 0 });
  return new AnthropicChatProvider(client);
}
