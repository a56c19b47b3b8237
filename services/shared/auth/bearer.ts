import { AuthError } from './errors.js';

// Firebase ID tokens are ~1 KB (custom claims are capped at 1000 bytes); anything far larger is
// not one, and refusing it early keeps a hostile header from costing a base64 + JSON decode.
const MAX_TOKEN_CHARS = 8_192;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Extracts the token from an Authorization header value (RFC 6750 `Bearer <token>`, scheme
 * case-insensitive per RFC 9110). Throws `auth_missing` when there is nothing, `auth_malformed`
 * for any other scheme or shape.
 */
export function bearerFromHeader(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new AuthError('auth_missing');
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (match?.[1] === undefined) throw new AuthError('auth_malformed', 'not a Bearer credential');
  return match[1];
}

export interface JwtHeader {
  alg: string;
  kid?: string;
}

/**
 * Checks that a token is a compact JWS whose header and payload are JSON objects, and returns the
 * header. This is shape only — nothing here is trusted; the signature and claims are checked by
 * firebase-admin afterwards.
 */
export function parseJwtHeader(token: string): JwtHeader {
  if (token.length > MAX_TOKEN_CHARS || !JWT_SHAPE.test(token)) {
    throw new AuthError('auth_malformed', 'not a compact JWT');
  }
  const [headerPart = '', payloadPart = ''] = token.split('.');
  const header = decodeJsonObject(headerPart);
  const payload = decodeJsonObject(payloadPart);
  if (header === undefined || payload === undefined || typeof header.alg !== 'string') {
    throw new AuthError('auth_malformed', 'JWT header or payload is not a JSON object');
  }
  return { alg: header.alg, ...(typeof header.kid === 'string' ? { kid: header.kid } : {}) };
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
