import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { renderEmail } from '../../../services/notify/email.templates.js';
import { completedEvent, webhookBody, webhookEventFor } from '../../../services/webhooks/payload.js';
import { DEFAULT_RETRY_SCHEDULE, nextHealth, nextRetryDelay, parseDurations } from '../../../services/webhooks/retry-schedule.js';
import { activeSecrets, newSecret, rotate, signatureHeaders } from '../../../services/webhooks/signing.js';
import { ProgressThrottle, shouldEmitProgress } from '../../../services/webhooks/throttle.js';

const H = 3_600_000;

describe('retry schedule', () => {
  it('defaults to 5 s, 30 s, 2 min, 10 min, 1 h, 4 h, 12 h, 24 h', () => {
    expect(parseDurations(DEFAULT_RETRY_SCHEDULE)).toEqual([5000, 30000, 120000, 600000, H, 4 * H, 12 * H, 24 * H]);
  });
  it('parses custom schedules and rejects nonsense', () => {
    expect(parseDurations('200ms, 1s ,2d')).toEqual([200, 1000, 2 * 24 * H]);
    expect(() => parseDurations('5 minutes')).toThrow(/not a duration/);
    expect(() => parseDurations('')).toThrow(/at least one/);
  });
  it('gives the delay after each failed attempt, then stops', () => {
    const s = [10, 20];
    expect([1, 2, 3].map((n) => nextRetryDelay(n, s))).toEqual([10, 20, undefined]);
  });
  it('disables an endpoint only after failing continuously for the configured time', () => {
    const day = 24 * H;
    let h = nextHealth({}, { ok: false, at: 0 }, 5 * day);
    expect(h).toEqual({ health: { failingSince: 0, lastFailureAt: 0 }, disable: false });
    h = nextHealth(h.health, { ok: false, at: 4 * day }, 5 * day);
    expect(h.disable).toBe(false);
    const success = nextHealth(h.health, { ok: true, at: 4 * day + 1 }, 5 * day);
    expect(success.health.failingSince).toBeUndefined();
    expect(nextHealth(h.health, { ok: false, at: 5 * day }, 5 * day).disable).toBe(true);
  });
});

describe('signing (Standard Webhooks)', () => {
  it('signs so that the standardwebhooks library verifies it', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = webhookBody('interview.completed', Date.now(), { interviewId: 'x' });
    const headers = signatureHeaders('msg_1', Date.now(), body, [secret]);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'interview.completed' });
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
  });
  it('during a rotation signs with both secrets; each verifies on its own', () => {
    const now = Date.now();
    const old = newSecret();
    const fresh = newSecret();
    const secrets = rotate([{ secret: old, createdAt: now - 1000 }], fresh, now, 24 * H);
    expect(secrets.map((s) => s.secret)).toEqual([fresh, old]);
    expect(secrets[1]!.expiresAt).toBe(now + 24 * H);
    const active = activeSecrets(secrets, now + 1000).map((s) => s.secret);
    const body = '{"type":"webhook.ping","timestamp":"x","data":{}}';
    const headers = signatureHeaders('msg_2', now, body, active);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(body, headers)).not.toThrow();
    // After the overlap only the new secret signs.
    expect(activeSecrets(secrets, now + 24 * H + 1).map((s) => s.secret)).toEqual([fresh]);
  });
});

describe('payload mapping', () => {
  const d = { id: 'i1', ownerUid: 'u1', status: 'created', stage: 'upload', progress: 0 };
  it('turns status milestones into their own events, keyed once per interview', () => {
    expect(webhookEventFor('interview.progress', 'e1', d)).toEqual({ type: 'interview.created', key: 'i1:interview.created', data: { interviewId: 'i1', status: 'created', stage: 'upload', progress: 0 } });
    expect(webhookEventFor('interview.progress', 'e2', { ...d, status: 'uploaded' })?.type).toBe('interview.upload_completed');
    expect(webhookEventFor('interview.progress', 'e3', { ...d, status: 'transcribed' })?.key).toBe('i1:interview.transcribed');
    expect(webhookEventFor('interview.progress', 'e4', { ...d, status: 'transcribing', progress: 0.5 })).toMatchObject({ type: 'interview.progress', key: 'e4' });
    expect(webhookEventFor('interview.progress', 'e5', { ...d, status: 'completed' })).toBeNull();
  });
  it('never carries blob keys, media or transcript text', () => {
    const withKeys = { ...d, status: 'failed', key: 'interviews/i1/media', reportKey: 'interviews/i1/report.json', error: { code: 'bad_media', stage: 'upload', message: 'no audio' } };
    const failed = webhookEventFor('interview.failed', 'e6', withKeys)!;
    expect(JSON.stringify(failed)).not.toMatch(/interviews\//);
    expect(failed.data.error).toEqual({ code: 'bad_media', stage: 'upload', message: 'no audio' });
    const done = completedEvent('e7', { ...withKeys, status: 'completed' }, { title: 'T', durationSec: 60, headline: { wpm: 140 } }, 'https://app/api/v1/interviews/i1/report');
    expect(done.data).toMatchObject({ reportUrl: 'https://app/api/v1/interviews/i1/report', summary: { title: 'T', durationSec: 60, metrics: { wpm: 140 } } });
    expect(JSON.stringify(done)).not.toMatch(/interviews\/i1\/report\.json|media/);
  });
});

describe('progress throttle', () => {
  it('lets status changes through and limits the rest to one per interval', () => {
    const mark = (at: number, status: string, progress: number) => ({ at, status, progress });
    expect(shouldEmitProgress(undefined, mark(0, 'uploading', 0.1), 1000)).toBe(true);
    expect(shouldEmitProgress(mark(0, 'uploading', 0.1), mark(500, 'uploading', 0.2), 1000)).toBe(false);
    expect(shouldEmitProgress(mark(0, 'uploading', 0.1), mark(500, 'uploaded', 0.3), 1000)).toBe(true);
    expect(shouldEmitProgress(mark(0, 'uploading', 0.1), mark(1000, 'uploading', 0.2), 1000)).toBe(true);
    expect(shouldEmitProgress(mark(0, 'uploading', 0.1), mark(5000, 'uploading', 0.1), 1000)).toBe(false);
    const t = new ProgressThrottle(1000, 2);
    expect([t.admit('a', mark(0, 's', 0)), t.admit('a', mark(10, 's', 0.5)), t.admit('b', mark(10, 's', 0)), t.admit('c', mark(10, 's', 0))]).toEqual([true, false, true, true]);
    expect(t.admit('a', mark(20, 's', 0.6))).toBe(true); // evicted (bounded memory) → treated as new
  });
});

describe('email templates', () => {
  it('renders text and HTML and escapes what users typed', () => {
    const e = renderEmail({ kind: 'interview.completed', title: '<script>x</script>\nBcc: evil', interviewUrl: 'https://app/interviews/1', durationSec: 600 });
    expect(e.subject).toBe('Your feedback is ready: <script>x</script> Bcc: evil');
    expect(e.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(e.html).not.toContain('<script>');
    expect(e.text).toContain('https://app/interviews/1');
    expect(e.text).toContain('(10 min)');
    const f = renderEmail({ kind: 'interview.failed', title: 'T', interviewUrl: 'u', reason: 'no audio stream' });
    expect(f.text).toContain('no audio stream');
  });
});
