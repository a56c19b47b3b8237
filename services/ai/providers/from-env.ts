/**
 * Builds the configured providers from the environment, validated once (zod). A provider with no
 * key is simply absent, so enrichment skips it without a network call; a half-configured Azure
 * (endpoint without key, or the reverse) is a configuration error, not a silent skip.
 */
import { z } from 'zod';
import { AiConfigError } from '../errors.js';
import { loadModelTable } from '../models.js';
import { createAnthropicProvider } from './anthropic.provider.js';
import { createAzureOpenAiProvider, createOpenAiProvider } from './openai.provider.js';
import type { AiProviders } from './provider.js';

const optional = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.url().optional());

const EnvSchema = z.object({
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optionalUrl,
  AZURE_OPENAI_ENDPOINT: optionalUrl,
  AZURE_OPENAI_API_KEY: optional,
  AZURE_OPENAI_DEPLOYMENT: optional,
  /** A GA data-plane version that has JSON mode and max_completion_tokens. */
  AZURE_OPENAI_API_VERSION: z.string().min(1).default('2024-10-21'),
  ANTHROPIC_API_KEY: optional,
  ANTHROPIC_BASE_URL: optionalUrl,
  /** Per call; a slow model is abandoned for the next one in the chain. */
  AI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Waiting longer than this on a 429 costs the user more time than trying another model. */
  AI_MAX_RETRY_AFTER_MS: z.coerce.number().int().nonnegative().default(2_000),
});

export function createAiProviders(env: NodeJS.ProcessEnv = process.env): AiProviders {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new AiConfigError('ai_config_invalid', `invalid AI provider configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.AZURE_OPENAI_ENDPOINT === undefined) !== (e.AZURE_OPENAI_API_KEY === undefined)) {
    throw new AiConfigError('ai_config_invalid', 'Azure OpenAI needs both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY');
  }
  const clients: AiProviders['clients'] = {};
  if (e.OPENAI_API_KEY) {
    clients.openai = createOpenAiProvider({ apiKey: e.OPENAI_API_KEY, ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}) });
  }
  if (e.AZURE_OPENAI_ENDPOINT && e.AZURE_OPENAI_API_KEY) {
    clients['azure-openai'] = createAzureOpenAiProvider({
      endpoint: e.AZURE_OPENAI_ENDPOINT,
      apiKey: e.AZURE_OPENAI_API_KEY,
      apiVersion: e.AZURE_OPENAI_API_VERSION,
      ...(e.AZURE_OPENAI_DEPLOYMENT ? { defaultDeployment: e.AZURE_OPENAI_DEPLOYMENT } : {}),
    });
  }
  if (e.ANTHROPIC_API_KEY) {
    clients.anthropic = createAnthropicProvider({ apiKey: e.ANTHROPIC_API_KEY, ...(e.ANTHROPIC_BASE_URL ? { baseURL: e.ANTHROPIC_BASE_URL } : {}) });
  }
  return { models: loadModelTable(env), clients, timeoutMs: e.AI_TIMEOUT_MS, maxRetryAfterMs: e.AI_MAX_RETRY_AFTER_MS };
}
