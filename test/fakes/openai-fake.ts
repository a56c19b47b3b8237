/**
 * OpenAI Chat Completions on the wire, as the `openai` SDK speaks it: `POST /v1/chat/completions`,
 * `Authorization: Bearer <key>`, a `chat.completion` body with `usage`, errors as `{error:{…}}`.
 * Also the shared shapes for the Azure fake, which differs only in path and auth.
 */
import { HttpFake, type FakeDialect, type FakeUsage, type RecordedRequest, type Routed } from './http-fake.js';

export const OPENAI_FAKE_KEY = 'sk-test-openai-fake';

/** `{error:{message,type,param,code}}` as OpenAI (and Azure OpenAI) return it. */
export function openAiError(status: number, message: string): unknown {
  const [type, code] =
    status === 429 ? ['requests', 'rate_limit_exceeded'] : status === 401 ? ['invalid_request_error', 'invalid_api_key'] : status >= 500 ? ['server_error', null] : ['invalid_request_error', null];
  return { error: { message, type, param: null, code } };
}

export function chatCompletion(model: string, text: string, usage: FakeUsage, seq: number): unknown {
  return {
    id: `chatcmpl-fake${seq}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
    system_fingerprint: 'fp_fake',
    service_tier: 'default',
  };
}

/** The body checks both OpenAI flavours share. */
export function checkChatBody(req: RecordedRequest): Routed | undefined {
  const body = req.body as { model?: unknown; messages?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.messages) || body.messages.length === 0) {
    return { status: 400, body: openAiError(400, "'messages' is a required property") };
  }
  return undefined;
}

export const openAiDialect = (apiKey: string): FakeDialect => ({
  route(req) {
    if (req.method !== 'POST' || req.path !== '/v1/chat/completions') return { status: 404, body: openAiError(404, `Invalid URL (${req.method} ${req.path})`) };
    if (req.headers.authorization !== `Bearer ${apiKey}`) return { status: 401, body: openAiError(401, 'Incorrect API key provided') };
    const bad = checkChatBody(req);
    if (bad) return bad;
    const model = (req.body as { model?: unknown }).model;
    if (typeof model !== 'string') return { status: 400, body: openAiError(400, 'you must provide a model parameter') };
    return { target: model };
  },
  success: (req, text, usage, seq) => chatCompletion(String((req.body as { model: string }).model), text, usage, seq),
  error: openAiError,
});

export const startOpenAiFake = (apiKey = OPENAI_FAKE_KEY): Promise<HttpFake> => HttpFake.start(openAiDialect(apiKey));
