/**
 * Authentication shared by the api, its socket and the upload service: Firebase ID tokens verified
 * by firebase-admin (the Auth Emulator locally). Shared so no service imports another's HTTP layer.
 * Import from here; the files under ./auth/ are its parts.
 */
export type { AuthUser, AuthVerifier } from './auth/types.js';
export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode } from './auth/errors.js';
export { bearerFromHeader } from './auth/bearer.js';
export { createFirebaseVerifier, type FirebaseVerifier, type FirebaseVerifierOptions } from './auth/firebase-verifier.js';
export { requireUser, socketAuth, SocketAuthError, type AuthenticatableSocket, type SocketAuthErrorData } from './auth/middleware.js';
