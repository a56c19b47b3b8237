/**
 * The API contract findings of issue 18, through the real app: 405 + Allow for undeclared methods,
 * tus refusals in the JSON error shape, a required body that is missing, blank strings.
 * (test/contract/schemathesis.test.ts checks the whole document; these pin the specific answers.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiClient, type RunningApp, startTestApp } from '../helpers/app.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

withAuthEmulator();
let run: RunningApp;
let token: string;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  run = await startTestApp();
  token = (await signUp()).idToken;
  api = apiClient(run.base, token);
}, 60_000);
afterAll(async () => run?.stop());

const tus = (url: string, method: string, headers: Record<string, string> = {}) =>
  fetch(run.base + url, { method, headers: { authorization: `Bearer ${token}`, ...headers } });
const meta = (id: string) => `interviewId ${Buffer.from(id).toString('base64')}`;
const jsonError = async (r: Response) => {
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await r.json()) as { error: { code: string; message: string } }).error;
};

describe('undeclared methods', () => {
  it.each([
    ['PUT', '/api/v1/trends', 'GET, HEAD, OPTIONS'],
    ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/v1/settings', 'GET, PUT, HEAD, OPTIONS'],
    ['GET', '/files/', 'POST, OPTIONS'],
    ['GET', '/files/00000000-0000-4000-8000-000000000000--000000000000000000000000', 'DELETE, HEAD, PATCH, OPTIONS'],
  ])('%s %s → 405 with Allow: %s', async (method, path, allow) => {
    const r = await fetch(run.base + path, { method, headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe(allow);
    expect((await jsonError(r)).code).toBe('method_not_allowed');
  });

  it('leaves unknown paths and listed methods alone', async () => {
    expect((await api('PUT', '/api/v1/nothing-here')).status).toBe(404);
    expect((await fetch(`${run.base}/api/v1/trends`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${run.base}/files/`, { method: 'OPTIONS' })).status).toBe(204);
  });
});

describe('tus refusals are JSON with a code, at the tus status', () => {
  it('a bad Upload-Length, a missing Tus-Resumable, a bad PATCH Content-Type', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'tus errors' });
    const badLength = await tus('/files/', 'POST', { 'tus-resumable': '1.0.0', 'upload-length': 'ten', 'upload-metadata': meta(body.id) });
    expect(badLength.status).toBe(400);
    expect(await jsonError(badLength)).toEqual({ code: 'invalid_header', message: 'Invalid upload-length' });

    const noVersion = await tus('/files/', 'POST', { 'upload-length': '10', 'upload-metadata': meta(body.id) });
    expect([noVersion.status, (await jsonError(noVersion)).code]).toEqual([400, 'tus_resumable_required']);

    const created = await tus('/files/', 'POST', { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': meta(body.id) });
    expect(created.status).toBe(201);
    const patch = await tus(created.headers.get('location')!, 'PATCH', { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'text/plain' });
    expect(patch.status).toBe(400);
    expect(await jsonError(patch)).toEqual({ code: 'invalid_header', message: 'Invalid content-type' });
  });
});

describe('request bodies', () => {
  it('PUT /settings without a body is 400 missing_body; {} keeps the settings', async () => {
    const r = await fetch(`${run.base}/api/v1/settings`, { method: 'PUT', headers: { authorization: `Bearer ${token}` } });
    expect([r.status, (await jsonError(r)).code]).toEqual([400, 'missing_body']);
    expect((await api('PUT', '/api/v1/settings', {})).status).toBe(200);
  });

  it('a whitespace-only title is refused, as the document\'s pattern says', async () => {
    for (const title of [' ', '\u00a0\t', '\ufeff']) {
      const r = await api('POST', '/api/v1/interviews', { title });
      expect([JSON.stringify(title), r.status, r.body.error.code]).toEqual([JSON.stringify(title), 400, 'invalid_request']);
    }
    expect((await api('POST', '/api/v1/interviews', { title: ' Mock interview ' })).status).toBe(201);
  });
});
