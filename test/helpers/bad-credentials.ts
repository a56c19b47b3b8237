/**
 * Credentials that must never authenticate, each with the 401 code the API answers for it. Built
 * from a real victim's token so that only the one defect named differs from a working credential.
 */
import { createHmac } from 'node:crypto';
import { decodeClaims, forgeExpiredToken, forgeRs256Token, forgeUnsignedToken, forgeWrongProjectToken } from './firebase.js';

export interface BadCredential {
  name: string;
  /** Authorization header value; undefined = no header. */
  header: string | undefined;
  /** What a socket.io client would put in `auth.token` for the same attempt. */
  socketToken: unknown;
  code: 'auth_missing' | 'auth_malformed' | 'auth_expired' | 'auth_invalid';
}

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const unsigned = (claims: object): string => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;

/** Tokens of accounts that existed but no longer may sign in (deleted, disabled, revoked). */
export type RetiredTokens = Partial<Record<'deleted' | 'disabled' | 'revoked', string>>;

export function badCredentials(victimToken: string, projectId: string, retired: RetiredTokens = {}): BadCredential[] {
  const claims = decodeClaims(victimToken);
  const bearer = (name: string, token: string, code: BadCredential['code']): BadCredential => ({ name, header: `Bearer ${token}`, socketToken: token, code });
  const list: BadCredential[] = [
    { name: 'no Authorization header', header: undefined, socketToken: undefined, code: 'auth_missing' },
    { name: 'an empty Authorization header', header: '', socketToken: '', code: 'auth_missing' },
    { name: '"Bearer" with no token', header: 'Bearer', socketToken: 'Bearer', code: 'auth_malformed' },
    { name: 'Basic credentials', header: 'Basic dXNlcjpwYXNzd29yZA==', socketToken: 'Basic dXNlcjpwYXNzd29yZA==', code: 'auth_malformed' },
    { name: 'a valid token with a trailing extra word', header: `Bearer ${victimToken} extra`, socketToken: `${victimToken} extra`, code: 'auth_malformed' },
    bearer('not a JWT', 'not-a-jwt', 'auth_malformed'),
    bearer('four JWT parts', `${victimToken}.AAAA`, 'auth_malformed'),
    bearer('a JSON array as the JWT header', `${b64url([1])}.${b64url(claims)}.`, 'auth_malformed'),
    bearer('a 9,000-character token', `${'a'.repeat(4500)}.${'b'.repeat(4500)}.`, 'auth_malformed'),
    bearer('an expired token', forgeExpiredToken(victimToken), 'auth_expired'),
    bearer('RS256 signed by an attacker key', forgeRs256Token(victimToken), 'auth_invalid'),
    bearer('HS256 keyed with a guessable secret', hs256(claims, 'secret'), 'auth_invalid'),
    bearer('another Firebase project (aud and iss)', forgeWrongProjectToken(victimToken), 'auth_invalid'),
    bearer('the right audience, a foreign issuer', unsigned({ ...claims, iss: 'https://evil.example/' + projectId }), 'auth_invalid'),
    bearer('the right issuer, a foreign audience', unsigned({ ...claims, aud: 'demo-someone-else' }), 'auth_invalid'),
    bearer('an empty subject', unsigned({ ...claims, sub: '', user_id: '' }), 'auth_invalid'),
    bearer('alg none for a uid that never existed', forgeUnsignedToken(projectId), 'auth_invalid'),
  ];
  for (const [why, token] of Object.entries(retired)) list.push(bearer(`the token of a ${why} user`, token, 'auth_invalid'));
  return list;
}

function hs256(claims: object, secret: string): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
