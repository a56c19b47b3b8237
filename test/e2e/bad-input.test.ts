/**
 * Bad input through the real server: every case is a clear 4xx with a machine-readable code, or a
 * `failed` interview with a precise code — never a crash, a stuck interview or an orphaned file.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeEmptyFile, makeSilence, makeSpeech, makeTextFileNamedMp4, makeTruncatedMp4, makeVideoOnlyMp4 } from '../helpers/audio.js';
import { apiClient, filesUnder, type RunningApp, startTestApp, tusUpload, waitForStatus } from '../helpers/app.js';
import { forgeExpiredToken, forgeRs256Token, forgeUnsignedToken, signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';

const MAX_UPLOAD = 3 * 1024 * 1024;
withAuthEmulator();
let run: RunningApp;
let alice: TestAccount;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  run = await startTestApp({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD), MAX_JSON_BYTES: '4096', MAX_TRANSCRIPT_BYTES: '65536', MAX_DURATION_SEC: '60' });
  alice = await signUp();
  api = apiClient(run.base, alice.idToken);
}, 60_000);
afterAll(async () => run?.stop());

const newInterview = async (title = 'bad input') => (await api('POST', '/api/v1/interviews', { title })).body.id as string;

/** Uploads a file and waits for the pipeline to settle; returns the interview. */
async function uploadAndSettle(file: string) {
  const id = await newInterview();
  await tusUpload(run.base, file, { token: alice.idToken, interviewId: id });
  return waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 90_000);
}

describe('media judged by content, failing with precise codes', () => {
  it.each([
    ['a text file named .mp4', 'unsupported_format', makeTextFileNamedMp4],
    ['a truncated MP4', 'corrupt_media', () => makeTruncatedMp4()],
    ['an MP4 with no audio track', 'no_audio_stream', makeVideoOnlyMp4],
    ['audio with no speech', 'no_speech', () => makeSilence(8)],
    ['a recording longer than the limit', 'duration_too_long', () => makeSpeech({ text: Array(30).fill('This sentence keeps the recording going for a long while.').join(' '), format: 'mp3' }).then((s) => s.path)],
  ] as const)('%s → failed with %s', async (_name, code, make) => {
    const iv = await uploadAndSettle(await make());
    expect(iv.status).toBe('failed');
    expect(iv.error).toEqual({ code, stage: 'transcription', message: expect.any(String) });
    // The failure is final: no retry loop keeps working on it.
    await run.app.settle();
    expect(filesUnder(`${run.dataDir}/work`)).toEqual([]);
  }, 120_000);
});

