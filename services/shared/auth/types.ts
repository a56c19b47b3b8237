/** The caller as established from a verified Firebase ID token. `uid` scopes every key and room. */
export interface AuthUser {
  uid: string;
  email?: string;
}

/**
 * Turns a raw ID token into the user it was issued to.
 * Contract: resolves only for a token that is currently valid for an existing, enabled user;
 * otherwise rejects with an AppError whose code is one of AUTH_ERROR_CODES (401), or
 * `auth_unavailable` (503) when the identity backend cannot be reached — a retry may succeed,
 * so clients must not treat it as "signed out". Safe to call concurrently.
 */
export interface AuthVerifier {
  verify(idToken: string): Promise<AuthUser>;
}
