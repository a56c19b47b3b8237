/**
 * Property-based fuzzing of everything that reads a request before a handler does: the zod body
 * schemas (through parseBody, as the routes call them), the tus Upload-Metadata parser and the
 * Authorization header / JWT shape checks. On arbitrary input each either accepts a value that
 * satisfies its schema or throws its own 4xx error with a stable code and a message — never
 * another exception (which the API would answer with a 500). Seeds are fixed per property.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { z } from 'zod';
import { AUTH_ERROR_CODES, AuthError, bearerFromHeader } from '../../../services/shared/auth.js';
import { parseJwtHeader } from '../../../services/shared/auth/bearer.js';
import { preferencesBody } from '../../../services/api/notifications.routes.js';
import { createInterviewBody, parseBody, reanalyzeBody, settingsBody, updateInterviewBody } from '../../../services/api/validation.js';
import { createWebhookBody, updateWebhookBody } from '../../../services/api/webhooks.routes.js';
import { AppError } from '../../../services/shared/errors.js';
import { parseUploadMetadata } from '../../../services/upload/tus.metadata.js';
import { fuzzParams, thrown, timed } from './fuzz-settings.js';

const SCHEMAS: Record<string, z.ZodType> = { createInterviewBody, updateInterviewBody, reanalyzeBody, settingsBody, createWebhookBody, updateWebhookBody, preferencesBody };
const KNOWN_KEYS = ['title', 'role', 'company', 'prepNotes', 'candidateSpeaker', 'model', 'analysisModel', 'url', 'events', 'enabled', 'description', 'email'];

/** Values that sit at the edges of what the schemas accept. */
const edgyValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', ' ', '\u00a0\t\n', 'auto', 'gpt-4o', 'interview.completed', 'interview.exploded', 'http://127.0.0.1/x', 'x'.repeat(201), 'y'.repeat(20_001), '\u0000', '../../etc/passwd'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.constantFrom('interview.completed', 'interview.failed', 'nope', 1, null), { maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const nearValid = fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')), edgyValue, { maxKeys: 6 });
const anyBody = fc.oneof(
  nearValid,
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withTypedArray: true, withSparseArray: true, withDate: true }),
);

function checkParse(name: string, body: unknown): void {
  const r = timed(() => parseBody(SCHEMAS[name]!, body));
  expect(r.ms).toBeLessThan(500);
  if (r.error === undefined) {
    // Accepted values are what the schema promises, and stable under a second pass.
    expect(SCHEMAS[name]!.safeParse(r.value).success).toBe(true);
    expect(() => JSON.stringify(r.value)).not.toThrow();
    return;
  }
  const e = r.error as AppError;
  if (body === undefined && e instanceof AppError && e.code === 'missing_body' && e.status === 400) return;
  if (!(e instanceof AppError) || e.code !== 'invalid_request' || e.status !== 400) throw new Error(`${name} threw ${String(r.error)}`);
  const fields = (e.details as { fields: { field: string; message: string }[] }).fields;
  expect(fields.length).toBeGreaterThan(0);
  for (const f of fields) expect(typeof f.field === 'string' && typeof f.message === 'string' && f.message.length > 0).toBe(true);
  expect(e.message.length).toBeGreaterThan(0);
}

const nested = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
};

