import { describe, expect, it } from '@jest/globals';
import { mapFirebaseAuthError } from '../../../services/shared/auth/errors.js';

// Shaped like firebase-admin's FirebaseAuthError (an Error with a prefixed `code`); the integration
// tests check the real SDK produces these codes for the real failures.
const firebaseError = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('mapFirebaseAuthError', () => {
  it('maps expiry to auth_expired', () => {
    const mapped = mapFirebaseAuthError(firebaseError('auth/id-token-expired'));
    expect([mapped.code, mapped.status]).toEqual(['auth_expired', 401]);
  });

  it.each(['auth/argument-error', 'auth/invalid-id-token', 'auth/id-token-revoked', 'auth/user-disabled', 'auth/user-not-found'])(
    'maps %s to auth_invalid and keeps the SDK code as the reason',
    (code) => {
      const mapped = mapFirebaseAuthError(firebaseError(code));
      expect([mapped.code, mapped.status, mapped.details]).toEqual(['auth_invalid', 401, { reason: code }]);
    },
  );

  it('treats a failed download of Google signing keys as unavailable, not as a bad token', () => {
    const mapped = mapFirebaseAuthError(firebaseError('auth/argument-error', 'Error fetching public keys for Google certs: getaddrinfo ENOTFOUND'));
    expect([mapped.code, mapped.status]).toEqual(['auth_unavailable', 503]);
  });

  it.each([firebaseError('auth/internal-error'), firebaseError('app/network-error'), new Error('socket hang up'), 'weird'])(
    'maps other failures (%p) to auth_unavailable 503',
    (err) => {
      const mapped = mapFirebaseAuthError(err);
      expect([mapped.code, mapped.status]).toEqual(['auth_unavailable', 503]);
    },
  );
});
