/**
 * Webhooks through the real app: auth emulator, HTTP API, embedded runtime, a local receiver that
 * verifies every signature with the standardwebhooks library. Loopback is allowed for the receiver
 * (WEBHOOK_ALLOW_LOOPBACK=1); private targets are refused, including names resolving to them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { createApp } from '../../services/app.js';
import { loadConfig } from '../../services/config.js';
import { createLogger } from '../../services/shared/logger.js';
import { apiClient, waitForStatus } from '../helpers/app.js';
import { e2eCleanup } from '../helpers/e2e-cleanup.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';
import { until } from '../helpers/until.js';

withAuthEmulator();

const FAKE_DNS: Record<string, string> = { 'hooks.corp.test': '10.1.2.3', 'meta.corp.test': '169.254.169.254', 'v6.corp.test': 'fd00::7' };
const lookup = async (host: string) => {
  const address = FAKE_DNS[host] ?? (host === 'localhost' ? '127.0.0.1' : undefined);
  if (!address) throw Object.assign(new Error('no such host'), { code: 'ENOTFOUND' });
  return [{ address, family: address.includes(':') ? 6 : 4 }];
};

async function start(env: Record<string, string> = {}, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-wh-e2e-'))) {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEBHOOK_ALLOW_LOOPBACK: '1', WEBHOOK_RETRY_SCHEDULE: '1s,1s', ...env });
  const app = createApp({ config, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), webhookLookup: lookup });
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}`, dataDir };
}
type Running = Awaited<ReturnType<typeof start>>;

const { stopOnce, receiver } = e2eCleanup();
const running = async (env?: Record<string, string>, dir?: string) => {
  const r = await start(env, dir);
  return stopOnce(r, () => r.app.stop());
};

const VTT = `WEBVTT

00:00:00.000 --> 00:00:06.000
<v Interviewer>Tell me about a project you led.

00:00:06.500 --> 00:00:20.000
<v Candidate>I led the billing migration. The old system could not handle the load, so I planned three phases and we cut latency by half.
`;

describe('webhooks API', () => {
  it('CRUD with the secret shown once; another user sees none of it (404)', async () => {
    const run = await running();
    const alice = apiClient(run.base, (await signUp()).idToken);
    const bob = apiClient(run.base, (await signUp()).idToken);
    const created = await alice('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/in', events: ['interview.completed', 'interview.failed'], description: 'ATS' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id as string;
    const got = await alice('GET', `/api/v1/webhooks/${id}`);
    expect(got.body).toMatchObject({ id, url: 'http://127.0.0.1:9/in', events: ['interview.completed', 'interview.failed'], enabled: true, description: 'ATS' });
    expect(JSON.stringify(got.body)).not.toContain('whsec_');
    expect(JSON.stringify((await alice('GET', '/api/v1/webhooks')).body)).not.toContain('whsec_');

    for (const [method, url] of [['GET', `/api/v1/webhooks/${id}`], ['PATCH', `/api/v1/webhooks/${id}`], ['DELETE', `/api/v1/webhooks/${id}`], ['POST', `/api/v1/webhooks/${id}/rotate-secret`], ['POST', `/api/v1/webhooks/${id}/test`], ['GET', `/api/v1/webhooks/${id}/deliveries`]] as const) {
      const r = await bob(method, url, method === 'PATCH' ? { enabled: false } : undefined);
      expect([url, r.status, r.body.error?.code]).toEqual([url, 404, 'webhook_not_found']);
    }
    expect((await bob('GET', '/api/v1/webhooks')).body.items).toEqual([]);

    const patched = await alice('PATCH', `/api/v1/webhooks/${id}`, { events: ['interview.progress'], enabled: false });
    expect(patched.body).toMatchObject({ events: ['interview.progress'], enabled: false });
    expect((await alice('PATCH', `/api/v1/webhooks/${id}`, { url: 'http://x' })).body.error.code).toBe('invalid_request');
    expect((await alice('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['interview.exploded'] })).body.error.code).toBe('invalid_request');
    expect((await alice('DELETE', `/api/v1/webhooks/${id}`)).status).toBe(204);
    expect((await alice('GET', `/api/v1/webhooks/${id}`)).status).toBe(404);
    expect((await alice('GET', '/api/v1/webhooks/not-a-uuid')).status).toBe(404);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'link_local'],
    ['http://10.0.0.1/hook', 'private'],
    ['http://192.168.1.20:8080/hook', 'private'],
    ['http://[fd00::1]/hook', 'unique_local'],
    ['http://[::ffff:127.0.0.1]/hook', 'ipv4_mapped'],
    ['http://0.0.0.0:8080/', 'unspecified'],
    ['http://hooks.corp.test/in', 'private'],
    ['https://meta.corp.test/in', 'link_local'],
    ['https://v6.corp.test/in', 'unique_local'],
    ['ftp://127.0.0.1/in', 'scheme'],
    ['http://nowhere.invalid/in', 'unresolvable'],
  ])('refuses %s (%s)', async (url, reason) => {
    const run = await running();
    const api = apiClient(run.base, (await signUp()).idToken);
    const r = await api('POST', '/api/v1/webhooks', { url, events: ['interview.completed'] });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'webhook_url_unsafe', details: { reason } });
  });

  it('without WEBHOOK_ALLOW_LOOPBACK, loopback is refused too', async () => {
    const run = await running({ WEBHOOK_ALLOW_LOOPBACK: '0' });
    const api = apiClient(run.base, (await signUp()).idToken);
    const r = await api('POST', '/api/v1/webhooks', { url: 'http://localhost:8080/in', events: ['interview.completed'] });
    expect(r.body.error).toMatchObject({ code: 'webhook_url_unsafe', details: { reason: 'loopback' } });
  });
});

describe('webhook deliveries', () => {
  it('an interview lifecycle reaches the receiver signed, without transcript text', async () => {
    const rx = await receiver();
    const run = await running();
    const api = apiClient(run.base, (await signUp()).idToken);
    const { secret, id: hookId } = (await api('POST', '/api/v1/webhooks', { url: rx.url, events: ['interview.created', 'interview.transcribed', 'interview.completed', 'interview.deleted'] })).body;
    const id = (await api('POST', '/api/v1/interviews', { title: 'Staff engineer' })).body.id as string;
    expect((await api('PUT', `/api/v1/interviews/${id}/transcript?filename=i.vtt`, VTT)).status).toBe(200);
    await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed');
    await until(() => rx.received.length >= 3);
    const wh = new Webhook(secret);
    const events = rx.received.map((r) => wh.verify(r.body, r.headers) as { type: string; data: Record<string, any> });
    expect(events.map((e) => e.type)).toEqual(['interview.created', 'interview.transcribed', 'interview.completed']);
    const done = events[2]!.data;
    expect(done).toMatchObject({ interviewId: id, status: 'completed', reportUrl: expect.stringMatching(new RegExp(`/api/v1/interviews/${id}/report$`)), summary: { title: 'Staff engineer' } });
    expect(typeof done.summary.durationSec).toBe('number');
    for (const r of rx.received) expect(r.body).not.toMatch(/billing migration|interviews\/.*\.json/);

    expect((await api('DELETE', `/api/v1/interviews/${id}`)).status).toBe(204);
    await until(() => rx.received.length >= 4);
    expect((wh.verify(rx.received[3]!.body, rx.received[3]!.headers) as { type: string }).type).toBe('interview.deleted');
    const log = (await api('GET', `/api/v1/webhooks/${hookId}/deliveries`)).body.items as { status: string; attempts: number; responseCode: number; latencyMs: number }[];
    expect(log).toHaveLength(4);
    for (const d of log) expect(d).toMatchObject({ status: 'succeeded', attempts: 1, responseCode: 200, latencyMs: expect.any(Number) });
  });

  it('test ping, rotation (both secrets sign) and manual redelivery with the same id', async () => {
    const rx = await receiver();
    const run = await running();
    const api = apiClient(run.base, (await signUp()).idToken);
    const { secret: old, id } = (await api('POST', '/api/v1/webhooks', { url: rx.url, events: ['interview.completed'] })).body;
    const rotated = await api('POST', `/api/v1/webhooks/${id}/rotate-secret`);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const ping = await api('POST', `/api/v1/webhooks/${id}/test`);
    expect(ping.status).toBe(202);
    await until(() => rx.received.length === 1);
    const r = rx.received[0]!;
    expect(new Webhook(old).verify(r.body, r.headers)).toMatchObject({ type: 'webhook.ping' });
    expect(new Webhook(rotated.body.secret).verify(r.body, r.headers)).toMatchObject({ type: 'webhook.ping' });
    expect(r.headers['webhook-id']).toBe(ping.body.id);

    const again = await api('POST', `/api/v1/webhooks/${id}/deliveries/${ping.body.id}/redeliver`);
    expect(again.status).toBe(202);
    await until(() => rx.received.length === 2);
    expect(rx.received[1]!.headers['webhook-id']).toBe(ping.body.id);
    await until(async () => (await api('GET', `/api/v1/webhooks/${id}/deliveries/${ping.body.id}`)).body.attempts.length === 2);
    expect((await api('POST', `/api/v1/webhooks/${id}/deliveries/msg_${'0'.repeat(32)}/redeliver`)).body.error.code).toBe('delivery_not_found');
  });

  it('a server restart between attempts still delivers, with the same webhook-id', async () => {
    const rx = await receiver((n) => (n === 0 ? 500 : 204));
    const first = await running({ WEBHOOK_RETRY_SCHEDULE: '2s' });
    const owner = await signUp();
    const api1 = apiClient(first.base, owner.idToken);
    const { secret, id } = (await api1('POST', '/api/v1/webhooks', { url: rx.url, events: ['interview.completed'] })).body;
    const ping = (await api1('POST', `/api/v1/webhooks/${id}/test`)).body;
    await until(() => rx.received.length === 1);
    await first.stop();

    const second = await running({ WEBHOOK_RETRY_SCHEDULE: '2s' }, first.dataDir);
    await until(() => rx.received.length === 2);
    expect(rx.received.map((r) => r.headers['webhook-id'])).toEqual([ping.id, ping.id]);
    for (const r of rx.received) expect(() => new Webhook(secret).verify(r.body, r.headers)).not.toThrow();
    const log = await apiClient(second.base, owner.idToken)('GET', `/api/v1/webhooks/${id}/deliveries`);
    expect(log.body.items[0]).toMatchObject({ id: ping.id, status: 'succeeded', attempts: 2, responseCode: 204 });
    const stranger = apiClient(second.base, (await signUp()).idToken);
    expect((await stranger('GET', `/api/v1/webhooks/${id}/deliveries`)).status).toBe(404);
  });
});
