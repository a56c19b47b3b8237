import { describe, expect, it } from '@jest/globals';
import { AuthError, bearerFromHeader } from '../../../services/shared/auth.js';
import { parseJwtHeader } from '../../../services/shared/auth/bearer.js';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).status).toBe(401);
    return (err as AuthError).code;
  }
  throw new Error('expected a throw');
};

const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = `${part({ alg: 'RS256', kid: 'k1' })}.${part({ sub: 'u1' })}.c2ln`;

describe('bearerFromHeader', () => {
  it('returns the token of a Bearer credential, scheme case-insensitive', () => {
    expect(bearerFromHeader(`Bearer ${jwt}`)).toBe(jwt);
    expect(bearerFromHeader(`bearer ${jwt}`)).toBe(jwt);
    expect(bearerFromHeader(`BEARER  ${jwt} `)).toBe(jwt);
  });

  it.each([undefined, '', '   '])('answers auth_missing for %p', (header) => {
    expect(codeOf(() => bearerFromHeader(header))).toBe('auth_missing');
  });

  it.each(['Bearer', 'Bearer ', `Basic ${jwt}`, jwt, `Bearer ${jwt} extra`, `Bearer\t${jwt}`, `Token ${jwt}`])(
    'answers auth_malformed for %p',
    (header) => {
      expect(codeOf(() => bearerFromHeader(header))).toBe('auth_malformed');
    },
  );
});

describe('parseJwtHeader', () => {
  it('returns alg and kid of a compact JWT', () => {
    expect(parseJwtHeader(jwt)).toEqual({ alg: 'RS256', kid: 'k1' });
    expect(parseJwtHeader(`${part({ alg: 'none' })}.${part({})}.`)).toEqual({ alg: 'none' });
  });

  it.each([
    ['not a JWT', 'not-a-jwt'],
    ['two parts', `${part({ alg: 'RS256' })}.${part({})}`],
    ['four parts', `${jwt}.x`],
    ['non-base64url characters', `${part({ alg: 'RS256' })}.${part({})}.a+b/c=`],
    ['header not JSON', `bm90anNvbg.${part({})}.x`],
    ['header a JSON array', `${part(['RS256'])}.${part({})}.x`],
    ['payload not an object', `${part({ alg: 'RS256' })}.${part('str')}.x`],
    ['alg missing', `${part({ typ: 'JWT' })}.${part({})}.x`],
    ['absurdly long', `${part({ alg: 'RS256' })}.${'a'.repeat(10_000)}.x`],
  ])('answers auth_malformed for %s', (_name, token) => {
    expect(codeOf(() => parseJwtHeader(token))).toBe('auth_malformed');
  });
});
