/**
 * AuthVerifier backed by firebase-admin.
 *
 * What is checked, in production (FIREBASE_AUTH_EMULATOR_HOST unset):
 *   RS256 signature against Google's published keys (matching `kid`), `exp`, `iat` and `auth_time`
 *   not more than `maxClockSkewSec` in the future (our check; firebase-admin skips it), `aud` = project
 *   id, `iss` = https://securetoken.google.com/<project>, non-empty `sub`; then (checkRevoked) the
 *   user is fetched: it must exist, not be disabled, and the token must not predate a revocation.
 *
 * What is checked with the Auth Emulator (FIREBASE_AUTH_EMULATOR_HOST set):
 *   the emulator issues UNSIGNED tokens (`alg: none`) and firebase-admin accepts only those — there
 *   is no signature to check, so anyone who can reach the API can mint a token for any uid.
 *   Still enforced: JWT shape, `exp`, `aud`, `iss`, `sub`, and — always, in emulator mode — a user
 *   lookup in the emulator, so a forged token names a real, enabled, non-revoked user or fails.
 *   Tokens signed with any key are rejected (there is no key to check them against).
 * Hence emulator mode is refused when NODE_ENV=production.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:http';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { AppError } from '../errors.js';
import { parseJwtHeader } from './bearer.js';
import { AuthError, mapFirebaseAuthError } from './errors.js';
import type { AuthUser, AuthVerifier } from './types.js';

export interface FirebaseVerifierOptions {
  projectId: string;
  /**
   * Also look the user up on every call (deleted / disabled / revoked → `auth_invalid`). Default
   * true: costs one Identity Toolkit request per verification, in exchange for a deleted or
   * banned user losing access at once instead of up to an hour later when the token expires.
   * firebase-admin always does this lookup in emulator mode regardless.
   */
  checkRevoked?: boolean;
  /**
   * Agent for firebase-admin's HTTPS calls (Google's signing keys, user lookups): an outbound proxy
   * in production, or a local key server in the tests that check real signature verification.
   */
  httpAgent?: Agent;
  /**
   * How far in the future a token's `iat` (and `auth_time`) may be, for clocks that disagree a
   * little. Beyond it the token is refused (`auth_invalid`): firebase-admin checks `exp` only.
   * Default 60 s.
   */
  maxClockSkewSec?: number;
}

export interface FirebaseVerifier extends AuthVerifier {
  /** Releases the firebase-admin app (its HTTP agents); the verifier must not be used afterwards. */
  close(): Promise<void>;
}

const emulatorMode = (): boolean => Boolean(process.env.FIREBASE_AUTH_EMULATOR_HOST);

/**
 * Creates a verifier with its own NAMED firebase-admin app, so several verifiers (one per test,
 * or per project) coexist in one process without touching the default app.
 * FIREBASE_AUTH_EMULATOR_HOST must already have its final value: firebase-admin fixes the
 * emulator address when the Auth instance is created here.
 */
export function createFirebaseVerifier(options: FirebaseVerifierOptions): FirebaseVerifier {
  if (options.projectId.trim() === '') throw new AppError('config_invalid', 'Firebase projectId is required', 500);
  if (emulatorMode() && process.env.NODE_ENV === 'production') {
    throw new AppError('config_invalid', 'FIREBASE_AUTH_EMULATOR_HOST is set with NODE_ENV=production: emulator tokens are unsigned', 500);
  }
  const checkRevoked = options.checkRevoked ?? true;
  const maxSkewSec = options.maxClockSkewSec ?? 60;
  // No credential: the emulator needs none, and in production firebase-admin falls back to
  // Application Default Credentials (workload identity on AKS, GOOGLE_APPLICATION_CREDENTIALS).
  const app: App = initializeApp({ projectId: options.projectId, ...(options.httpAgent && { httpAgent: options.httpAgent }) }, `interview-buddy-auth-${randomUUID()}`);
  const auth: Auth = getAuth(app);

  return {
    async verify(idToken: string): Promise<AuthUser> {
      if (idToken.trim() === '') throw new AuthError('auth_missing');
      const header = parseJwtHeader(idToken);
      // firebase-admin already refuses non-RS256 outside the emulator; checking here as well keeps
      // that guarantee if the SDK's emulator detection or defaults ever change.
      if (header.alg.toLowerCase() === 'none' && !emulatorMode()) throw new AuthError('auth_invalid', 'unsigned token');
      let decoded;
      try {
        decoded = await auth.verifyIdToken(idToken, checkRevoked);
      } catch (err) {
        throw mapFirebaseAuthError(err);
      }
      // A token "issued" in the future is forged or from a badly wrong clock; it would also outlive
      // a revocation check that compares issue times. Refuse it beyond a small skew.
      const latest = Math.floor(Date.now() / 1000) + maxSkewSec;
      if (decoded.iat > latest || (typeof decoded.auth_time === 'number' && decoded.auth_time > latest)) {
        throw new AuthError('auth_invalid', 'issued_in_future');
      }
      return decoded.email === undefined ? { uid: decoded.uid } : { uid: decoded.uid, email: decoded.email };
    },
    close: () => deleteApp(app),
  };
}