describe('uploads refused up front', () => {
  const tusPost = (headers: Record<string, string>) =>
    fetch(`${run.base}/files/`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${alice.idToken}`, ...headers } });
  const meta = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');

  it('a 0-byte file → 400 empty_file', async () => {
    const id = await newInterview();
    await expect(tusUpload(run.base, await makeEmptyFile(), { token: alice.idToken, interviewId: id })).rejects.toThrow(/400/);
    const r = await tusPost({ 'upload-length': '0', 'upload-metadata': meta({ interviewId: id }) });
    expect([r.status, ((await r.json()) as any).error.code]).toEqual([400, 'empty_file']);
  });

  it('a speaker count that is not 1, 2, 3+ or auto → 400 invalid_speakers, before any byte', async () => {
    const id = await newInterview();
    const r = await tusPost({ 'upload-length': '100', 'upload-metadata': meta({ interviewId: id, speakers: 'two' }) });
    expect([r.status, ((await r.json()) as any).error.code]).toEqual([400, 'invalid_speakers']);
    expect(filesUnder(`${run.dataDir}/uploads`).filter((f) => f.startsWith(id))).toEqual([]);
  });

  it('a file over the limit → 413 file_too_large, nothing stored', async () => {
    const id = await newInterview();
    const r = await tusPost({ 'upload-length': String(MAX_UPLOAD + 1), 'upload-metadata': meta({ interviewId: id }) });
    expect([r.status, ((await r.json()) as any).error.code]).toEqual([413, 'file_too_large']);
    // A deferred length is stopped by tus while streaming.
    const big = `${run.dataDir}/big.bin`;
    fs.writeFileSync(big, Buffer.alloc(MAX_UPLOAD + 1024 * 1024, 7));
    await expect(tusUpload(run.base, big, { token: alice.idToken, interviewId: id, chunkSize: MAX_UPLOAD * 2 })).rejects.toThrow(/413/);
    fs.rmSync(big);
    expect(filesUnder(`${run.dataDir}/uploads`).filter((f) => f.startsWith(id) && !f.endsWith('.json'))).toEqual([]);
  });

  it('missing, unknown, foreign and malformed interview ids', async () => {
    const bob = await signUp();
    const bobsId = (await apiClient(run.base, bob.idToken)('POST', '/api/v1/interviews', { title: 'bob' })).body.id;
    const cases: [Record<string, string>, number, string][] = [
      [{ filename: 'x.mp4' }, 400, 'missing_interview_id'],
      [{ interviewId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
      [{ interviewId: bobsId }, 404, 'not_found'],
      [{ interviewId: '../../etc/passwd' }, 404, 'not_found'],
    ];
    for (const [m, status, code] of cases) {
      const r = await tusPost({ 'upload-length': '100', 'upload-metadata': meta(m) });
      expect([m, r.status, ((await r.json()) as any).error.code]).toEqual([m, status, code]);
    }
    const garbage = await tusPost({ 'upload-length': '100', 'upload-metadata': 'interviewId !!!notbase64' });
    expect(garbage.status).toBe(400);
  });

  it('a second recording for a finished interview → 409', async () => {
    const id = await newInterview();
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nHello there, thanks for having me.\n';
    await api('PUT', `/api/v1/interviews/${id}/transcript`, vtt);
    await waitForStatus(api, id, (s) => s === 'completed');
    const r = await tusPost({ 'upload-length': '100', 'upload-metadata': meta({ interviewId: id }) });
    expect([r.status, ((await r.json()) as any).error.code]).toEqual([409, 'upload_not_allowed']);
  });
});

describe('auth', () => {
  it.each([
    ['no token', undefined, 'auth_missing'],
    ['a garbage token', 'not-a-jwt', 'auth_malformed'],
  ])('%s → 401 on REST and tus', async (_n, token, code) => {
    const r = await apiClient(run.base, token)('GET', '/api/v1/interviews');
    expect([r.status, r.body.error.code]).toEqual([401, code]);
    const t = await fetch(`${run.base}/files/`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '5', ...(token && { authorization: `Bearer ${token}` }) } });
    expect(t.status).toBe(401);
  });

  it('expired, forged and unknown-user tokens → 401', async () => {
    for (const [token, code] of [
      [forgeExpiredToken(alice.idToken), 'auth_expired'],
      [forgeRs256Token(alice.idToken), 'auth_invalid'],
      [forgeUnsignedToken('demo-interview-buddy'), 'auth_invalid'],
    ] as const) {
      const r = await apiClient(run.base, token)('GET', '/api/v1/interviews');
      expect([r.status, r.body.error.code]).toEqual([401, code]);
    }
  });
});

describe('request bodies', () => {
  it('rejects invalid, oversized and malformed JSON with codes', async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, 'invalid_request'],
      [{ title: '' }, 400, 'invalid_request'],
      [{ title: 'x', extra: 1 }, 400, 'invalid_request'],
      [{ title: 'x'.repeat(201) }, 400, 'invalid_request'],
      [{ title: 'x', prepNotes: 'y'.repeat(5000) }, 413, 'payload_too_large'],
      ['{"title": ', 400, 'invalid_json'],
    ];
    for (const [body, status, code] of cases) {
      const r = await api('POST', '/api/v1/interviews', body, typeof body === 'string' ? { 'content-type': 'application/json' } : {});
      expect([status, code]).toEqual([r.status, r.body.error.code]);
    }
    expect((await api('GET', '/api/v1/interviews')).body.items.every((i: { title: string }) => i.title === 'bad input')).toBe(true);
  });

  it('rejects malformed and oversized transcripts, leaving the interview as it was', async () => {
    const id = await newInterview();
    for (const [text, status, code] of [
      ['WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nend before start\n', 422, 'invalid_transcript'],
      ['1\nnot a timestamp\nhello\n', 422, 'invalid_transcript'],
      ['\u0000\u0001\u0002binary', 422, 'invalid_transcript'],
      [`WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${'word '.repeat(20_000)}\n`, 413, 'payload_too_large'],
    ] as const) {
      const r = await api('PUT', `/api/v1/interviews/${id}/transcript`, text);
      expect([r.status, r.body.error.code]).toEqual([status, code]);
    }
    expect((await api('GET', `/api/v1/interviews/${id}`)).body.status).toBe('created');
  });

  it('unknown routes and malformed ids are JSON 404s', async () => {
    expect((await api('GET', '/api/v1/nope')).body.error.code).toBe('route_not_found');
    expect((await api('GET', '/api/v1/interviews/not-a-uuid')).body.error.code).toBe('not_found');
  });
});
