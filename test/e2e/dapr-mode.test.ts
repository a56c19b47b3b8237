/**
 * The slice in the multi-app layout: api, upload, media, analysis and notify as separate processes,
 * each with its own real daprd, plus placement, Redis and Azurite (scripts/lib/dapr-cluster.ts, the
 * same code as `npm run start:dapr`). An interview goes from upload to report with live progress;
 * the media service is SIGKILLed mid-transcription and the interview still completes exactly once;
 * Redis is restarted and the next interview completes too. A live practice session streams WebM/Opus
 * over the api's socket to the LiveSessionActor on the media app (Whisper tiny.en captions, back to
 * the owner only) and ends in a report from the full recording.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCluster, type Cluster } from '../../scripts/lib/dapr-cluster.js';
import { daprBinariesPresent } from '../../scripts/lib/dapr-processes.js';
import { io as connect, type Socket } from 'socket.io-client';
import { liveClip } from '../../bench/live.js';
import type { LiveCaption } from '../../services/api/live.contract.js';
import { ReportSchema } from '../../services/contract/report.js';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, progressSocket, tusUpload, waitForStatus } from '../helpers/app.js';
import { signUp, withAuthEmulator, type TestAccount } from '../helpers/firebase.js';

const emulator = withAuthEmulator();
const SENTENCES = (n: number) =>
  Array.from({ length: n }, (_, i) => `In project ${i + 1} I planned the work, told the team what mattered, and measured the result.`).join(' ');

let cluster: Cluster;
let user: TestAccount;
let api: ReturnType<typeof apiClient>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-dapr-mode-'));

beforeAll(async () => {
  if (!daprBinariesPresent()) throw new Error('dapr/bin is empty: run `npm run dapr:build` (npm test does)');
  cluster = await startCluster({
    dataDir,
    // A killed consumer's unacked message is handed out again after this long.
    processingTimeoutMs: 4000,
    env: { FIREBASE_AUTH_EMULATOR_HOST: emulator.host, TRANSCRIPTION_ENGINE: 'pocketsphinx', LOG_LEVEL: 'info' },
  });
  user = await signUp();
  api = apiClient(cluster.apiUrl, user.idToken);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function interview(title: string, sentences: number): Promise<string> {
  const speech = await makeSpeech({ text: SENTENCES(sentences), wpm: 160, format: 'm4a', silenceSecBetweenSentences: 0.5 });
  const id = (await api('POST', '/api/v1/interviews', { title })).body.id as string;
  await tusUpload(cluster.apiUrl, speech.path, { token: user.idToken, interviewId: id });
  return id;
}

type LiveClient = { socket: Socket; captions: LiveCaption[]; close(): void };
async function liveClient(token: string): Promise<LiveClient> {
  const socket = connect(cluster.apiUrl, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const captions: LiveCaption[] = [];
  socket.on('live.caption', (c: LiveCaption) => captions.push(c));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, captions, close: () => socket.close() };
}
const ask = (c: LiveClient, event: string, req: unknown): Promise<any> => c.socket.timeout(30_000).emitWithAck(event, req);

const completedNotifications = async (id: string) =>
  ((await api('GET', '/api/v1/notifications')).body.items as { kind: string; interviewId?: string; link?: string; id: string }[]).filter(
    (n) => n.kind === 'interview.completed' && JSON.stringify(n).includes(id),
  );

describe('dapr mode: five apps, five daprd sidecars, Redis, placement', () => {
  it('an upload through the api reaches a report, with live progress over socket.io', async () => {
    const socket = await progressSocket(cluster.apiUrl, user.idToken);
    try {
      const id = await interview('dapr mode', 4);
      const done = await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 120_000);
      expect(done.status).toBe('completed');
      const report = (await api('GET', `/api/v1/interviews/${id}/report`)).body;
      expect(report.metrics.wordCount).toBeGreaterThan(20);
      const seen = socket.events.filter((e) => e.id === id).map((e) => e.status);
      expect(seen).toContain('transcribing');
      expect(seen[seen.length - 1]).toBe('completed');
    } finally {
      socket.close();
    }
  }, 180_000);

  it('live practice: WebM/Opus chunks through the api reach the media app, captions reach the owner only, and the recording gets a report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-dapr-live-'));
    const clip = await liveClip('Thanks for the question. I would start by asking what the users need. Then I would build the smallest thing that helps them.', dir);
    const other = await signUp();
    const [alice, bob] = [await liveClient(user.idToken), await liveClient(other.idToken)];
    try {
      const started = await ask(alice, 'live.start', { title: 'live in dapr mode', questions: [{ text: 'How would you design a new feature?' }], mimeType: 'audio/webm;codecs=opus' });
      expect(started).toMatchObject({ ok: true, receivedBytes: 0, question: 0 });
      const id: string = started.interviewId;
      // ~250 ms slices at twice real time: slow enough for interim captions, quick for CI.
      for (let i = 0; i + 1 < clip.cuts.length; i++) {
        const [from, to] = [clip.cuts[i]!, clip.cuts[i + 1]!];
        if (to === from) continue;
        expect(await ask(alice, 'live.chunk', { interviewId: id, offset: from, data: clip.webm.subarray(from, to) })).toEqual({ ok: true, receivedBytes: to });
        await new Promise((r) => setTimeout(r, 125));
      }
      const heard = () => alice.captions.some((c) => /\b(question|users?|need|build|smallest|thing|helps?)\b/i.test(c.text));
      for (const end = Date.now() + 30_000; !heard() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 200));
      expect(alice.captions.map((c) => c.text).join(' | ')).toMatch(/\b(question|users?|need|build|smallest|thing|helps?)\b/i);
      expect(alice.captions.every((c) => c.interviewId === id)).toBe(true);
      expect(await ask(alice, 'live.finish', { interviewId: id })).toEqual({ ok: true, interviewId: id });

      const done = await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 120_000);
      expect({ status: done.status, error: done.error }).toEqual({ status: 'completed', error: undefined });
      const report = ReportSchema.parse((await api('GET', `/api/v1/interviews/${id}/report`)).body);
      expect(report.metrics.wordCount).toBeGreaterThan(10);
      expect(bob.captions).toEqual([]);
    } finally {
      alice.close();
      bob.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('SIGKILL of the media service mid-transcription: redelivery completes the interview exactly once', async () => {
    const id = await interview('media killed', 14);
    await waitForStatus(api, id, (s) => s === 'transcribing', 60_000);
    await new Promise((r) => setTimeout(r, 700)); // the engine is running now
    await cluster.kill('media');
    await cluster.restart('media');
    const done = await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 180_000);
    expect(done.status).toBe('completed');
    expect((await api('GET', `/api/v1/interviews/${id}/report`)).body.metrics.wordCount).toBeGreaterThan(100);
    await new Promise((r) => setTimeout(r, 5000)); // any stray redelivery has had its chance
    expect(await completedNotifications(id)).toHaveLength(1);
    const listed = (await api('GET', '/api/v1/interviews')).body.items.filter((i: { id: string }) => i.id === id);
    expect(listed).toHaveLength(1);
    expect(listed[0].status).toBe('completed');
  }, 300_000);

  it('a Redis restart (state, actor state, streams on an append-only file) loses nothing', async () => {
    const before = (await api('GET', '/api/v1/interviews')).body.items.length as number;
    await cluster.restartRedis();
    const id = await interview('after redis restart', 3);
    const done = await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 120_000);
    expect(done.status).toBe('completed');
    expect((await api('GET', '/api/v1/interviews')).body.items.length).toBe(before + 1);
  }, 240_000);
});
