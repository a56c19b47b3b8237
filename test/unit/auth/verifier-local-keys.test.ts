/**
 * The production verifier (no FIREBASE_AUTH_EMULATOR_HOST) against signing keys we control: a local
 * stand-in for Google's key endpoint (test/helpers/google-keys.ts). Unlike firebase-verifier.test.ts,
 * which stays on cases rejected before any key is needed, this runs firebase-admin's real signature
 * path, with a correctly signed token accepted as the control that proves the setup can pass.
 * checkRevoked is off here: the per-call user lookup needs Google credentials (the e2e suites cover
 * deleted users through the emulator).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFirebaseVerifier, type FirebaseVerifier } from '../../../services/shared/auth.js';
import { makeKeyPair, signRs256, startGoogleKeyServer, type GoogleKeyServer } from '../../helpers/google-keys.js';
import { idTokenClaims } from '../../helpers/firebase.js';

const projectId = 'demo-interview-buddy';
const uid = 'user-1';
const savedHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
let keys: GoogleKeyServer;
let verifier: FirebaseVerifier;

beforeAll(async () => {
  delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  keys = await startGoogleKeyServer();
  verifier = createFirebaseVerifier({ projectId, checkRevoked: false, httpAgent: keys.agent });
}, 30_000);
afterAll(async () => {
  await verifier?.close();
  await keys?.close();
  if (savedHost !== undefined) process.env.FIREBASE_AUTH_EMULATOR_HOST = savedHost;
});

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const claims = (over: Record<string, unknown> = {}) => ({ ...idTokenClaims(uid, projectId), ...over });
const signed = (over: Record<string, unknown> = {}, header: Record<string, unknown> = {}) => signRs256(keys.trusted, claims(over), header);

async function outcome(token: string): Promise<{ status: number; code: string } | { uid: string }> {
  try {
    return { uid: (await verifier.verify(token)).uid };
  } catch (err) {
    const e = err as { status: number; code: string };
    return { status: e.status, code: e.code };
  }
}

describe('production verification with local Google keys', () => {
  it('accepts a token signed by the published key (control) and caches the keys', async () => {
    expect(await outcome(signed())).toEqual({ uid });
    expect(await outcome(signed())).toEqual({ uid });
    expect(keys.fetches).toBe(1);
  });

  it.each<[string, string, () => string]>([
    ['alg none with valid claims', 'auth_invalid', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`],
    ['alg none with a signature part left in', 'auth_invalid', () => `${b64url({ alg: 'none', kid: keys.trusted.kid })}.${b64url(claims())}.${signed().split('.')[2]}`],
    ['signed by an unknown key under the trusted kid', 'auth_invalid', () => signRs256({ ...makeKeyPair(), kid: keys.trusted.kid }, claims())],
    ['an unknown kid', 'auth_invalid', () => signed({}, { kid: 'not-a-published-kid' })],
    ['no kid at all', 'auth_invalid', () => signed({}, { kid: undefined })],
    // Algorithm confusion: HMAC keyed with the public certificate everybody can download.
    ['HS256 keyed with the public certificate', 'auth_invalid', () => hs256(keys.trusted.certPem, { alg: 'HS256', kid: keys.trusted.kid })],
    ['ES256 in the header over an RS256 signature', 'auth_invalid', () => signed({}, { alg: 'ES256' })],
    ['a payload changed after signing (uid swapped)', 'auth_invalid', () => swapPayload(signed(), claims({ sub: 'admin', user_id: 'admin' }))],
    ['a signature cut short', 'auth_invalid', () => signed().slice(0, -10)],
    ['expired an hour ago', 'auth_expired', () => signed({ iat: now() - 7200, auth_time: now() - 7200, exp: now() - 3600 })],
    ['another project (aud and iss)', 'auth_invalid', () => signed({ aud: 'demo-someone-else', iss: 'https://securetoken.google.com/demo-someone-else' })],
    ['the right aud but a foreign issuer', 'auth_invalid', () => signed({ iss: 'https://evil.example/demo-interview-buddy' })],
    ['the right iss but a foreign audience', 'auth_invalid', () => signed({ aud: 'demo-someone-else' })],
    ['an empty subject', 'auth_invalid', () => signed({ sub: '', user_id: '' })],
    ['a subject over 128 characters', 'auth_invalid', () => signed({ sub: 'u'.repeat(129) })],
    ['a non-string subject', 'auth_invalid', () => signed({ sub: 42 })],
  ])('rejects %s → 401 %s', async (_name, code, make) => {
    expect(await outcome(make())).toEqual({ status: 401, code });
  });

  it('answers 503 auth_unavailable, not 401, while the keys cannot be fetched', async () => {
    // A fresh verifier has no cached keys, so it must fetch them and fail.
    const cold = createFirebaseVerifier({ projectId, checkRevoked: false, httpAgent: keys.agent });
    keys.failing = true;
    try {
      await expect(cold.verify(signed())).rejects.toMatchObject({ status: 503, code: 'auth_unavailable' });
      // Shape checks still answer without the keys.
      await expect(cold.verify('not-a-jwt')).rejects.toMatchObject({ status: 401, code: 'auth_malformed' });
    } finally {
      keys.failing = false;
      await cold.close();
    }
  });
});

const now = (): number => Math.floor(Date.now() / 1000);
function hs256(secret: string, header: Record<string, unknown>): string {
  const input = `${b64url({ typ: 'JWT', ...header })}.${b64url(claims())}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function swapPayload(token: string, payload: object): string {
  const [h, , s] = token.split('.');
  return `${h}.${b64url(payload)}.${s}`;
}
