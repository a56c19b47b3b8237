/**
 * Crash safety of the embedded product: the server is SIGKILLed at the worst moments and started
 * again on the same data directory; every interview still completes, and exactly once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, tusUpload, waitForStatus } from '../helpers/app.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';

withAuthEmulator();
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
});

const start = async (dataDir: string) => {
  const s = await startServerProcess(dataDir);
  running.push(s);
  return s;
};

/** How many times the pipeline reported completion for an interview, across processes. */
const completions = (servers: ServerProcess[], id: string) =>
  servers.flatMap((s) => s.logs).filter((l) => l.msg === 'lifecycle event' && l.topic === 'interview.completed' && l.interviewId === id).length;

const LONG_TEXT = Array.from({ length: 12 }, (_, i) => `Answer number ${i + 1} explains how I planned the work, told the team, and measured the result carefully.`).join(' ');

describe('SIGKILL and restart', () => {
  it.each([
    ['right after the upload completes', 'uploaded'],
    ['in the middle of transcription', 'transcribing'],
  ])('%s: the interview completes exactly once', async (_name, killAt) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-crash-'));
    const user = await signUp();
    const speech = await makeSpeech({ text: LONG_TEXT, wpm: 160, format: 'm4a', silenceSecBetweenSentences: 0.6 });
    const first = await start(dataDir);
    const api1 = apiClient(first.base, user.idToken);
    const id = (await api1('POST', '/api/v1/interviews', { title: `crash ${killAt}` })).body.id as string;
    await tusUpload(first.base, speech.path, { token: user.idToken, interviewId: id });
    if (killAt === 'transcribing') {
      await waitForStatus(api1, id, (s) => s === 'transcribing', 30_000);
      await new Promise((r) => setTimeout(r, 800)); // pocketsphinx is running now
    }
    await first.kill('SIGKILL');

    const second = await start(dataDir);
    const api2 = apiClient(second.base, user.idToken);
    const done = await waitForStatus(api2, id, (s) => s === 'completed' || s === 'failed', 120_000);
    expect(done.status).toBe('completed');
    expect((await api2('GET', `/api/v1/interviews/${id}/report`)).body.metrics.wordCount).toBeGreaterThan(50);
    // Let any stray redelivery run, then count: one completion, one listing.
    await new Promise((r) => setTimeout(r, 1500));
    expect(completions([first, second], id)).toBe(1);
    expect((await api2('GET', '/api/v1/interviews')).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    await second.kill('SIGTERM');
  }, 240_000);

  it('an upload cut by a server crash resumes with HEAD + PATCH to the identical file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-crash-upload-'));
    const user = await signUp();
    const speech = await makeSpeech({ text: LONG_TEXT, wpm: 150, format: 'wav' });
    const size = fs.statSync(speech.path).size;
    const first = await start(dataDir);
    const id = (await apiClient(first.base, user.idToken)('POST', '/api/v1/interviews', { title: 'crash upload' })).body.id as string;
    const half = await tusUpload(first.base, speech.path, { token: user.idToken, interviewId: id, chunkSize: 128 * 1024, stopAfterBytes: size / 2 });
    await first.kill('SIGKILL');

    const second = await start(dataDir);
    const uploadPath = new URL(half.url).pathname;
    const head = await fetch(second.base + uploadPath, { method: 'HEAD', headers: { authorization: `Bearer ${user.idToken}`, 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(size);
    await tusUpload(second.base, speech.path, { token: user.idToken, interviewId: id, uploadUrl: second.base + uploadPath, chunkSize: 128 * 1024 });
    const stored = fs.readFileSync(path.join(dataDir, 'uploads', path.basename(uploadPath)));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(stored)).toBe(sha(fs.readFileSync(speech.path)));
    await waitForStatus(apiClient(second.base, user.idToken), id, (s) => s === 'completed', 120_000);
    await second.kill('SIGTERM');
  }, 240_000);
});
