/**
 * Authentication for the API: Firebase ID tokens verified by firebase-admin (the Auth Emulator
 * locally). Import from here; the files under ./auth/ are its parts.
 */
export type { AuthUser, AuthVerifier } from './auth/types.js';
export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode } from './auth/errors.js';
export { bearerFromHeader } from './auth/bearer.js';
export { createFirebaseVerifier, type FirebaseVerifier, type FirebaseVerifierOptions } from './auth/firebase-verifier.js';
export { requireUser, socketAuth, SocketAuthError, type AuthenticatableSocket, type SocketAuthErrorData } from './auth/middleware.js';
