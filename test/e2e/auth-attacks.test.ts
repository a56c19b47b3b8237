/**
 * Auth attacks on the real server (emulator mode): every operation of the served OpenAPI document
 * and the socket.io handshake refuse each bad credential with 401 and a code; then user B, holding
 * user A's ids (interview, webhook, delivery, notification, upload), gets 404 — never 403, never
 * A's data — on every operation and socket event, and A's data is unchanged afterwards.
 * Production-mode verification (real signatures) is covered by auth-attacks-production.test.ts and
 * test/unit/auth/verifier-local-keys.test.ts; where the modes differ, a test below pins it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deleteApp, initializeApp, type App as AdminApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { io as connect, type Socket } from 'socket.io-client';
import { apiClient, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { badCredentials, type BadCredential } from '../helpers/bad-credentials.js';
import { forgeUnsignedToken, signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';
import { apiRoutesOf, fetchOperations, fillPath, type Operation, sampleBody } from '../helpers/openapi-routes.js';

const emulator = withAuthEmulator();
let run: RunningApp;
let ops: Operation[];
let alice: TestAccount;
let bob: TestAccount;
let adminApp: AdminApp;
/** Alice's resources by the path parameter that names them. */
const A = { interview: '', uploadInterview: '', upload: '', webhook: '', delivery: '', notification: '' };
const SECRET_TITLE = 'Alice private interview 7f3c';
const HOOK_URL = 'http://127.0.0.1:9/alice-hook-7f3c';
const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Interviewer>Tell me about yourself.\n\n00:00:04.500 --> 00:00:12.000\n<v Candidate>I build reliable backend systems and I like hard problems.\n';

beforeAll(async () => {
  run = await startTestApp({ WEBHOOK_ALLOW_LOOPBACK: '1' });
  ops = await fetchOperations(run.base);
  [alice, bob] = await Promise.all([signUp(), signUp()]);
  adminApp = initializeApp({ projectId: emulator.projectId }, 'auth-attacks-admin');
  const asAlice = apiClient(run.base, alice.idToken);
  A.interview = (await asAlice('POST', '/api/v1/interviews', { title: SECRET_TITLE })).body.id;
  await asAlice('PUT', `/api/v1/interviews/${A.interview}/transcript`, VTT);
  await waitForStatus(asAlice, A.interview, (s) => s === 'completed');
  A.uploadInterview = (await asAlice('POST', '/api/v1/interviews', { title: SECRET_TITLE })).body.id;
  A.upload = await startUpload(alice.idToken, A.uploadInterview, 100);
  A.webhook = (await asAlice('POST', '/api/v1/webhooks', { url: HOOK_URL, events: ['interview.completed'] })).body.id;
  A.delivery = (await asAlice('POST', `/api/v1/webhooks/${A.webhook}/test`)).body.id;
  A.notification = await until(async () => (await asAlice('GET', '/api/v1/notifications')).body.items[0]?.id as string | undefined);
  expect(Object.values(A).every(Boolean)).toBe(true);
}, 90_000);
afterAll(async () => {
  if (adminApp) await deleteApp(adminApp);
  await run?.stop();
});

