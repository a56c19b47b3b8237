/**
 * Test helpers around the Firebase Auth Emulator: one emulator per test file, real accounts made
 * through its REST API, and forged tokens for attack tests.
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { getDevToken } from '../../scripts/dev-token.js';
import { startAuthEmulator, type AuthEmulator, type AuthEmulatorOptions } from '../../scripts/firebase-emulator.js';

export interface AuthEmulatorContext {
  readonly host: string;
  readonly projectId: string;
  /** Spawn-to-ready time of this file's emulator, for reporting. */
  readonly startupMs: number;
  /** The running emulator, e.g. to stop it early in a restart test. */
  readonly emulator: AuthEmulator;
}

/**
 * Starts one emulator in beforeAll (pointing FIREBASE_AUTH_EMULATOR_HOST at it) and stops it in
 * afterAll, restoring the previous variable. Read the returned fields inside tests/hooks only.
 */
export function withAuthEmulator(options: AuthEmulatorOptions = {}): AuthEmulatorContext {
  let emulator: AuthEmulator | undefined;
  const previousHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  const running = (): AuthEmulator => {
    if (emulator === undefined) throw new Error('withAuthEmulator: read its fields inside a test, after beforeAll');
    return emulator;
  };
  beforeAll(async () => {
    emulator = await startAuthEmulator(options);
    process.env.FIREBASE_AUTH_EMULATOR_HOST = emulator.host;
    // Start-up dominates these suites' run time; keep it visible so a regression gets noticed.
    process.stderr.write(`[auth emulator] ${expect.getState().testPath ?? ''}: start-up took ${emulator.startupMs} ms\n`);
  }, 90_000);
  afterAll(async () => {
    await emulator?.stop();
    if (previousHost === undefined) delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
    else process.env.FIREBASE_AUTH_EMULATOR_HOST = previousHost;
  }, 30_000);
  return {
    get host() { return running().host; },
    get projectId() { return running().projectId; },
    get startupMs() { return running().startupMs; },
    get emulator() { return running(); },
  };
}

export interface TestAccount {
  idToken: string;
  uid: string;
  email: string;
}

/** Creates (or signs into) an emulator account; a fresh random email by default. */
export async function signUp(email = `user-${randomUUID()}@example.test`): Promise<TestAccount> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('signUp: FIREBASE_AUTH_EMULATOR_HOST is not set (use withAuthEmulator())');
  return { ...(await getDevToken(email, host)), email };
}

// ---- token forgers (attack tests) ----------------------------------------------------------------

type Claims = Record<string, unknown>;

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeClaims(token: string): Claims {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('decodeClaims: not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
}

/** What the emulator itself issues: `alg: none`, empty signature. */
function unsignedToken(claims: Claims): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Well-formed ID-token claims for `uid` in `projectId`, valid for the next hour. */
export function idTokenClaims(uid: string, projectId: string): Claims {
  const now = nowSeconds();
  return {
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    auth_time: now,
    user_id: uid,
    sub: uid,
    iat: now,
    exp: now + 3600,
    firebase: { identities: {}, sign_in_provider: 'custom' },
  };
}

/** The same user's token, but issued two hours ago and expired an hour ago. */
export function forgeExpiredToken(idToken: string): string {
  const past = nowSeconds() - 7200;
  return unsignedToken({ ...decodeClaims(idToken), auth_time: past, iat: past, exp: past + 3600 });
}

/** The same user's token, but issued `aheadSec` seconds in the future (a skewed or forged clock). */
export function forgeFutureToken(idToken: string, aheadSec: number): string {
  const at = nowSeconds() + aheadSec;
  return unsignedToken({ ...decodeClaims(idToken), iat: at, exp: at + 3600 });
}

/** The same user's token, but minted for another Firebase project (aud and iss). */
export function forgeWrongProjectToken(idToken: string, otherProjectId = 'demo-someone-else'): string {
  return unsignedToken({
    ...decodeClaims(idToken),
    aud: otherProjectId,
    iss: `https://securetoken.google.com/${otherProjectId}`,
  });
}

let attackerKey: KeyObject | undefined;

/** Valid claims of `idToken`, signed RS256 with a freshly generated key nobody trusts. */
export function forgeRs256Token(idToken: string): string {
  attackerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const signingInput = `${b64url({ alg: 'RS256', kid: randomUUID(), typ: 'JWT' })}.${b64url(decodeClaims(idToken))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(attackerKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** An `alg: none` token with otherwise valid claims, for `uid` (by default one that never existed). */
export function forgeUnsignedToken(projectId: string, uid = `ghost-${randomUUID()}`.slice(0, 28)): string {
  return unsignedToken(idTokenClaims(uid, projectId));
}
