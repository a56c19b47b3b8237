// Production mode (no FIREBASE_AUTH_EMULATOR_HOST): only cases firebase-admin rejects before it
// needs Google's signing keys, so these run offline. Signature checks against real keys are not
// testable here (no internet) — see the integration tests for the emulator side.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFirebaseVerifier, type FirebaseVerifier } from '../../../services/shared/auth.js';
import { forgeRs256Token, forgeUnsignedToken, idTokenClaims } from '../../helpers/firebase.js';

const projectId = 'demo-interview-buddy';
const savedHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
let verifier: FirebaseVerifier;

const unsignedFrom = (claims: Record<string, unknown>): string =>
  `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

beforeAll(() => {
  delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  verifier = createFirebaseVerifier({ projectId });
});
afterAll(async () => {
  await verifier.close();
  if (savedHost !== undefined) process.env.FIREBASE_AUTH_EMULATOR_HOST = savedHost;
});

const codeOf = async (token: string): Promise<string> => {
  const err: unknown = await verifier.verify(token).then(() => undefined, (e: unknown) => e);
  if (err === undefined) throw new Error('expected verify() to reject');
  expect((err as { status: number }).status).toBe(401);
  return (err as { code: string }).code;
};

describe('createFirebaseVerifier outside the emulator', () => {
  it('rejects alg:none tokens, even with valid claims', async () => {
    expect(await codeOf(forgeUnsignedToken(projectId, 'some-uid'))).toBe('auth_invalid');
    // Case variants must not slip through the check.
    const claims = idTokenClaims('some-uid', projectId);
    const variant = unsignedFrom(claims).replace(
      Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url'),
      Buffer.from('{"alg":"NONE","typ":"JWT"}').toString('base64url'),
    );
    expect(await codeOf(variant)).toBe('auth_invalid');
  });

  it('rejects an RS256 token minted for another project before fetching any key', async () => {
    const otherProject = unsignedFrom(idTokenClaims('some-uid', 'demo-someone-else'));
    expect(await codeOf(forgeRs256Token(otherProject))).toBe('auth_invalid');
  });

  it('answers auth_missing and auth_malformed without calling Firebase', async () => {
    expect(await codeOf('')).toBe('auth_missing');
    expect(await codeOf('not-a-jwt')).toBe('auth_malformed');
  });

  it('refuses emulator mode when NODE_ENV=production', () => {
    const savedEnv = process.env.NODE_ENV;
    process.env.FIREBASE_AUTH_EMULATOR_HOST = '127.0.0.1:9099';
    process.env.NODE_ENV = 'production';
    try {
      expect(() => createFirebaseVerifier({ projectId })).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    } finally {
      delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
      if (savedEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = savedEnv;
    }
  });

  it('lets several verifiers coexist in one process (named apps)', async () => {
    const other = createFirebaseVerifier({ projectId: 'demo-other' });
    try {
      // The second verifier checks its own project: a token for demo-interview-buddy is wrong there.
      const token = forgeRs256Token(unsignedFrom(idTokenClaims('u', projectId)));
      await expect(other.verify(token)).rejects.toMatchObject({ code: 'auth_invalid' });
    } finally {
      await other.close();
    }
  });
});