describe('request body schemas', () => {
  it.each(Object.keys(SCHEMAS))('%s: any value → the parsed body or 400 invalid_request with the fields', (name) => {
    fc.assert(fc.property(anyBody, (body) => checkParse(name, body)), fuzzParams(7201, 400));
  });

  it.each(Object.keys(SCHEMAS))('%s: JSON text as express.json would parse it', (name) => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 4 }), nearValid.map((o) => JSON.stringify(o))), (text) => {
        checkParse(name, JSON.parse(text));
        expect(({} as Record<string, unknown>).title).toBeUndefined(); // no prototype pollution
      }),
      fuzzParams(7202, 300),
    );
  });

  it.each(Object.keys(SCHEMAS))('%s: 10,000 levels of nesting → 400, quickly', (name) => {
    for (const deep of [nested(10_000, 'x', (v) => ({ title: v })), nested(10_000, 1, (v) => [v]), { events: nested(10_000, 'x', (v) => [v]), url: nested(10_000, 'x', (v) => ({ a: v })) }]) {
      checkParse(name, deep);
    }
    // As the server gets it: JSON text (JSON.parse does not recurse; JSON.stringify would).
    const n = 10_000;
    for (const text of [`${'{"title":'.repeat(n)}"x"${'}'.repeat(n)}`, `{"events":${'['.repeat(n)}${']'.repeat(n)},"url":"http://x"}`]) {
      checkParse(name, JSON.parse(text));
    }
  });

  it('createInterviewBody accepts every valid body and trims it', () => {
    // Limits count the string as sent, padding included: leave room for the two padding characters.
    const field = (max: number) => fc.string({ minLength: 1, maxLength: max - 4 }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.record({ title: field(200), role: field(200), company: field(200), prepNotes: field(2000) }, { requiredKeys: ['title'] }), fc.constantFrom('', ' ', '\n\t'), (body, ws) => {
        const padded = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, `${ws}${v}${ws}`]));
        expect(parseBody(createInterviewBody, padded)).toEqual(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v.trim()])));
      }),
      fuzzParams(7203, 300),
    );
  });
});

describe('tus Upload-Metadata', () => {
  const pair = fc.tuple(fc.oneof(fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.string({ maxLength: 6 })), fc.oneof(fc.string({ maxLength: 40 }).map((s) => Buffer.from(s).toString('base64')), fc.string({ maxLength: 20 }), fc.constant('')));
  const header = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.tuple(fc.array(pair, { maxLength: 6 }), fc.constantFrom(',', ', ', ',,')).map(([ps, sep]) => ps.map(([k, v]) => (v ? `${k} ${v}` : k)).join(sep)));

  it('any header → key/value strings or 400 invalid_metadata', () => {
    fc.assert(
      fc.property(header, (h) => {
        const err = thrown(() => parseUploadMetadata(h));
        if (err === undefined) {
          for (const [k, v] of Object.entries(parseUploadMetadata(h))) expect(typeof k === 'string' && k.length > 0 && typeof v === 'string').toBe(true);
        } else {
          expect(err).toBeInstanceOf(AppError);
          expect(err).toMatchObject({ code: 'invalid_metadata', status: 400 });
        }
      }),
      fuzzParams(7301, 500),
    );
  });

  it('round-trips any file name, however hostile, as inert text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', 'a\u0000b.mp4', '%2e%2e%2f')), (name) => {
        const h = `interviewId ${Buffer.from('x').toString('base64')},filename ${Buffer.from(name).toString('base64')}`;
        expect(parseUploadMetadata(h).filename).toBe(Buffer.from(Buffer.from(name).toString('base64'), 'base64').toString('utf8'));
      }),
      fuzzParams(7302, 300),
    );
  });
});

describe('Authorization header and JWT shape', () => {
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const jwtish = fc.tuple(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string()), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string()), fc.string({ maxLength: 30 })).map(([h, p, s]) => `${b64(h)}.${b64(p)}.${s}`);
  const headerValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), jwtish.map((t) => `Bearer ${t}`), fc.constantFrom('Bearer', 'bearer  a.b.c', 'Basic x', 'Bearer a.b.c d', ' '), fc.constant(undefined));

  const isAuthError = (err: unknown) => err instanceof AuthError && err.status === 401 && (AUTH_ERROR_CODES as readonly string[]).includes(err.code);

  it('bearerFromHeader: a token or 401 auth_missing / auth_malformed', () => {
    fc.assert(
      fc.property(headerValue, (h) => {
        const err = thrown(() => bearerFromHeader(h));
        if (err !== undefined) expect(isAuthError(err)).toBe(true);
        else expect(bearerFromHeader(h)).toMatch(/^\S+$/);
      }),
      fuzzParams(7401, 500),
    );
  });

  it('parseJwtHeader: an {alg} header or 401 auth_malformed', () => {
    fc.assert(
      fc.property(fc.oneof(jwtish, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ minLength: 8000, maxLength: 9000 })), (t) => {
        const err = thrown(() => parseJwtHeader(t));
        if (err !== undefined) expect([isAuthError(err), (err as AuthError).code]).toEqual([true, 'auth_malformed']);
        else expect(typeof parseJwtHeader(t).alg).toBe('string');
      }),
      fuzzParams(7402, 500),
    );
  });
});
