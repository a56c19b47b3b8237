/**
 * Every case of the bad-input corpus (test/fixtures/bad/manifest.json) through the real server:
 * tus uploads, tus creation headers, transcript imports, JSON bodies and URLs. Each must end as the
 * manifest says — a 4xx with a JSON {code, message}, or an interview `failed` with a precise code,
 * or a completed analysis — and never a 5xx, a crash, a hang (every wait is bounded), a partial
 * write, or a file outside the data directory. bad-input.test.ts covers the basic cases of each
 * kind; this file runs the corpus and the invariants around it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiClient, filesUnder, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { type BadCase, expandName, loadCorpus, materialise } from '../helpers/bad-corpus.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';

const CASES = loadCorpus();
// The data dir sits eight levels below a fresh root: a relative "../" name that escaped it would
// land inside the root (and be found), an absolute one is checked by name.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-corpus-'));
const INSIDE = 'a/b/c/d/e/f/g/h/data';
const dataDir = path.join(root, INSIDE);
const escapes: string[] = [];
const serverErrors: string[] = [];
let run: RunningApp;
let user: TestAccount;
let api: ReturnType<typeof apiClient>;

withAuthEmulator();
beforeAll(async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  run = await startTestApp({ MAX_DURATION_SEC: '3600', MAX_JSON_BYTES: String(256 * 1024), MAX_TRANSCRIPT_BYTES: String(2 * 1024 * 1024) }, dataDir);
  user = await signUp();
  api = apiClient(run.base, user.idToken);
}, 60_000);
afterAll(async () => {
  await run?.stop();
  fs.rmSync(root, { recursive: true, force: true });
  for (const f of escapes) fs.rmSync(f, { force: true });
});

const auth = () => ({ authorization: `Bearer ${user.idToken}` });
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

interface Answer {
  status: number;
  body: { error?: { code?: string; message?: string } } | undefined;
}

/** fetch that records any 5xx, streams a body without Content-Length when asked. */
async function send(url: string, init: { method: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean }): Promise<Answer> {
  let body: Buffer | ReadableStream<Uint8Array> | undefined = init.body;
  if (init.body && init.chunked) {
    const buf = init.body;
    body = new ReadableStream({
      start(ctl) {
        for (let at = 0; at < buf.length; at += 1 << 20) ctl.enqueue(buf.subarray(at, at + (1 << 20)));
        ctl.close();
      },
    });
  }
  const res = await fetch(run.base + url, { method: init.method, headers: init.headers ?? {}, ...(body !== undefined && { body, duplex: 'half' }) } as RequestInit);
  const text = await res.text();
  if (res.status >= 500) serverErrors.push(`${init.method} ${url} → ${res.status} ${text.slice(0, 200)}`);
  let parsed: Answer['body'];
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed };
}

const newInterview = async (c: BadCase) => (await api('POST', '/api/v1/interviews', { title: `corpus ${c.id}` })).body.id as string;

function metadataFor(c: BadCase, interviewId: string): string {
  if (c.rawMetadata) return c.rawMetadata.replace('{interviewId}', interviewId);
  const name = expandName(c.filename ?? `${c.id}.bin`);
  if ((path.isAbsolute(name) || name.includes('..')) && !name.includes('\0')) escapes.push(path.resolve(dataDir, 'uploads', name), path.resolve(name));
  return [`interviewId ${b64(interviewId)}`, `filename ${b64(name)}`, ...(c.filetype ? [`filetype ${b64(c.filetype)}`] : [])].join(',');
}

async function runCase(c: BadCase): Promise<{ answer?: Answer; interviewId?: string }> {
  const url = c.route?.split(' ')[1];
  switch (c.kind) {
    case 'url':
      return { answer: await send(url!, { method: c.route!.split(' ')[0]!, headers: auth() }) };
    case 'tus-create': {
      const interviewId = await newInterview(c);
      return { interviewId, answer: await send('/files/', { method: 'POST', headers: { ...auth(), 'tus-resumable': '1.0.0', 'upload-length': '100', 'upload-metadata': metadataFor(c, interviewId) } }) };
    }
    case 'upload': {
      const interviewId = await newInterview(c);
      return { interviewId, answer: await upload(c, interviewId, materialise(c)) };
    }
    case 'transcript': {
      const interviewId = await newInterview(c);
      const headers = { ...auth(), 'content-type': 'text/vtt', ...(c.gzip && { 'content-encoding': 'gzip' }), ...c.headers };
      const q = c.query ? `?${c.query}` : c.filename ? `?filename=${encodeURIComponent(c.filename)}` : '';
      return { interviewId, answer: await send(`/api/v1/interviews/${interviewId}/transcript${q}`, { method: 'PUT', headers, body: materialise(c), chunked: c.chunked ?? false }) };
    }
    case 'json': {
      const interviewId = await newInterview(c);
      const headers = { ...auth(), 'content-type': 'application/json', ...(c.gzip && { 'content-encoding': 'gzip' }), ...c.headers };
      return { interviewId, answer: await send(url!.replace('{id}', interviewId), { method: c.route!.split(' ')[0]!, headers, body: materialise(c), chunked: c.chunked ?? false }) };
    }
  }
}

