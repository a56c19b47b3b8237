import { AppError, TransientError } from '../errors.js';

/** Stable codes a client can branch on; messages are for humans and may change. */
export const AUTH_ERROR_CODES = ['auth_missing', 'auth_malformed', 'auth_expired', 'auth_invalid'] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

const MESSAGES: Record<AuthErrorCode, string> = {
  auth_missing: 'A Firebase ID token is required (Authorization: Bearer <token>).',
  auth_malformed: 'The credentials are not a Bearer Firebase ID token.',
  auth_expired: 'The ID token has expired; get a fresh one and retry.',
  // Deliberately one message for bad signature, wrong project, revoked, disabled and deleted users:
  // telling them apart would help an attacker probe which accounts exist.
  auth_invalid: 'The ID token is not valid.',
};

export class AuthError extends AppError {
  constructor(code: AuthErrorCode, reason?: string) {
    // `reason` (e.g. the firebase-admin error code) is for logs only, never a token or claim value.
    super(code, MESSAGES[code], 401, reason === undefined ? undefined : { reason });
  }
}

/** The identity backend (emulator, Google's key or user endpoints) could not answer. */
export const authUnavailable = (reason: string): TransientError =>
  new TransientError('auth_unavailable', `Sign-in could not be checked right now (${reason}); retry shortly.`);

// firebase-admin codes meaning "this token must not be accepted", as opposed to "could not check".
const INVALID_TOKEN_CODES = new Set([
  'auth/argument-error', // bad signature, wrong aud/iss, wrong alg, missing kid, undecodable
  'auth/invalid-id-token',
  'auth/id-token-revoked',
  'auth/user-disabled',
  'auth/user-not-found', // deleted user, or a forged token for a uid that never existed
]);

/** Translates a firebase-admin verifyIdToken failure into our typed errors. */
export function mapFirebaseAuthError(err: unknown): AppError {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'auth/id-token-expired') return new AuthError('auth_expired', code);
  if (code === 'auth/argument-error' && /fetching public keys/i.test(message)) {
    // firebase-admin reports a failed download of Google's signing keys with the same code as a bad
    // token; only the message tells them apart. Without this, a network blip would sign everyone out.
    return authUnavailable('signing keys unreachable');
  }
  if (typeof code === 'string' && INVALID_TOKEN_CODES.has(code)) return new AuthError('auth_invalid', code);
  return authUnavailable(typeof code === 'string' ? code : 'unexpected error');
}