async function until<T>(get: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tusHeaders = { 'tus-resumable': '1.0.0' };
const meta = (interviewId: string) => `interviewId ${Buffer.from(interviewId).toString('base64')}`;

/** Creates a 1000-byte tus upload and sends its first `bytes`; returns the upload id. */
async function startUpload(token: string, interviewId: string, bytes: number): Promise<string> {
  const auth = { authorization: `Bearer ${token}`, ...tusHeaders };
  const created = await fetch(`${run.base}/files/`, { method: 'POST', headers: { ...auth, 'upload-length': '1000', 'upload-metadata': meta(interviewId) } });
  const id = created.headers.get('location')!.split('/').pop()!;
  await fetch(`${run.base}/files/${id}`, { method: 'PATCH', headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: Buffer.alloc(bytes, 0x41) });
  return id;
}

/** One HTTP request for an operation; the body and tus headers make it reach its real check. */
async function call(op: Operation, url: string, authorization: string | undefined, o: { interviewIdForTus?: string; uploadOffset?: number } = {}) {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  let body: string | Buffer | undefined;
  if (op.path.startsWith('/files')) {
    Object.assign(headers, tusHeaders);
    if (op.method === 'POST') Object.assign(headers, { 'upload-length': '10', 'upload-metadata': meta(o.interviewIdForTus ?? A.uploadInterview) });
    if (op.method === 'PATCH') {
      Object.assign(headers, { 'upload-offset': String(o.uploadOffset ?? 100), 'content-type': 'application/offset+octet-stream' });
      body = Buffer.alloc(10, 0x42);
    }
  } else {
    const sample = sampleBody(op);
    if (sample) [body, headers['content-type']] = [sample.body, sample.contentType];
  }
  const res = await fetch(run.base + url, { method: op.method, headers, ...(body !== undefined && { body }) });
  const text = await res.text();
  let code: string | undefined;
  let message: string | undefined;
  try {
    ({ code, message } = (JSON.parse(text) as { error: { code: string; message: string } }).error);
  } catch {
    /* HEAD has no body */
  }
  return { status: res.status, code, message, text };
}

const alicePath = (op: Operation) =>
  fillPath(op.path, {
    id: op.path.includes('/webhooks/') ? A.webhook : op.path.includes('/notifications/') ? A.notification : A.interview,
    deliveryId: A.delivery,
    uploadId: A.upload,
  });

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe('the route list', () => {
  it('the OpenAPI document names every /api/v1 route the app serves', async () => {
    const documented = new Set(ops.map((o) => `${o.method} ${o.path}`));
    const served = await apiRoutesOf(run.app.http, run.base);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.has(r) && r !== 'GET /api/v1/openapi.json')).toEqual([]);
    expect(ops.filter((o) => o.secured).length).toBeGreaterThan(25);
  });
});

describe('bad credentials → 401 with a code, everywhere', () => {
  let creds: BadCredential[];
  beforeAll(async () => {
    // Accounts that existed and then lost the right to sign in.
    const admin = getAuth(adminApp);
    const [deleted, disabled, revoked] = await Promise.all([signUp(), signUp(), signUp()]);
    await admin.deleteUser(deleted.uid);
    await admin.updateUser(disabled.uid, { disabled: true });
    await new Promise((r) => setTimeout(r, 1_100)); // revocation compares whole seconds
    await admin.revokeRefreshTokens(revoked.uid);
    creds = badCredentials(alice.idToken, emulator.projectId, { deleted: deleted.idToken, disabled: disabled.idToken, revoked: revoked.idToken });
  }, 30_000);

  it('on every protected operation of the OpenAPI document', async () => {
    const secured = ops.filter((o) => o.secured);
    const wrong: unknown[] = [];
    await inBatches(secured.flatMap((op) => creds.map((c) => [op, c] as const)), 12, async ([op, c]) => {
      const r = await call(op, alicePath(op), c.header);
      const ok = r.status === 401 && (op.method === 'HEAD' || (r.code === c.code && typeof r.message === 'string' && r.message.length > 0));
      if (!ok) wrong.push({ op: `${op.method} ${op.path}`, credential: c.name, got: [r.status, r.code] });
    });
    expect(wrong).toEqual([]);
    // Nothing of Alice's changed under the barrage.
    expect((await apiClient(run.base, alice.idToken)('GET', `/api/v1/interviews/${A.interview}`)).body.title).toBe(SECRET_TITLE);
  }, 120_000);

  it('on the socket.io handshake, with the code in connect_error.data', async () => {
    const extra: [string, Record<string, unknown>, string][] = [
      ['a non-string token', { token: 12345 }, 'auth_missing'],
      ['the token only in the query string', {}, 'auth_missing'],
    ];
    for (const c of creds) {
      expect([c.name, await handshake(c.socketToken === undefined ? {} : { token: c.socketToken })]).toEqual([c.name, { code: c.code, message: expect.any(String) }]);
    }
    for (const [name, auth, code] of extra) {
      expect([name, await handshake(auth, { token: alice.idToken })]).toEqual([name, { code, message: expect.any(String) }]);
    }
    expect(await handshake({ token: alice.idToken })).toEqual({ connected: true });
  }, 60_000);

  // Emulator mode only: the emulator issues unsigned tokens, so firebase-admin cannot tell a forged
  // one from a real one and accepts alg:none naming an EXISTING user. Production refuses it (see
  // auth-attacks-production.test.ts), and the verifier refuses emulator mode under NODE_ENV=production.
  it('(emulator mode, by design) accepts an unsigned token naming an existing user', async () => {
    const forged = forgeUnsignedToken(emulator.projectId, alice.uid);
    expect((await apiClient(run.base, forged)('GET', `/api/v1/interviews/${A.interview}`)).status).toBe(200);
  });
});

