/** An in-process ChatProvider for policy tests: answers from a per-model script, records requests. */
import { AiProviderError, type ProviderFailureKind } from '../../../services/ai/errors.js';
import type { ModelSpec, ProviderId } from '../../../services/ai/models.js';
import type { ChatProvider, ChatRequest, ChatResponse } from '../../../services/ai/providers/provider.js';

export type Step = { text: string; input?: number; output?: number } | { fail: ProviderFailureKind; retryAfterMs?: number };

export class ScriptedProvider implements ChatProvider {
  readonly requests: ChatRequest[] = [];
  private readonly scripts = new Map<string, Step[]>();

  constructor(readonly id: ProviderId) {}

  supports(model: ModelSpec): boolean {
    return model.provider === this.id;
  }

  script(modelId: string, ...steps: Step[]): this {
    this.scripts.set(modelId, [...(this.scripts.get(modelId) ?? []), ...steps]);
    return this;
  }

  async complete(req: ChatRequest): Promise<ChatResponse> {
    this.requests.push(structuredClone({ ...req, signal: undefined }));
    const step = this.scripts.get(req.model.id)?.shift();
    if (!step) throw new AiProviderError('server', `no script for ${req.model.id}`);
    if ('fail' in step) throw new AiProviderError(step.fail, `scripted ${step.fail}`, step.retryAfterMs);
    return { text: step.text, usage: { inputTokens: step.input ?? 100, outputTokens: step.output ?? 50 } };
  }
}
