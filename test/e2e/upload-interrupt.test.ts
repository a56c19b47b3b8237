/**
 * Interrupted uploads: a tus upload is cut at seeded-random offsets (the socket destroyed in the
 * middle of a PATCH body), sometimes inside the final chunk, sometimes with the server SIGKILLed
 * and restarted between cuts; it is resumed with HEAD → PATCH from the server's offset each time,
 * and the stored file's sha256 equals the source's. FAULT_SEED=<n> replays a run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, tusUpload, waitForStatus } from '../helpers/app.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';
import { faultSeed } from '../helpers/seeded-random.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { type TusTarget, tusCreate, tusHead, tusPatch, tusPatchCut, tusResume } from '../helpers/tus-raw.js';

withAuthEmulator();

const CHUNK = 256 * 1024;
const rng = faultSeed('upload-interrupt');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const running: ServerProcess[] = [];
const dataDirs: string[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
  for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
});

let user: TestAccount;
let source: Buffer;
let sourcePath: string;
beforeAll(async () => {
  user = await signUp();
  // ~1.3 MB of 16 kHz PCM speech: six 256 KiB chunks, a real recording the pipeline accepts.
  const text = Array.from({ length: 6 }, (_, i) => `Part ${i + 1} of my answer covers the plan, the people and the result we measured.`).join(' ');
  sourcePath = (await makeSpeech({ text, wpm: 150, format: 'wav' })).path;
  source = fs.readFileSync(sourcePath);
}, 60_000);

/** One server on a data dir that outlives it: restart() SIGKILLs it and starts a new one there. */
async function server() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-upload-cut-'));
  dataDirs.push(dataDir);
  let current = await startServerProcess(dataDir);
  running.push(current);
  return {
    dataDir,
    target: (): TusTarget => ({ base: current.base, token: user.idToken }),
    api: () => apiClient(current.base, user.idToken),
    async restart() {
      await current.kill('SIGKILL');
      current = await startServerProcess(dataDir);
      running.push(current);
    },
  };
}
type Server = Awaited<ReturnType<typeof server>>;

async function newUpload(s: Server, title: string) {
  const id = (await s.api()('POST', '/api/v1/interviews', { title })).body.id as string;
  const created = await tusCreate(s.target(), { interviewId: id, filename: 'answer.wav', length: source.length });
  expect(created.answer.status).toBe(201);
  return { id, uploadPath: created.path! };
}

/**
 * Cuts one PATCH: from the server's offset, announces up to one chunk (or a cut inside the final
 * chunk), sends a random part of it, drops the socket. Returns [offset the cut PATCH started at, bytes sent, offset after].
 */
async function cutOnce(s: Server, uploadPath: string, finalChunk: boolean, beforeCut?: () => Promise<void>): Promise<[number, number, number]> {
  let from = (await tusHead(s.target(), uploadPath)).offset;
  if (finalChunk) {
    // Bring the upload to the start of its last chunk first (whole PATCHes), then cut inside it.
    const lastChunkStart = Math.floor((source.length - 1) / CHUNK) * CHUNK;
    while (from < lastChunkStart) {
      const r = await tusPatch(s.target(), uploadPath, from, source.subarray(from, Math.min(lastChunkStart, from + CHUNK)));
      expect(r.status).toBe(204);
      from = Number(r.headers['upload-offset']);
    }
  }
  const end = Math.min(source.length, from + CHUNK);
  const sent = rng.int(1, end - from - 1);
  await tusPatchCut(s.target(), uploadPath, from, source.subarray(from, end), sent, beforeCut);
  const after = (await tusHead(s.target(), uploadPath)).offset;
  expect(after).toBeGreaterThanOrEqual(from);
  expect(after).toBeLessThanOrEqual(from + sent);
  return [from, sent, after];
}

const storedSha = (s: Server, uploadPath: string) => sha(fs.readFileSync(path.join(s.dataDir, 'uploads', path.basename(uploadPath))));