function handshake(auth: Record<string, unknown>, query?: Record<string, string>): Promise<{ connected: true } | { code: string; message: string }> {
  const socket = connect(run.base, { auth, ...(query && { query }), transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve({ connected: true });
    });
    socket.once('connect_error', (err: Error & { data?: { code: string; message: string } }) => {
      socket.close();
      resolve(err.data ?? { code: 'no_data', message: err.message });
    });
  });
}

describe("another user's ids", () => {
  const NOT_FOUND = new Set(['not_found', 'webhook_not_found', 'delivery_not_found', 'notification_not_found']);
  const leaks = (text: string) => [SECRET_TITLE, HOOK_URL, alice.uid, alice.email, ...Object.values(A)].filter((s) => text.includes(s));

  it('answer 404 (not 403) on every operation that takes an id, and leak nothing', async () => {
    const wrong: unknown[] = [];
    for (const op of ops.filter((o) => o.secured && o.path.includes('{'))) {
      const r = await call(op, alicePath(op), `Bearer ${bob.idToken}`);
      if (r.status !== 404 || (op.method !== 'HEAD' && !NOT_FOUND.has(r.code ?? '')) || leaks(r.text).length) {
        wrong.push({ op: `${op.method} ${op.path}`, got: [r.status, r.code], leaked: leaks(r.text) });
      }
    }
    // tus creation naming Alice's interview.
    const post = await call(ops.find((o) => o.method === 'POST' && o.path === '/files/')!, '/files/', `Bearer ${bob.idToken}`, { interviewIdForTus: A.uploadInterview });
    if (post.status !== 404 || post.code !== 'not_found') wrong.push({ op: 'POST /files/ with her interviewId', got: [post.status, post.code] });
    expect(wrong).toEqual([]);
  });

  it('never show up in his lists, and his own operations never touch hers', async () => {
    const asBob = apiClient(run.base, bob.idToken);
    const own = ops.filter((o) => o.secured && !o.path.includes('{') && !o.path.startsWith('/files') && !(o.method === 'DELETE' && o.path === '/api/v1/me'));
    for (const op of own) {
      const r = await call(op, op.path, `Bearer ${bob.idToken}`);
      expect([op.method, op.path, r.status < 500, leaks(r.text)]).toEqual([op.method, op.path, true, []]);
    }
    expect((await asBob('DELETE', '/api/v1/me')).status).toBe(200); // erases Bob's data only
  });

  it('cannot reach her upload through tricks in the tus URL', async () => {
    const bobInterview = (await apiClient(run.base, bob.idToken)('POST', '/api/v1/interviews', { title: 'bob' })).body.id as string;
    const bobUpload = await startUpload(bob.idToken, bobInterview, 10);
    const auth = { authorization: `Bearer ${bob.idToken}`, ...tusHeaders };
    const urls: [string, number][] = [
      [`/files/${A.upload}`, 404],
      [`/files/${bobUpload}?/${A.upload}`, 404], // the query string hid the real target from the old check
      [`/files/${bobInterview}--..%2F${A.upload}`, 404], // decoded by tus into a path that leaves the id
      [`/files/${bobUpload}/${A.upload}`, 404],
      [`/files/${bobInterview}--%E0%A4%A`, 400], // malformed percent-encoding: invalid_url
    ];
    for (const [url, status] of urls) {
      for (const method of ['HEAD', 'PATCH', 'DELETE']) {
        const headers = method === 'PATCH' ? { ...auth, 'upload-offset': '100', 'content-type': 'application/offset+octet-stream' } : auth;
        const r = await fetch(run.base + url, { method, headers, ...(method === 'PATCH' && { body: Buffer.alloc(10, 0x42) }) });
        expect([method, url, r.status]).toEqual([method, url, status]);
      }
    }
    // Media is never served back, not even to its owner: the document lists no GET on an upload.
    const own = await fetch(`${run.base}/files/${bobUpload}`, { headers: auth });
    expect([own.status, ((await own.json()) as { error: { code: string } }).error.code]).toEqual([405, 'method_not_allowed']);
  });

  it('subscribing his socket to her interview or room gets him nothing', async () => {
    const aliceSock = await connected(alice.idToken);
    const bobSock = await connected(bob.idToken, { uid: alice.uid, room: `user:${alice.uid}` });
    const bobGot: unknown[] = [];
    bobSock.onAny((event: string, ...args: unknown[]) => bobGot.push([event, args]));
    try {
      for (const event of ['subscribe', 'join', 'interview.subscribe', 'interview.progress', 'notification']) {
        for (const arg of [A.interview, `user:${alice.uid}`, { id: A.interview }, { room: `user:${alice.uid}` }]) bobSock.emit(event, arg);
      }
      const aliceGot: { id: string; status: string }[] = [];
      aliceSock.on('interview.progress', (e: { id: string; status: string }) => aliceGot.push(e));
      expect((await apiClient(run.base, alice.idToken)('POST', `/api/v1/interviews/${A.interview}/reanalyze`, {})).status).toBe(202);
      await until(async () => (aliceGot.some((e) => e.id === A.interview && e.status === 'completed') ? true : undefined));
      // Bob's socket is alive and hears his own events, just none of hers.
      const asBob = apiClient(run.base, bob.idToken);
      const mine = (await asBob('POST', '/api/v1/interviews', { title: 'bob live' })).body.id as string;
      await asBob('PUT', `/api/v1/interviews/${mine}/transcript`, VTT);
      await until(async () => (bobGot.some((g) => JSON.stringify(g).includes(mine)) ? true : undefined));
      expect(bobGot.filter((g) => leaks(JSON.stringify(g)).length > 0)).toEqual([]);
    } finally {
      aliceSock.close();
      bobSock.close();
    }
  }, 60_000);

  it("leave every one of her resources as it was", async () => {
    const asAlice = apiClient(run.base, alice.idToken);
    expect((await asAlice('GET', `/api/v1/interviews/${A.interview}`)).body).toMatchObject({ title: SECRET_TITLE, status: 'completed' });
    expect((await asAlice('GET', `/api/v1/webhooks/${A.webhook}`)).body).toMatchObject({ url: HOOK_URL, enabled: true, events: ['interview.completed'] });
    expect((await asAlice('GET', `/api/v1/webhooks/${A.webhook}/deliveries/${A.delivery}`)).status).toBe(200);
    const n = (await asAlice('GET', '/api/v1/notifications')).body.items.find((i: { id: string }) => i.id === A.notification);
    expect(n).toMatchObject({ id: A.notification, read: false });
    const head = await fetch(`${run.base}/files/${A.upload}`, { method: 'HEAD', headers: { authorization: `Bearer ${alice.idToken}`, ...tusHeaders } });
    expect([head.status, head.headers.get('upload-offset')]).toEqual([200, '100']);
    expect(fs.readFileSync(path.join(run.dataDir, 'uploads', A.upload))).toEqual(Buffer.alloc(100, 0x41));
  });
});

async function connected(token: string, extraAuth: Record<string, unknown> = {}): Promise<Socket> {
  const socket = connect(run.base, { auth: { token, ...extraAuth }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
