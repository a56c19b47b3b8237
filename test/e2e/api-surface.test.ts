/**
 * The rest of the HTTP surface: probes, Prometheus metrics, the OpenAPI document, and the tus
 * extensions beyond plain resumable upload (creation-with-upload, termination, expiration).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, filesUnder, type RunningApp, startTestApp, tusUpload, waitForStatus } from '../helpers/app.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';

withAuthEmulator();
let run: RunningApp;
let alice: TestAccount;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  run = await startTestApp({ UPLOAD_EXPIRATION_MS: '1500', UPLOAD_SWEEP_SCHEDULE: '@every 300ms' });
  alice = await signUp();
  api = apiClient(run.base, alice.idToken);
}, 60_000);
afterAll(async () => run?.stop());

const tus = (url: string, method: string, headers: Record<string, string> = {}, body?: Buffer) =>
  fetch(url.startsWith('http') ? url : run.base + url, {
    method,
    headers: { authorization: `Bearer ${alice.idToken}`, 'tus-resumable': '1.0.0', ...headers },
    ...(body && { body }),
  });
const meta = (id: string) => `interviewId ${Buffer.from(id).toString('base64')},filename ${Buffer.from('answer.wav').toString('base64')}`;

describe('probes, metrics and the API description', () => {
  it('answers /healthz and /readyz without auth', async () => {
    expect(await (await fetch(`${run.base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${run.base}/readyz`)).status).toBe(200);
  });

  it('publishes an OpenAPI 3.1 document covering every route', async () => {
    const doc = (await (await fetch(`${run.base}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/interviews', '/api/v1/interviews/{id}', '/api/v1/interviews/{id}/transcript', '/api/v1/interviews/{id}/report', '/files/',
    ]));
  });

  it('counts upload bytes and stage durations in Prometheus metrics', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'metrics' });
    const speech = await makeSpeech({ text: 'Short answer for the metrics test. It has two sentences.', format: 'wav' });
    await tusUpload(run.base, speech.path, { token: alice.idToken, interviewId: body.id });
    await waitForStatus(api, body.id, (s) => s === 'completed', 60_000);
    const text = await (await fetch(`${run.base}/metrics`)).text();
    const bytes = Number(/^ib_upload_bytes_total (\d+)/m.exec(text)?.[1]);
    expect(bytes).toBeGreaterThanOrEqual(fs.statSync(speech.path).size);
    expect(text).toMatch(/ib_stage_duration_seconds_count\{stage="transcription",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/ib_stage_duration_seconds_count\{stage="analysis",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/ib_http_request_duration_seconds_bucket/);
  }, 90_000);
});

describe('tus extensions', () => {
  it('creation-with-upload: the whole file in the POST finishes the upload', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'one request' });
    const speech = await makeSpeech({ text: 'Everything arrives in a single request. Then the pipeline runs.', format: 'wav' });
    const bytes = fs.readFileSync(speech.path);
    const r = await tus('/files/', 'POST', { 'upload-length': String(bytes.length), 'upload-metadata': meta(body.id), 'content-type': 'application/offset+octet-stream' }, bytes);
    expect(r.status).toBe(201);
    expect(Number(r.headers.get('upload-offset'))).toBe(bytes.length);
    expect((await waitForStatus(api, body.id, (s) => s === 'completed' || s === 'failed', 60_000)).status).toBe('completed');
  }, 90_000);

  it('termination: DELETE removes a partial upload', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'terminate' });
    const r = await tus('/files/', 'POST', { 'upload-length': '1000', 'upload-metadata': meta(body.id) });
    const location = r.headers.get('location')!;
    await tus(location, 'PATCH', { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.alloc(400, 1));
    expect(filesUnder(`${run.dataDir}/uploads`).some((f) => f.startsWith(body.id))).toBe(true);
    expect((await tus(location, 'DELETE')).status).toBe(204);
    expect((await tus(location, 'HEAD')).status).toBe(404);
    expect(filesUnder(`${run.dataDir}/uploads`).filter((f) => f.startsWith(body.id))).toEqual([]);
  });

  it('expiration: an abandoned partial upload is swept after its deadline', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'abandoned' });
    const r = await tus('/files/', 'POST', { 'upload-length': '1000', 'upload-metadata': meta(body.id) });
    const location = r.headers.get('location')!;
    expect(r.headers.get('upload-expires')).toBeTruthy();
    await tus(location, 'PATCH', { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.alloc(300, 1));
    const until = Date.now() + 10_000;
    while (filesUnder(`${run.dataDir}/uploads`).some((f) => f.startsWith(body.id)) && Date.now() < until) {
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(filesUnder(`${run.dataDir}/uploads`).filter((f) => f.startsWith(body.id))).toEqual([]);
    expect([404, 410]).toContain((await tus(location, 'HEAD')).status);
  }, 20_000);
});
