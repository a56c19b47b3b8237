import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { createFirebaseVerifier, type FirebaseVerifier } from '../../../services/shared/auth.js';
import {
  forgeExpiredToken,
  forgeFutureToken,
  forgeRs256Token,
  forgeUnsignedToken,
  forgeWrongProjectToken,
  signUp,
  withAuthEmulator,
} from '../../helpers/firebase.js';
import { freePort } from '../../helpers/ports.js';

const emulator = withAuthEmulator();
let verifier: FirebaseVerifier;
let adminApp: App; // a separate admin app to delete/disable users behind the verifier's back
let admin: Auth;

beforeAll(() => {
  verifier = createFirebaseVerifier({ projectId: emulator.projectId });
  adminApp = initializeApp({ projectId: emulator.projectId }, 'verifier-test-admin');
  admin = getAuth(adminApp);
});
afterAll(async () => {
  await verifier?.close();
  if (adminApp) await deleteApp(adminApp);
});

type Rejection = { code: string; status: number; reason?: unknown };
// `reason` is firebase-admin's own code: asserting it proves the intended check fired (e.g. the
// user lookup for a deleted user) rather than some unrelated failure with the same outward code.
const rejection = async (token: string, v: FirebaseVerifier = verifier): Promise<Rejection> => {
  const err: unknown = await v.verify(token).then(() => undefined, (e: unknown) => e);
  if (err === undefined) throw new Error('expected verify() to reject');
  const { code, status, details } = err as { code: string; status: number; details?: { reason?: unknown } };
  return details?.reason === undefined ? { code, status } : { code, status, reason: details.reason };
};

describe('createFirebaseVerifier against the Auth Emulator', () => {
  it('accepts a real token and returns its uid and email', async () => {
    const account = await signUp();
    await expect(verifier.verify(account.idToken)).resolves.toEqual({ uid: account.uid, email: account.email });
  });

  it('rejects missing and malformed tokens', async () => {
    expect(await rejection('')).toEqual({ code: 'auth_missing', status: 401 });
    expect(await rejection('abc.def')).toMatchObject({ code: 'auth_malformed', status: 401 });
    expect(await rejection('Bearer x.y.z')).toMatchObject({ code: 'auth_malformed', status: 401 });
  });

  it('rejects an expired token of an existing user with auth_expired', async () => {
    const account = await signUp();
    expect(await rejection(forgeExpiredToken(account.idToken))).toEqual({ code: 'auth_expired', status: 401, reason: 'auth/id-token-expired' });
  });

  it('rejects a token issued in the future beyond a small clock skew, and allows the skew', async () => {
    const account = await signUp();
    expect(await rejection(forgeFutureToken(account.idToken, 600))).toEqual({ code: 'auth_invalid', status: 401, reason: 'issued_in_future' });
    expect(await rejection(forgeFutureToken(account.idToken, 3 * 3600))).toEqual({ code: 'auth_invalid', status: 401, reason: 'issued_in_future' });
    await expect(verifier.verify(forgeFutureToken(account.idToken, 20))).resolves.toMatchObject({ uid: account.uid });
  });

  it('rejects a token minted for another project', async () => {
    const account = await signUp();
    expect(await rejection(forgeWrongProjectToken(account.idToken))).toEqual({ code: 'auth_invalid', status: 401, reason: 'auth/argument-error' });
  });

  it('rejects a token signed RS256 with a random key', async () => {
    const account = await signUp();
    expect(await rejection(forgeRs256Token(account.idToken))).toEqual({ code: 'auth_invalid', status: 401, reason: 'auth/argument-error' });
  });

  it('rejects an unsigned token for a uid the emulator does not know', async () => {
    expect(await rejection(forgeUnsignedToken(emulator.projectId))).toEqual({ code: 'auth_invalid', status: 401, reason: 'auth/user-not-found' });
  });

  it('rejects the token of a deleted user', async () => {
    const account = await signUp();
    await verifier.verify(account.idToken);
    await admin.deleteUser(account.uid);
    expect(await rejection(account.idToken)).toEqual({ code: 'auth_invalid', status: 401, reason: 'auth/user-not-found' });
  });

  it('rejects the token of a disabled user', async () => {
    const account = await signUp();
    await admin.updateUser(account.uid, { disabled: true });
    expect(await rejection(account.idToken)).toEqual({ code: 'auth_invalid', status: 401, reason: 'auth/user-disabled' });
  });

  it('rejects a token issued before its refresh tokens were revoked', async () => {
    const account = await signUp();
    // Revocation is compared in whole seconds (auth_time vs validSince): step past auth_time's second.
    await new Promise((r) => setTimeout(r, 1_100));
    await admin.revokeRefreshTokens(account.uid);
    expect(await rejection(account.idToken)).toEqual({ code: 'auth_invalid', status: 401, reason: 'auth/id-token-revoked' });
  });

  // Pins the documented emulator weakness (see firebase-verifier.ts): no signature exists, so an
  // unsigned token naming an EXISTING uid passes. If this starts failing, firebase-admin changed
  // its emulator behaviour and the comment there must be revisited.
  it('in emulator mode, accepts an unsigned token for an existing uid (known, by design)', async () => {
    const account = await signUp();
    await expect(verifier.verify(forgeUnsignedToken(emulator.projectId, account.uid))).resolves.toEqual({ uid: account.uid });
  });

  it('answers auth_unavailable (503), not 401, when the emulator cannot be reached', async () => {
    const account = await signUp();
    const liveHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
    process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${await freePort()}`; // nothing listens there
    const offline = createFirebaseVerifier({ projectId: emulator.projectId });
    try {
      expect(await rejection(account.idToken, offline)).toEqual({ code: 'auth_unavailable', status: 503 });
    } finally {
      process.env.FIREBASE_AUTH_EMULATOR_HOST = liveHost;
      await offline.close();
    }
  });
});
