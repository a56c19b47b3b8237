/**
 * Security and privacy findings of issue 18, through the real app (Auth Emulator, HTTP API, embedded
 * runtime on a temp data dir, real sockets): SSRF on IP literals, erasure in delivery records,
 * Cache-Control on private answers, future-dated tokens, leftover uploads.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { apiClient, filesUnder, startTestApp, waitForStatus } from '../helpers/app.js';
import { e2eCleanup } from '../helpers/e2e-cleanup.js';
import { forgeFutureToken, signUp, withAuthEmulator } from '../helpers/firebase.js';
import { until } from '../helpers/until.js';

withAuthEmulator();

const { stopOnce, receiver } = e2eCleanup();
const running = async (env: Record<string, string> = {}, dataDir?: string) => {
  const r = await startTestApp({ WEBHOOK_RETRY_SCHEDULE: '1s,1s', ...env }, dataDir);
  return stopOnce(r, () => r.stop());
};
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ib-secpriv-'));

describe('SSRF: IP literals are re-checked at delivery', () => {
  it('a loopback literal saved with WEBHOOK_ALLOW_LOOPBACK=1 is refused after a restart without it: test call and lifecycle events', async () => {
    const rx = await receiver();
    const dataDir = tmpDir();
    const dev = await running({ WEBHOOK_ALLOW_LOOPBACK: '1' }, dataDir);
    const owner = await signUp();
    const created = await apiClient(dev.base, owner.idToken)('POST', '/api/v1/webhooks', { url: rx.url, events: ['interview.created'] });
    expect(created.status).toBe(201);
    const hookId = created.body.id as string;
    await dev.stop();

    const prod = await running({ WEBHOOK_ALLOW_LOOPBACK: '0' }, dataDir);
    const api = apiClient(prod.base, owner.idToken);
    const ping = await api('POST', `/api/v1/webhooks/${hookId}/test`);
    expect(ping.status).toBe(422);
    expect(ping.body.error).toMatchObject({ code: 'webhook_url_unsafe', message: expect.stringContaining('loopback'), details: { reason: 'loopback' } });

    expect((await api('POST', '/api/v1/interviews', { title: 'SSRF check' })).status).toBe(201);
    await until(async () => ((await api('GET', `/api/v1/webhooks/${hookId}/deliveries`)).body.items as { attempts: number }[]).some((d) => d.attempts > 0));
    const [log] = (await api('GET', `/api/v1/webhooks/${hookId}/deliveries`)).body.items as Record<string, unknown>[];
    expect(log).toMatchObject({ event: 'interview.created', error: 'blocked:loopback' });
    const redeliver = await api('POST', `/api/v1/webhooks/${hookId}/deliveries/${String(log!.id)}/redeliver`);
    expect([redeliver.status, redeliver.body.error?.code]).toEqual([422, 'webhook_url_unsafe']);
    await new Promise((r) => setTimeout(r, 300));
    expect(rx.received).toHaveLength(0);
  });
});

describe('private answers are never cached', () => {
  it('every /api/v1 answer (success, error, 401) and every tus answer says Cache-Control: no-store', async () => {
    const run = await running();
    const owner = await signUp();
    const api = apiClient(run.base, owner.idToken);
    const id = (await api('POST', '/api/v1/interviews', { title: 'Private' })).body.id as string;
    const answers = [
      await api('GET', '/api/v1/interviews'),
      await api('GET', `/api/v1/interviews/${id}`),
      await api('GET', `/api/v1/interviews/${id}/report`), // 409 not_ready
      await api('GET', '/api/v1/settings'),
      await api('GET', '/api/v1/webhooks'),
      await api('GET', '/api/v1/notifications'),
      await apiClient(run.base)('GET', '/api/v1/interviews'), // 401
      await api('GET', '/api/v1/no-such-route'), // 404
    ];
    const tus = await fetch(`${run.base}/files/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.idToken}`, 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': `interviewId ${Buffer.from(id).toString('base64')}` },
    });
    expect(tus.status).toBe(201);
    const head = await fetch(new URL(tus.headers.get('location')!, run.base), { method: 'HEAD', headers: { authorization: `Bearer ${owner.idToken}`, 'tus-resumable': '1.0.0' } });
    for (const r of [...answers, tus, head]) expect([r.status, r.headers.get('cache-control')]).toEqual([r.status, expect.stringContaining('no-store')]);
  });
});

describe('tokens issued in the future', () => {
  it('are refused beyond a small clock skew, on the API and on tus, with the JSON error shape', async () => {
    const run = await running();
    const owner = await signUp();
    const future = forgeFutureToken(owner.idToken, 3600);
    const r = await apiClient(run.base, future)('GET', '/api/v1/interviews');
    expect([r.status, r.body.error?.code, typeof r.body.error?.message]).toEqual([401, 'auth_invalid', 'string']);
    const t = await fetch(`${run.base}/files/`, { method: 'POST', headers: { authorization: `Bearer ${future}`, 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect([t.status, ((await t.json()) as { error: { code: string } }).error.code]).toEqual([401, 'auth_invalid']);
    expect((await apiClient(run.base, forgeFutureToken(owner.idToken, 10))('GET', '/api/v1/interviews')).status).toBe(200);
  });
});

describe('erasure reaches webhook delivery records', () => {
  const VTT = `WEBVTT

00:00:00.000 --> 00:00:06.000
<v Interviewer>Tell me about a project you led.

00:00:06.500 --> 00:00:20.000
<v Candidate>I led the billing migration. The old system could not handle the load, so I planned three phases and we cut latency by half.
`;

  it('after DELETE, delivery ids and status stay but no title or metrics remain (API, state, disk), and no empty blob folder is left', async () => {
    const rx = await receiver();
    const run = await running({ WEBHOOK_ALLOW_LOOPBACK: '1' });
    const api = apiClient(run.base, (await signUp()).idToken);
    const hookId = (await api('POST', '/api/v1/webhooks', { url: rx.url, events: ['interview.completed', 'interview.deleted'] })).body.id as string;
    const title = `Confidential-${randomUUID()}`;
    const id = (await api('POST', '/api/v1/interviews', { title })).body.id as string;
    expect((await api('PUT', `/api/v1/interviews/${id}/transcript?filename=i.vtt`, VTT)).status).toBe(200);
    await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed');
    await until(() => rx.received.length >= 1);
    const completed = (await api('GET', `/api/v1/webhooks/${hookId}/deliveries`)).body.items[0] as { id: string };
    expect(JSON.stringify((await api('GET', `/api/v1/webhooks/${hookId}/deliveries/${completed.id}`)).body)).toContain(title);

    expect((await api('DELETE', `/api/v1/interviews/${id}`)).status).toBe(204);
    await until(() => rx.received.length >= 2);
    await until(async () => !JSON.stringify((await api('GET', `/api/v1/webhooks/${hookId}/deliveries/${completed.id}`)).body).includes(title));
    const after = (await api('GET', `/api/v1/webhooks/${hookId}/deliveries/${completed.id}`)).body;
    expect(after).toMatchObject({ id: completed.id, event: 'interview.completed', status: 'succeeded', attempts: [expect.objectContaining({ ok: true, responseCode: 200 })] });
    expect(JSON.stringify(after)).not.toMatch(/metrics|durationSec/);
    expect(after.payload).toMatchObject({ type: 'interview.completed', data: { interviewId: id } });
    const log = (await api('GET', `/api/v1/webhooks/${hookId}/deliveries`)).body.items as { id: string; status: string }[];
    expect(log.map((d) => d.status)).toEqual(['succeeded', 'succeeded']);

    expect(fs.existsSync(path.join(run.dataDir, 'blobs', 'interviews', id))).toBe(false);
    await run.stop();
    const leaks = filesUnder(run.dataDir).filter((f) => fs.readFileSync(path.join(run.dataDir, f)).includes(title));
    expect(leaks).toEqual([]);
  });
});

describe('leftover uploads', () => {
  const MAX = 64 * 1024;
  const meta = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');
  const setup = async () => {
    const run = await running({ MAX_UPLOAD_BYTES: String(MAX) });
    const owner = await signUp();
    const api = apiClient(run.base, owner.idToken);
    const tus = (method: string, url: string, headers: Record<string, string> = {}, body?: Buffer) =>
      fetch(new URL(url, run.base), { method, headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${owner.idToken}`, ...headers }, ...(body && { body }) });
    const uploadsOf = (id: string) => filesUnder(path.join(run.dataDir, 'uploads')).filter((f) => f.startsWith(id));
    return { run, api, tus, uploadsOf };
  };

  it('a creation-with-upload whose body is too large is 413 file_too_large, leaves no upload, and the interview is back to created', async () => {
    const { api, tus, uploadsOf } = await setup();
    const octets = { 'content-type': 'application/offset+octet-stream' };
    const cases: Record<string, string>[] = [
      { 'upload-length': '1000' }, // body longer than the declared length
      { 'upload-defer-length': '1' }, // deferred length, body over MAX_UPLOAD_BYTES
    ];
    for (const headers of cases) {
      const id = (await api('POST', '/api/v1/interviews', { title: 'too big' })).body.id as string;
      const r = await tus('POST', '/files/', { ...octets, ...headers, 'upload-metadata': meta({ interviewId: id }) }, Buffer.alloc(MAX + 4096, 1));
      expect([headers, r.status, ((await r.json()) as { error: { code: string } }).error.code]).toEqual([headers, 413, 'file_too_large']);
      expect(uploadsOf(id)).toEqual([]);
      expect((await api('GET', `/api/v1/interviews/${id}`)).body).toMatchObject({ status: 'created', progress: 0 });
    }
  });

  it('a deferred-length PATCH over the limit is 413 and leaves nothing behind either', async () => {
    const { api, tus, uploadsOf } = await setup();
    const id = (await api('POST', '/api/v1/interviews', { title: 'too big later' })).body.id as string;
    const created = await tus('POST', '/files/', { 'upload-defer-length': '1', 'upload-metadata': meta({ interviewId: id }) });
    expect(created.status).toBe(201);
    const r = await tus('PATCH', created.headers.get('location')!, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, Buffer.alloc(MAX + 4096, 1));
    expect(r.status).toBe(413);
    expect(uploadsOf(id)).toEqual([]);
    expect((await api('GET', `/api/v1/interviews/${id}`)).body).toMatchObject({ status: 'created' });
  });

  it('a second upload while one is active is 409 upload_in_progress; once the first is terminated, a new one may start', async () => {
    const { api, tus, uploadsOf } = await setup();
    const id = (await api('POST', '/api/v1/interviews', { title: 'one at a time' })).body.id as string;
    const post = () => tus('POST', '/files/', { 'upload-length': '2000', 'upload-metadata': meta({ interviewId: id }) });
    const first = await post();
    expect(first.status).toBe(201);
    const a = first.headers.get('location')!;
    expect((await tus('PATCH', a, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, Buffer.alloc(500, 2))).status).toBe(204);
    const [b, c] = await Promise.all([post(), post()]);
    for (const r of [b, c]) {
      expect([r.status, ((await r.json()) as { error: { code: string; message: string } }).error]).toEqual([409, { code: 'upload_in_progress', message: expect.any(String) }]);
    }
    expect(uploadsOf(id).filter((f) => !f.endsWith('.json'))).toHaveLength(1);
    expect((await tus('DELETE', a)).status).toBe(204);
    const next = await post();
    expect(next.status).toBe(201);
    expect((await tus('PATCH', next.headers.get('location')!, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, Buffer.alloc(2000, 3))).status).toBe(204);
    expect((await api('GET', `/api/v1/interviews/${id}`)).body.status).not.toMatch(/created|uploading/);
  });
});