/** Creation, then PATCHes of up to 8 MB; the first non-success answer is returned. */
async function upload(c: BadCase, interviewId: string, bytes: Buffer): Promise<Answer> {
  const tus = { ...auth(), 'tus-resumable': '1.0.0' };
  const res = await fetch(`${run.base}/files/`, { method: 'POST', headers: { ...tus, 'upload-length': String(bytes.length), 'upload-metadata': metadataFor(c, interviewId) } });
  if (res.status !== 201) {
    const text = await res.text();
    if (res.status >= 500) serverErrors.push(`tus POST ${c.id} → ${res.status}`);
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const location = res.headers.get('location')!;
  for (let at = 0; at < bytes.length; at += 8 << 20) {
    const patch = await send(location, { method: 'PATCH', headers: { ...tus, 'upload-offset': String(at), 'content-type': 'application/offset+octet-stream' }, body: bytes.subarray(at, at + (8 << 20)) });
    if (patch.status !== 204) return patch;
  }
  return { status: 204, body: undefined };
}

const interviewFiles = (id: string) => filesUnder(dataDir).filter((f) => f.includes(id));

describe('bad-input corpus', () => {
  it('has a case of every kind the issue names', () => {
    const ids = CASES.map((c) => c.id).join(' ');
    for (const kind of ['empty', 'text-named', 'mp4-truncated', 'wav-zero', 'claims', 'clip-0.1s', 'id3-tag', 'filename-traversal', 'filename-absolute', 'filename-nul', 'vtt-50mb', 'srt-binary', 'json-nested-10000', 'json-50mb']) {
      expect([kind, ids.includes(kind)]).toEqual([kind, true]);
    }
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { answer, interviewId } = await runCase(c);
    const e = c.expect;
    if ('status' in e) {
      expect([answer?.status, answer?.body?.error?.code]).toEqual([e.status, e.code]);
      expect(answer?.body?.error?.message).toEqual(expect.stringMatching(/\S/));
      if (interviewId) {
        // Refused means untouched: still `created`, no upload, transcript or report stored.
        expect((await api('GET', `/api/v1/interviews/${interviewId}`)).body.status).toBe('created');
        expect(interviewFiles(interviewId)).toEqual([]);
      }
      return;
    }
    expect(answer && answer.status < 300).toBe(true);
    const iv = await waitForStatus(api, interviewId!, (s) => s === 'completed' || s === 'failed', 90_000);
    if ('failed' in e) {
      expect([iv.status, iv.error?.code, iv.error?.stage]).toEqual(['failed', e.failed, 'transcription']);
      expect(iv.error.message).toEqual(expect.stringMatching(/\S/));
      // Nothing derived was kept; the recording itself stays so the user can see what failed.
      expect(interviewFiles(interviewId!).filter((f) => !f.startsWith('uploads/'))).toEqual([]);
    } else {
      expect(iv.status).toBe('completed');
      expect((await api('GET', `/api/v1/interviews/${interviewId}/report`)).status).toBe(200);
    }
  }, 120_000);

  it('answered no request with a 5xx and kept serving', async () => {
    expect(serverErrors).toEqual([]);
    expect((await fetch(`${run.base}/healthz`)).status).toBe(200);
  });

  it('left no file outside the data directory and no scratch files', async () => {
    await run.app.settle();
    expect(filesUnder(root).filter((f) => !f.startsWith(`${INSIDE}/`))).toEqual([]);
    expect(escapes.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(filesUnder(path.join(dataDir, 'work'))).toEqual([]);
    // One interview per case that made one: no refused POST created another.
    const ids = new Set(((await api('GET', '/api/v1/interviews')).body.items as { id: string }[]).map((i) => i.id));
    expect(ids.size).toBe(CASES.filter((c) => c.kind !== 'url').length);
    // Every stored upload belongs to an interview of this run, under its own generated name.
    expect(filesUnder(path.join(dataDir, 'uploads')).filter((f) => !ids.has(f.split('--')[0]!))).toEqual([]);
  });
});
