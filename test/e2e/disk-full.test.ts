/**
 * Disk full, for real: the server's data directory (uploads, artifacts AND the SQLite database) is
 * a small tmpfs. A recording bigger than the free space is refused up front with 507 storage_full;
 * a disk that fills in the middle of an upload answers 507 and keeps the bytes that arrived (the
 * upload resumes); SQLite hitting ENOSPC answers 507 too and never kills the server; once space
 * returns, everything finishes. Skips with the reason printed when tmpfs cannot be mounted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runTool } from '../../services/media/run-tool.js';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, waitForStatus } from '../helpers/app.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { mountTmpfs, type Tmpfs, tmpfsUnavailableReason } from '../helpers/tmpfs.js';
import { type TusTarget, tusCreate, tusHead, tusPatch, tusResume } from '../helpers/tus-raw.js';

const unavailable = tmpfsUnavailableReason();
if (unavailable) process.stderr.write(`[disk-full] SKIPPED: ${unavailable}\n`);
const describeIfMount = unavailable ? describe.skip : describe;

withAuthEmulator();

const MB = 1024 ** 2;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const VTT = `WEBVTT

00:00:00.000 --> 00:00:05.000
<v Interviewer>Tell me about a time you handled an outage.

00:00:05.500 --> 00:00:19.000
<v Candidate>Our payment service went down at night. I led the response, rolled back the release and we restored service in twenty minutes.
`;

const mounts: Tmpfs[] = [];
const servers: ServerProcess[] = [];
const scratch: string[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
  for (const m of mounts) m.unmount();
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});

let user: TestAccount;
/** Speech as 96 kHz stereo float64 WAV: many bytes per second of audio, so a big file transcribes fast. */
async function heavyWav(seconds: number): Promise<Buffer> {
  const words = Math.round(seconds * 2.4);
  const text = Array.from({ length: Math.ceil(words / 12) }, (_, i) => `Sentence ${i + 1} says the team shipped the change and measured the result.`).join(' ');
  const speech = await makeSpeech({ text, format: 'wav', silenceSecBetweenSentences: 0.3 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-heavy-'));
  scratch.push(dir);
  const out = path.join(dir, 'heavy.wav');
  const res = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', speech.path, '-ar', '96000', '-ac', '2', '-c:a', 'pcm_f64le', out]);
  if (res.code !== 0) throw new Error(res.stderr);
  return fs.readFileSync(out);
}

async function serverOn(fsys: Tmpfs, waitFor: 'ready' | 'live' = 'ready') {
  const s = await startServerProcess(fsys.dir, { UPLOAD_MIN_FREE_BYTES: String(2 * MB) }, { waitFor });
  servers.push(s);
  return { s, api: apiClient(s.base, user.idToken), tus: { base: s.base, token: user.idToken } as TusTarget };
}

/**
 * A PATCH whose body is sent in two parts with `between()` run in the pause. Resolves with the
 * answer, or status 0 and the socket error when the server closed the connection while this client
 * was still sending (then the answer may be lost in transit, as for any HTTP client).
 */
function patchInTwoParts(t: TusTarget, uploadPath: string, offset: number, data: Buffer, firstPart: number, between: () => void) {
  return new Promise<{ status: number; body: string }>((resolve) => {
    const req = http.request(t.base + uploadPath, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${t.token}`, 'tus-resumable': '1.0.0', 'upload-offset': offset, 'content-type': 'application/offset+octet-stream', 'content-length': data.length },
    }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (err) => setTimeout(() => resolve({ status: 0, body: String((err as NodeJS.ErrnoException).code) }), 100));
    req.write(data.subarray(0, firstPart), () => {
      setTimeout(() => {
        between();
        req.end(data.subarray(firstPart));
      }, 300);
    });
  });
}

/**
 * Creates interviews until the database itself refuses: its WAL reuses free pages for a while, so
 * the first writes on a full disk may still succeed. Every answer is 201 or 507 storage_full.
 */
async function writeUntilRefused(api: ReturnType<typeof apiClient>, label: string): Promise<void> {
  const statuses: number[] = [];
  for (let i = 0; i < 300 && !statuses.includes(507); i++) {
    const r = await api('POST', '/api/v1/interviews', { title: `${label} ${i}`, prepNotes: 'x'.repeat(4000) });
    statuses.push(r.status);
    if (r.status === 507) expect(r.body.error.code).toBe('storage_full');
  }
  process.stderr.write(`[disk-full] ${label}: ${statuses.filter((x) => x === 201).length} writes still fitted, then ${statuses.at(-1)}\n`);
  expect(new Set(statuses)).toEqual(new Set(statuses.includes(201) ? [201, 507] : [507]));
}

/** Creates an interview and completes it from an imported transcript: something to read later. */
async function completedInterview(api: ReturnType<typeof apiClient>, title: string): Promise<string> {
  const id = (await api('POST', '/api/v1/interviews', { title })).body.id as string;
  expect((await api('PUT', `/api/v1/interviews/${id}/transcript?filename=a.vtt`, VTT)).status).toBe(200);
  await waitForStatus(api, id, (st) => st === 'completed', 30_000);
  return id;
}

describeIfMount('disk full (tmpfs data directory)', () => {
  beforeAll(async () => {
    user = await signUp();
  });

  it('a recording bigger than the free space is refused up front (507 storage_full); it uploads once the disk grows', async () => {
    const fsys = mountTmpfs(20);
    mounts.push(fsys);
    const { s, api, tus } = await serverOn(fsys);
    const other = await completedInterview(api, 'already analysed');
    const big = await heavyWav(16);
    expect(big.length).toBeGreaterThan(fsys.free());
    const id = (await api('POST', '/api/v1/interviews', { title: 'too big for the disk' })).body.id as string;

    const refused = await tusCreate(tus, { interviewId: id, filename: 'big.wav', length: big.length });
    expect(refused.answer.status).toBe(507);
    expect(refused.answer.headers['retry-after']).toBeDefined();
    const error = JSON.parse(refused.answer.body).error;
    expect(error.code).toBe('storage_full');
    expect(error.message).toMatch(/MB/);
    process.stderr.write(`[disk-full] refused: ${error.message}\n`);
    // Nothing half-done: the interview is untouched, the others and the database read fine.
    expect((await api('GET', `/api/v1/interviews/${id}`)).body.status).toBe('created');
    expect((await api('GET', `/api/v1/interviews/${other}/report`)).status).toBe(200);
    expect((await api('GET', '/api/v1/interviews')).body.items).toHaveLength(2);

    fsys.resize(80);
    const created = await tusCreate(tus, { interviewId: id, filename: 'big.wav', length: big.length });
    expect(created.answer.status).toBe(201);
    await tusResume(tus, created.path!, big, 4 * MB);
    expect(sha(fs.readFileSync(path.join(fsys.dir, 'uploads', path.basename(created.path!))))).toBe(sha(big));
    expect((await waitForStatus(api, id, (st) => st === 'completed' || st === 'failed', 60_000)).status).toBe('completed');
    await s.kill('SIGTERM');
  }, 120_000);

  it('the disk fills in the middle of a PATCH: 507, the bytes that arrived are kept, the database stays usable, resume gives the identical file', async () => {
    const fsys = mountTmpfs(20);
    mounts.push(fsys);
    const { s, api, tus } = await serverOn(fsys);
    const other = await completedInterview(api, 'already analysed');
    const file = await heavyWav(5);
    const id = (await api('POST', '/api/v1/interviews', { title: 'disk fills mid-upload' })).body.id as string;
    const created = await tusCreate(tus, { interviewId: id, filename: 'mid.wav', length: file.length });
    expect(created.answer.status).toBe(201);
    const uploadPath = created.path!;
    const first = await tusPatch(tus, uploadPath, 0, file.subarray(0, 2 * MB));
    expect(first.status).toBe(204);

    // Another writer takes every free byte while the next PATCH is on the wire.
    let filled = 0;
    const cut = await patchInTwoParts(tus, uploadPath, 2 * MB, file.subarray(2 * MB), MB, () => (filled = fsys.fill()));
    process.stderr.write(`[disk-full] filler took ${(filled / MB).toFixed(1)} MB\n`);
    const head = await tusHead(tus, uploadPath);
    expect(head.offset).toBeGreaterThanOrEqual(2 * MB);
    expect(head.offset).toBeLessThan(file.length);
    // The answer to the cut PATCH is 507 — unless the connection closed under a client still
    // sending; then its retry (what tus clients do: HEAD, PATCH from the offset) gets the 507.
    const answer = cut.status === 0 ? await tusPatch(tus, uploadPath, head.offset, file.subarray(head.offset)) : { status: cut.status, body: cut.body };
    process.stderr.write(`[disk-full] ${cut.status === 0 ? `connection reset (${cut.body}); retry answered` : 'answered'} ${answer.status} ${answer.body}\n`);
    expect(answer.status).toBe(507);
    expect(JSON.parse(answer.body).error.code).toBe('storage_full');
    expect((await tusHead(tus, uploadPath)).offset).toBe(head.offset);
    expect((await api('GET', `/api/v1/interviews/${id}`)).body.status).toBe('uploading');
    expect((await api('GET', `/api/v1/interviews/${other}/report`)).status).toBe(200);

    fsys.unfill();
    const resumed = await tusResume(tus, uploadPath, file, 4 * MB);
    expect(resumed.resumedFrom[0]).toBe(head.offset);
    expect(sha(fs.readFileSync(path.join(fsys.dir, 'uploads', path.basename(uploadPath))))).toBe(sha(file));
    expect((await waitForStatus(api, id, (st) => st === 'completed' || st === 'failed', 60_000)).status).toBe('completed');
    await s.kill('SIGTERM');
  }, 120_000);

  it('out of space everywhere (SQLite included): 507 storage_full (never 500), the server stays up, a pipeline in flight waits and finishes once space returns', async () => {
    const fsys = mountTmpfs(20);
    mounts.push(fsys);
    const { s, api, tus } = await serverOn(fsys);
    const other = await completedInterview(api, 'already analysed');
    // Work in flight when the disk fills: a recording about to be extracted and transcribed.
    const clip = fs.readFileSync((await makeSpeech({ text: 'I planned the rollout in three phases. Each phase had a clear owner and a rollback plan.', format: 'wav' })).path);
    const busy = (await api('POST', '/api/v1/interviews', { title: 'in flight' })).body.id as string;
    const upload = await tusCreate(tus, { interviewId: busy, filename: 'clip.wav', length: clip.length });
    expect((await tusPatch(tus, upload.path!, 0, clip)).status).toBe(204);
    fsys.fill();

    const imported = await api('PUT', `/api/v1/interviews/${other}/transcript?filename=a.vtt`, VTT);
    expect([imported.status, imported.body.error?.code]).toEqual([507, 'storage_full']);
    await writeUntilRefused(api, 'while full');
    // The pipeline's retries fail meanwhile; the process survives them and reads keep working.
    await new Promise((r) => setTimeout(r, 4000));
    if (s.exited()) throw new Error(`the server died while the disk was full: ${s.stderr().slice(-3000)}`);
    expect((await api('GET', `/api/v1/interviews/${other}/report`)).status).toBe(200);
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    // A full disk is not the recording's fault: never a permanent failure (e.g. corrupt_media).
    expect((await api('GET', `/api/v1/interviews/${busy}`)).body.status).not.toBe('failed');
    expect(s.logs.filter((l) => l.msg === 'stage failed permanently')).toEqual([]);

    fsys.unfill();
    expect((await api('POST', '/api/v1/interviews', { title: 'after' })).status).toBe(201);
    expect((await waitForStatus(api, busy, (st) => st === 'completed' || st === 'failed', 90_000)).status).toBe('completed');
    process.stderr.write(`[disk-full] server warnings while full: ${JSON.stringify(tally(s.logs))}\n`);
    if (process.env.FAULT_DEBUG) process.stderr.write(JSON.stringify(s.logs.filter((l) => Number(l.level) >= 40), null, 1) + '\n');
    await s.kill('SIGTERM');
  }, 150_000);

  it('restarts on a full disk: after SIGKILL or a clean stop it serves reads and answers writes 507; a cold start that needs new space waits (503 storage_full, alive) and starts once space returns', async () => {
    const fsys = mountTmpfs(20);
    mounts.push(fsys);
    const first = await serverOn(fsys);
    const other = await completedInterview(first.api, 'already analysed');
    fsys.fill();
    for (const [how, signal] of [['SIGKILL', 'SIGKILL'], ['clean stop', 'SIGTERM']] as const) {
      const before = servers.at(-1)!;
      await before.kill(signal);
      const { s, api } = await serverOn(fsys);
      expect((await api('GET', `/api/v1/interviews/${other}/report`)).status).toBe(200);
      await writeUntilRefused(api, `after ${how}`);
      await new Promise((r) => setTimeout(r, 1000));
      expect(s.exited()).toBe(false);
    }
    // Hardest case: stopped cleanly with space (SQLite removed its -wal/-shm files), then the disk
    // filled while it was down: opening the database needs a fresh shared-memory file.
    fsys.unfill();
    await servers.at(-1)!.kill('SIGTERM');
    expect(fs.readdirSync(path.join(fsys.dir, 'runtime')).filter((f) => f.endsWith('-shm'))).toEqual([]);
    fsys.fill();
    const cold = await serverOn(fsys, 'live');
    // Up (liveness 200, so no restart loop) but not ready; every route says why, with a code.
    const ready = await fetch(`${cold.s.base}/readyz`);
    expect(ready.status).toBe(503);
    const read = await cold.api('GET', `/api/v1/interviews/${other}`);
    expect([read.status, read.body.error?.code]).toEqual([503, 'storage_full']);
    expect(read.headers.get('retry-after')).toBeDefined();
    await new Promise((r) => setTimeout(r, 2000));
    expect(cold.s.exited()).toBe(false);

    // Space returns: the app starts by itself on the same port (retried every 5 s).
    fsys.unfill();
    const until = Date.now() + 20_000;
    while ((await fetch(`${cold.s.base}/readyz`).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > until) throw new Error(`not ready after space returned: ${cold.s.stderr().slice(-1000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await cold.api('GET', `/api/v1/interviews/${other}/report`)).status).toBe(200);
    expect((await cold.api('POST', '/api/v1/interviews', { title: 'space is back' })).status).toBe(201);
  }, 120_000);
});

/** Warning and error log lines by message, to see what the server went through. */
const tally = (logs: Record<string, unknown>[]) =>
  logs
    .filter((l) => Number(l.level) >= 40)
    .map((l) => `${String(l.msg)}${l.code ? ` (${String(l.code)})` : ''}`)
    .reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
