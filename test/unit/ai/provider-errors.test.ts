import { describe, expect, it } from '@jest/globals';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AiAbortedError, AiProviderError } from '../../../services/ai/errors.js';
import { retryAfterMs } from '../../../services/ai/providers/retry-after.js';
import { toProviderError } from '../../../services/ai/providers/sdk-errors.js';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const CLASSES = { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError };

describe('retryAfterMs', () => {
  it.each<[Record<string, string>, number | undefined]>([
    [{}, undefined],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '150', 'retry-after': '9' }, 150],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }, 3000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), NOW)).toBe(expected);
  });
});

describe('toProviderError', () => {
  const apiError = (status: number, headers: Record<string, string> = {}) =>
    APIError.generate(status, { error: { message: 'x' } }, 'x', new Headers(headers));

  it.each<[string, unknown, string, number | undefined]>([
    ['429 with retry-after', apiError(429, { 'retry-after': '1' }), 'rate_limited', 1000],
    ['500', apiError(500), 'server', undefined],
    ['529 overloaded', apiError(529), 'server', undefined],
    ['408', apiError(408), 'timeout', undefined],
    ['401', apiError(401), 'rejected', undefined],
    ['404 (unknown deployment)', apiError(404), 'rejected', undefined],
    ['an SDK timeout', new APIConnectionTimeoutError(), 'timeout', undefined],
    ['a refused connection', new APIConnectionError({ message: 'ECONNREFUSED' }), 'server', undefined],
    ['a body that is not JSON', new SyntaxError('Unexpected token <'), 'server', undefined],
  ])('%s', (_what, err, kind, wait) => {
    const out = toProviderError(err, 'openai', CLASSES) as AiProviderError;
    expect(out).toBeInstanceOf(AiProviderError);
    expect(out.kind).toBe(kind);
    expect(out.code).toBe(`ai_${kind}`);
    expect(out.retryAfterMs).toBe(wait);
  });

  it('reports an abort by the caller as AiAbortedError, whatever the SDK threw', () => {
    const controller = new AbortController();
    controller.abort();
    const deadline = AbortSignal.timeout(60_000);
    expect(toProviderError(new APIUserAbortError(), 'openai', CLASSES, { caller: controller.signal, deadline })).toBeInstanceOf(AiAbortedError);
  });

  it('reports any error after our own deadline fired as a timeout', () => {
    const deadline = AbortSignal.abort();
    const out = toProviderError(new Error('{}'), 'openai', CLASSES, { deadline });
    expect(out).toBeInstanceOf(AiProviderError);
    expect((out as AiProviderError).kind).toBe('timeout');
  });
});
