/**
 * Anthropic Messages on the wire, as `@anthropic-ai/sdk` speaks it: `POST /v1/messages` with an
 * `anthropic-version` header and the key as `x-api-key` (the API's documented header) or as
 * `Authorization: Bearer` (what the installed SDK sends for an apiKey); a `message` body with
 * text content blocks and `usage`; errors as `{type:"error",error:{type,message}}`.
 */
import { HttpFake, type FakeDialect } from './http-fake.js';

export const ANTHROPIC_FAKE_KEY = 'sk-ant-test-fake';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export const anthropicError = (status: number, message: string): unknown => ({
  type: 'error',
  error: { type: ERROR_TYPES[status] ?? 'api_error', message },
});

export const anthropicDialect = (apiKey: string): FakeDialect => ({
  route(req) {
    if (req.method !== 'POST' || req.path !== '/v1/messages') return { status: 404, body: anthropicError(404, `Not found: ${req.path}`) };
    const key = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (key !== apiKey) return { status: 401, body: anthropicError(401, 'invalid x-api-key') };
    if (!req.headers['anthropic-version']) return { status: 400, body: anthropicError(400, 'anthropic-version: header is required') };
    const body = req.body as { model?: unknown; max_tokens?: unknown; messages?: unknown } | undefined;
    if (typeof body?.model !== 'string' || typeof body.max_tokens !== 'number' || !Array.isArray(body.messages)) {
      return { status: 400, body: anthropicError(400, 'model, max_tokens and messages are required') };
    }
    return { target: body.model };
  },
  success: (req, text, usage, seq) => ({
    id: `msg_fake${seq}`,
    type: 'message',
    role: 'assistant',
    model: (req.body as { model: string }).model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  }),
  error: anthropicError,
});

export const startAnthropicFake = (apiKey = ANTHROPIC_FAKE_KEY): Promise<HttpFake> => HttpFake.start(anthropicDialect(apiKey));
