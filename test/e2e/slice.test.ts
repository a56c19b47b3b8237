/**
 * The embedded vertical slice end to end: real auth emulator, real HTTP, tus, socket.io, ffmpeg and
 * pocketsphinx. One user's interview goes from upload to report; a second user sees none of it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, filesUnder, progressSocket, type RunningApp, startTestApp, tusUpload, waitForStatus } from '../helpers/app.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

const TEXT =
  'I led the migration of our billing service to a new database. ' +
  'The old system could not handle the load during the holiday season. ' +
  'I designed a plan with three phases and wrote the data validation tools myself. ' +
  'We moved every customer without downtime and cut query latency by half.';

withAuthEmulator();
let run: RunningApp;

beforeAll(async () => {
  run = await startTestApp();
}, 60_000);
afterAll(async () => run?.stop());

describe('one interview from upload to report', () => {
  it('uploads an MP4 with tus, reports live progress over socket.io, and produces a report', async () => {
    const alice = await signUp();
    const api = apiClient(run.base, alice.idToken);
    const live = await progressSocket(run.base, alice.idToken);
    try {
      const created = await api('POST', '/api/v1/interviews', { title: 'Backend engineer', role: 'SWE', company: 'Acme', prepNotes: '- billing migration' });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect(created.body).toEqual({ id, status: 'created', upload: { endpoint: '/files/', metadata: { interviewId: id } } });

      const speech = await makeSpeech({ text: TEXT, wpm: 150, format: 'mp4', silenceSecBetweenSentences: 1.5 });
      await tusUpload(run.base, speech.path, { token: alice.idToken, interviewId: id, filename: 'mock-interview.mp4' });
      const done = await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 120_000);
      expect(done).toMatchObject({ id, title: 'Backend engineer', status: 'completed', stage: 'analysis', progress: 1 });
      expect(done.durationSec).toBeCloseTo(speech.durationSec, 0);

      // Live progress reached the owner's socket, in lifecycle order, without polling.
      const seen = [...new Set(live.events.filter((e) => e.id === id).map((e) => e.status))];
      expect(seen).toEqual(['created', 'uploading', 'uploaded', 'transcribing', 'transcribed', 'analyzing', 'completed']);

      const report = await api('GET', `/api/v1/interviews/${id}/report`);
      expect(report.status).toBe(200);
      expect(report.body.schemaVersion).toBe(3);
      const m = report.body.metrics;
      const truthWpm = (speech.wordCount / speech.durationSec) * 60;
      expect(m.durationSec).toBeCloseTo(speech.durationSec, 0);
      expect(Math.abs(m.wordCount - speech.wordCount) / speech.wordCount).toBeLessThan(0.25);
      expect(Math.abs(m.wpm - truthWpm) / truthWpm).toBeLessThan(0.25);
      expect(m.pauses.count).toBeGreaterThanOrEqual(2); // three 1.5 s gaps between sentences

      const transcript = await api('GET', `/api/v1/interviews/${id}/transcript`);
      expect(transcript.status).toBe(200);
      const words = transcript.body.words as { start: number; end: number }[];
      expect(words.length).toBeGreaterThan(20);
      words.forEach((w, i) => {
        expect(w.end).toBeGreaterThanOrEqual(w.start);
        if (i) expect(w.start).toBeGreaterThanOrEqual(words[i - 1]!.start);
      });

      const list = await api('GET', '/api/v1/interviews');
      expect(list.body.items).toEqual([
        { id, title: 'Backend engineer', status: 'completed', createdAt: expect.any(String), durationSec: done.durationSec, headline: expect.objectContaining({ wpm: m.wpm }) },
      ]);
    } finally {
      live.close();
    }
  }, 180_000);

  it('answers 409 not_ready for the report before completion', async () => {
    const alice = await signUp();
    const api = apiClient(run.base, alice.idToken);
    const { body } = await api('POST', '/api/v1/interviews', { title: 'Not yet' });
    expect((await api('GET', `/api/v1/interviews/${body.id}/report`)).body.error.code).toBe('not_ready');
    expect((await api('GET', `/api/v1/interviews/${body.id}/transcript`)).status).toBe(409);
  });

  it('resumes an interrupted upload with HEAD + PATCH and stores the identical file', async () => {
    const alice = await signUp();
    const api = apiClient(run.base, alice.idToken);
    const { body } = await api('POST', '/api/v1/interviews', { title: 'Resume me' });
    const speech = await makeSpeech({ text: TEXT, wpm: 170, format: 'wav' });
    const size = fs.statSync(speech.path).size;
    const first = await tusUpload(run.base, speech.path, { token: alice.idToken, interviewId: body.id, chunkSize: 64 * 1024, stopAfterBytes: size / 2 });
    expect(first.stopped).toBe(true);
    const head = await fetch(first.url, { method: 'HEAD', headers: { authorization: `Bearer ${alice.idToken}`, 'tus-resumable': '1.0.0' } });
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(size);
    await tusUpload(run.base, speech.path, { token: alice.idToken, interviewId: body.id, uploadUrl: first.url, chunkSize: 64 * 1024 });
    const uploadId = first.url.split('/').pop()!;
    const stored = fs.readFileSync(path.join(run.dataDir, 'uploads', uploadId));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(stored)).toBe(sha(fs.readFileSync(speech.path)));
    await waitForStatus(api, body.id, (s) => s === 'completed', 120_000);
  }, 180_000);
});

describe('privacy', () => {
  it("never shows one user's interview to another, on any route or socket", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const asAlice = apiClient(run.base, alice.idToken);
    const asBob = apiClient(run.base, bob.idToken);
    const bobLive = await progressSocket(run.base, bob.idToken);
    try {
      const { body } = await asAlice('POST', '/api/v1/interviews', { title: 'Private' });
      const id = body.id as string;
      const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Interviewer>Tell me about yourself.\n\n00:00:04.500 --> 00:00:12.000\n<v Candidate>I build reliable backend systems and I like hard problems.\n';
      expect((await asAlice('PUT', `/api/v1/interviews/${id}/transcript`, vtt)).status).toBe(200);
      await waitForStatus(asAlice, id, (s) => s === 'completed');

      expect((await asBob('GET', '/api/v1/interviews')).body.items).toEqual([]);
      for (const [method, url, payload] of [
        ['GET', `/api/v1/interviews/${id}`],
        ['GET', `/api/v1/interviews/${id}/transcript`],
        ['GET', `/api/v1/interviews/${id}/report`],
        ['PUT', `/api/v1/interviews/${id}/transcript`, vtt],
        ['POST', `/api/v1/interviews/${id}/retry`],
        ['DELETE', `/api/v1/interviews/${id}`],
      ] as const) {
        const r = await asBob(method, url, payload);
        expect([method, url, r.status, r.body.error.code]).toEqual([method, url, 404, 'not_found']);
      }
      const tusPost = await fetch(`${run.base}/files/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bob.idToken}`, 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': `interviewId ${Buffer.from(id).toString('base64')}` },
      });
      expect(tusPost.status).toBe(404);
      expect(bobLive.events.filter((e) => e.id === id)).toEqual([]);
      // Alice's interview is untouched.
      expect((await asAlice('GET', `/api/v1/interviews/${id}`)).body.status).toBe('completed');
      const transcript = await asAlice('GET', `/api/v1/interviews/${id}/transcript`);
      expect(new Set(transcript.body.words.map((w: { speaker?: string }) => w.speaker))).toEqual(new Set(['Interviewer', 'Candidate']));
    } finally {
      bobLive.close();
    }
  }, 60_000);
});

describe('delete = erase', () => {
  it('removes media, transcript, report and state; every route then answers 404', async () => {
    const alice = await signUp();
    const api = apiClient(run.base, alice.idToken);
    const { body } = await api('POST', '/api/v1/interviews', { title: 'Erase me' });
    const id = body.id as string;
    const speech = await makeSpeech({ text: TEXT, wpm: 160, format: 'mp3' });
    await tusUpload(run.base, speech.path, { token: alice.idToken, interviewId: id });
    await waitForStatus(api, id, (s) => s === 'completed', 120_000);
    expect(filesUnder(run.dataDir).some((f) => f.includes(id))).toBe(true);

    expect((await api('DELETE', `/api/v1/interviews/${id}`)).status).toBe(204);
    for (const url of ['', '/transcript', '/report']) expect((await api('GET', `/api/v1/interviews/${id}${url}`)).status).toBe(404);
    expect((await api('DELETE', `/api/v1/interviews/${id}`)).status).toBe(404);
    expect((await api('GET', '/api/v1/interviews')).body.items).toEqual([]);
    await run.app.settle();
    expect(filesUnder(run.dataDir).filter((f) => f.includes(id))).toEqual([]);
    // No row of the database mentions the interview any more (state, reminders, index).
    const { default: Database } = await import('better-sqlite3');
    const conn = new Database(path.join(run.dataDir, 'runtime', 'runtime.sqlite'), { readonly: true });
    try {
      const rows = conn.prepare("SELECT count(*) AS n FROM actor_state WHERE id = ? OR value LIKE '%' || ? || '%'").get(id, id) as { n: number };
      const reminders = conn.prepare('SELECT count(*) AS n FROM actor_reminders WHERE id = ?').get(id) as { n: number };
      expect([rows.n, reminders.n]).toEqual([0, 0]);
    } finally {
      conn.close();
    }
  }, 180_000);
});