describe('uploads cut at random offsets resume to the identical file', () => {
  it('five cuts in random chunks, the last inside the final chunk', async () => {
    const s = await server();
    const { id, uploadPath } = await newUpload(s, 'cut five times');
    const log: [number, number, number][] = [];
    for (let i = 0; i < 4; i++) log.push(await cutOnce(s, uploadPath, false));
    log.push(await cutOnce(s, uploadPath, true));
    process.stderr.write(`[upload-interrupt] cuts (PATCH offset, bytes sent before the cut, offset after): ${JSON.stringify(log)}\n`);
    const resumed = await tusResume(s.target(), uploadPath, source, CHUNK);
    expect(resumed.resumedFrom[0]).toBe(log.at(-1)![2]);
    expect(storedSha(s, uploadPath)).toBe(sha(source));
    await waitForStatus(s.api(), id, (st) => st !== 'created' && st !== 'uploading', 20_000);
  }, 90_000);

  it('cuts with the server SIGKILLed and restarted between them, and once in the middle of a PATCH', async () => {
    const s = await server();
    const { id, uploadPath } = await newUpload(s, 'cut across restarts');
    const log: string[] = [];
    for (let i = 0; i < 4; i++) {
      // Cut #2 is the server dying while the PATCH body is still arriving (SIGKILL, then restart).
      const killMidPatch = i === 2 ? () => new Promise<void>((r) => setTimeout(r, 30)).then(() => s.restart()) : undefined;
      const [before, sent, after] = await cutOnce(s, uploadPath, i === 3, killMidPatch);
      log.push(`${before}+${sent}→${after}${killMidPatch ? ' (SIGKILL mid-PATCH)' : ''}`);
      if (i % 2 === 1) {
        await s.restart();
        // The offset survives the crash: what was written before the kill is still there.
        expect((await tusHead(s.target(), uploadPath)).offset).toBeGreaterThanOrEqual(after);
        log.push('restart');
      }
    }
    process.stderr.write(`[upload-interrupt] ${log.join(' ')}\n`);
    await tusResume(s.target(), uploadPath, source, CHUNK);
    expect(storedSha(s, uploadPath)).toBe(sha(source));
    await waitForStatus(s.api(), id, (st) => st !== 'created' && st !== 'uploading', 20_000);
  }, 120_000);

  it('a crash between the last byte and the completion hook: a HEAD resume still finishes the interview', async () => {
    // Deterministic stand-in for a SIGKILL landing after the final bytes reached the disk but before
    // the server told the interview: the last byte is appended to the file while the server is down.
    const s = await server();
    const { id, uploadPath } = await newUpload(s, 'crash before the hook');
    for (let from = 0; from < source.length - 1; ) {
      const r = await tusPatch(s.target(), uploadPath, from, source.subarray(from, Math.min(source.length - 1, from + CHUNK)));
      expect(r.status).toBe(204);
      from = Number(r.headers['upload-offset']);
    }
    await s.restart();
    fs.appendFileSync(path.join(s.dataDir, 'uploads', path.basename(uploadPath)), source.subarray(source.length - 1));
    expect((await s.api()('GET', `/api/v1/interviews/${id}`)).body.status).toBe('uploading');
    // The real browser client: its HEAD sees offset = length and reports success without a PATCH.
    const r = await tusUpload(s.target().base, sourcePath, { token: user.idToken, interviewId: id, uploadUrl: s.target().base + uploadPath, chunkSize: CHUNK });
    expect(r.stopped).toBe(false);
    expect(storedSha(s, uploadPath)).toBe(sha(source));
    const done = await waitForStatus(s.api(), id, (st) => st !== 'uploading', 10_000);
    expect(['uploaded', 'transcribing', 'transcribed', 'analyzing', 'completed']).toContain(done.status);
  }, 90_000);
});
