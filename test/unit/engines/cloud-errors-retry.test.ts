import { describe, expect, it } from '@jest/globals';
import { EngineTransientError, httpStatusError, parseRetryAfter } from '../../../services/media/engines/cloud-errors.js';
import { backoffMs, withRetry } from '../../../services/media/engines/retry.js';
import { PermanentError, TransientError } from '../../../services/shared/errors.js';

describe('httpStatusError', () => {
  it.each([
    [401, PermanentError, 'engine_misconfigured'],
    [403, PermanentError, 'engine_misconfigured'],
    [400, PermanentError, 'engine_rejected'],
    [413, PermanentError, 'engine_rejected'],
    [408, TransientError, 'engine_timeout'],
    [429, TransientError, 'engine_rate_limited'],
    [500, TransientError, 'engine_unavailable'],
    [503, TransientError, 'engine_unavailable'],
  ])('%i → %p %s', (status, kind, code) => {
    const e = httpStatusError('azure', status, 'detail');
    expect(e).toBeInstanceOf(kind);
    expect(e.code).toBe(code);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('withRetry', () => {
  const busy = (retryAfterMs?: number): EngineTransientError => new EngineTransientError('engine_rate_limited', 'busy', retryAfterMs);

  it('retries transient errors with exponential backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    let calls = 0;
    const got = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw busy();
        if (calls === 2) throw busy(9000);
        return 'ok';
      },
      { attempts: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    expect(got).toBe('ok');
    expect(waits).toEqual([100, 9000]);
  });

  it('does not retry permanent errors and stops after the last attempt', async () => {
    let calls = 0;
    const permanent = new PermanentError('engine_misconfigured', 'bad key');
    await expect(withRetry(async () => { calls++; throw permanent; }, { sleep: async () => undefined })).rejects.toBe(permanent);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(async () => { calls++; throw busy(); }, { attempts: 4, sleep: async () => undefined })).rejects.toThrow('busy');
    expect(calls).toBe(4);
  });

  it('caps the wait', () => {
    expect(backoffMs(10, busy(), { baseDelayMs: 1000, maxDelayMs: 30_000 })).toBe(30_000);
    expect(backoffMs(1, busy(120_000), { maxDelayMs: 30_000 })).toBe(30_000);
  });

  it('stops waiting when aborted', async () => {
    const ac = new AbortController();
    let calls = 0;
    const p = withRetry(async () => { calls++; throw busy(); }, { sleep: async () => void ac.abort(new Error('stop')) }, ac.signal);
    await expect(p).rejects.toThrow('stop');
    expect(calls).toBe(1);
  });
});
