/**
 * The same attack surface in production mode: the real server with a firebase-admin verifier that
 * checks RS256 signatures against Google's key endpoint, played locally by test/helpers/google-keys.ts
 * (no emulator, FIREBASE_AUTH_EMULATOR_HOST unset). Here an unsigned token for a real user — which
 * emulator mode must accept — is refused like every other forgery, on every route and on the socket.
 * checkRevoked is off (the user lookup needs Google credentials), so users need not exist.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { createFirebaseVerifier, type FirebaseVerifier } from '../../services/shared/auth.js';
import { type App, createApp } from '../../services/app.js';
import { loadConfig } from '../../services/config.js';
import { createLogger } from '../../services/shared/logger.js';
import { idTokenClaims } from '../helpers/firebase.js';
import { makeKeyPair, signRs256, startGoogleKeyServer, type GoogleKeyServer } from '../helpers/google-keys.js';
import { fetchOperations, fillPath, type Operation, sampleBody } from '../helpers/openapi-routes.js';

const projectId = 'demo-interview-buddy';
const savedHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-auth-prod-'));
let keys: GoogleKeyServer;
let verifier: FirebaseVerifier;
let app: App;
let base: string;
let ops: Operation[];

beforeAll(async () => {
  delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  keys = await startGoogleKeyServer();
  verifier = createFirebaseVerifier({ projectId, checkRevoked: false, httpAgent: keys.agent });
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', FIREBASE_PROJECT_ID: projectId });
  app = createApp({ config, verifier, logger: createLogger('silent') });
  base = `http://127.0.0.1:${await app.listen()}`;
  ops = (await fetchOperations(base)).filter((o) => o.secured);
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await verifier?.close();
  await keys?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (savedHost !== undefined) process.env.FIREBASE_AUTH_EMULATOR_HOST = savedHost;
});

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);
const claims = (uid: string, over: Record<string, unknown> = {}) => ({ ...idTokenClaims(uid, projectId), ...over });

function forgeries(uid: string): [string, string, string][] {
  const c = claims(uid);
  const hmacInput = `${b64url({ alg: 'HS256', typ: 'JWT', kid: keys.trusted.kid })}.${b64url(c)}`;
  return [
    ['alg none with valid claims', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(c)}.`, 'auth_invalid'],
    ['signed by an attacker key under the trusted kid', signRs256({ ...makeKeyPair(), kid: keys.trusted.kid }, c), 'auth_invalid'],
    ['HS256 keyed with the public certificate', `${hmacInput}.${createHmac('sha256', keys.trusted.certPem).update(hmacInput).digest('base64url')}`, 'auth_invalid'],
    ['signed but expired', signRs256(keys.trusted, claims(uid, { iat: now() - 7200, auth_time: now() - 7200, exp: now() - 3600 })), 'auth_expired'],
    ['signed for another project', signRs256(keys.trusted, claims(uid, { aud: 'demo-x', iss: 'https://securetoken.google.com/demo-x' })), 'auth_invalid'],
    ['an unknown kid', signRs256({ ...keys.trusted, kid: 'rotated-away' }, c), 'auth_invalid'],
  ];
}

const idsFor = { id: '00000000-0000-4000-8000-000000000000', deliveryId: `msg_${'0'.repeat(32)}`, uploadId: `00000000-0000-4000-8000-000000000000--${'0'.repeat(24)}` };

async function call(op: Operation, token: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const sample = sampleBody(op);
  if (sample) headers['content-type'] = sample.contentType;
  if (op.path === '/files/') Object.assign(headers, { 'upload-length': '10', 'upload-metadata': `interviewId ${Buffer.from(idsFor.id).toString('base64')}` });
  const url = fillPath(op.path, { ...idsFor, id: op.path.includes('/notifications/') ? 'interview.completed:x' : idsFor.id });
  const res = await fetch(base + url, { method: op.method, headers, ...(sample && { body: sample.body }) });
  const text = await res.text();
  return { status: res.status, code: text ? ((JSON.parse(text) as { error?: { code: string } }).error?.code) : undefined };
}

describe('production mode (signatures checked against published keys)', () => {
  it('refuses every forgery with 401 and its code on every protected operation', async () => {
    const wrong: unknown[] = [];
    for (const [name, token, code] of forgeries('prod-user')) {
      for (const op of ops) {
        const r = await call(op, token);
        if (r.status !== 401 || (op.method !== 'HEAD' && r.code !== code)) wrong.push({ forgery: name, op: `${op.method} ${op.path}`, got: [r.status, r.code] });
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('lets a correctly signed token past authentication on every operation (control)', async () => {
    const token = signRs256(keys.trusted, claims('prod-user'));
    const results = await Promise.all(ops.map(async (op) => [`${op.method} ${op.path}`, (await call(op, token)).status] as const));
    expect(results.filter(([, status]) => status === 401 || status >= 500)).toEqual([]);
    expect(results.find(([r]) => r === 'GET /api/v1/interviews')?.[1]).toBe(200);
  }, 30_000);

  it('refuses the same forgeries on the socket.io handshake and accepts a signed token', async () => {
    for (const [name, token, code] of forgeries('prod-user')) {
      expect([name, await handshake(token)]).toEqual([name, code]);
    }
    expect(await handshake(signRs256(keys.trusted, claims('prod-user')))).toBe('connected');
  }, 30_000);
});

function handshake(token: string): Promise<string> {
  const socket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err: Error & { data?: { code: string } }) => {
      socket.close();
      resolve(err.data?.code ?? err.message);
    });
  });
}
