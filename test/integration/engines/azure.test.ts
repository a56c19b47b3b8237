/**
 * The real AzureSpeechEngine against the loopback fast-transcription fake, with generated speech:
 * the exact request (URL, key header, multipart parts, definition), parsing to global word times
 * and speaker labels, splitting of files over the upload cap, and the typed errors and retries.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AzureSpeechEngine, type AzureSpeechConfig } from '../../../services/media/engines/azure.js';
import { PermanentError, TransientError } from '../../../services/shared/errors.js';
import { AzureSpeechFake } from '../../fakes/azure-speech-fake.js';
import { rejectedBy } from '../../unit/media/thrown.js';
import { expectOnTimeline, SENTENCES, testRecording, WAV_BYTES_PER_SEC, type TestRecording } from './recording.js';

const KEY = 'test-azure-key';
let rec: TestRecording;
let fake: AzureSpeechFake;
let work: string;
let wav: string;
let sleeps: number[];

beforeAll(async () => {
  rec = await testRecording();
}, 60_000);
beforeEach(async () => {
  fake = await AzureSpeechFake.start({ key: KEY, known: rec.known });
  work = await mkdtemp(path.join(tmpdir(), 'azure-it-'));
  wav = path.join(work, 'audio.wav');
  await copyFile(rec.wavPath, wav);
  sleeps = [];
});
afterEach(async () => {
  await fake.close();
  expect(await readdir(work)).toEqual(['audio.wav']); // chunk slices are removed on every outcome
  await rm(work, { recursive: true, force: true });
});

const engine = (over: Partial<AzureSpeechConfig> = {}): AzureSpeechEngine =>
  new AzureSpeechEngine({
    endpoint: fake.endpoint,
    key: KEY,
    retry: { sleep: async (ms) => void sleeps.push(ms) },
    ...over,
  });

describe('AzureSpeechEngine against the fast transcription fake', () => {
  it('sends one multipart request in the documented shape', async () => {
    await engine().transcribe(wav);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/speechtotext/transcriptions:transcribe?api-version=2024-11-15');
    expect(req.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.files.map((f) => [f.field, f.filename, f.type])).toEqual([['audio', 'audio.wav', 'audio/wav']]);
    expect(req.files[0]!.bytes.equals(await readFile(wav))).toBe(true);
    expect(JSON.parse(req.fields.definition![0]!)).toEqual({ locales: ['en-US'], diarization: { enabled: true, maxSpeakers: 4 } });
  });

  it('returns words on the recording timeline with speaker labels and phrase confidence', async () => {
    const t = await engine().transcribe(wav);
    expect(t.engine).toBe('azure');
    expect(t.diarized).toBe(true);
    expect(t.language).toBe('en-US');
    expect(t.durationSec).toBeCloseTo(rec.durationSec, 2);
    expect(t.notes).toBeUndefined();
    expectOnTimeline(t, rec);
    const speakers = SENTENCES.flatMap((s, i) => s.split(' ').map(() => `Speaker ${(i % 2) + 1}`));
    expect(t.words.map((w) => w.speaker)).toEqual(speakers);
    expect(new Set(t.words.map((w) => w.confidence))).toEqual(new Set([0.93]));
  });

  it('splits a file over the upload cap at pauses and stitches global times', async () => {
    const cap = 6 * WAV_BYTES_PER_SEC + 44;
    await fake.close();
    fake = await AzureSpeechFake.start({ key: KEY, known: rec.known, maxUploadBytes: cap });
    const progress: number[] = [];
    const t = await engine({ maxUploadBytes: cap }).transcribe(wav, { onProgress: (f) => progress.push(f) });
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of fake.requests) expect(r.files[0]!.bytes.length).toBeLessThanOrEqual(cap);
    expectOnTimeline(t, rec);
    expect(t.notes).toEqual([expect.stringMatching(/in \d+ parts; speaker labels were assigned per part/)]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('treats 401 as a permanent misconfiguration, without retrying', async () => {
    const e = await rejectedBy(engine({ key: 'wrong' }).transcribe(wav));
    expect(e).toBeInstanceOf(PermanentError);
    expect(e.code).toBe('engine_misconfigured');
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 429 after the Retry-After the service asked for, then succeeds', async () => {
    const busy = { status: 429, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } }, headers: { 'retry-after': '7' } };
    fake.failNext(busy, busy);
    const t = await engine().transcribe(wav);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([7000, 7000]);
    expectOnTimeline(t, rec);
  });

  it('gives up on repeated 5xx with a transient error after the configured attempts', async () => {
    const down = { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'Backend busy' } } };
    fake.failNext(down, down, down);
    const e = await rejectedBy(engine().transcribe(wav));
    expect(e).toBeInstanceOf(TransientError);
    expect(e.code).toBe('engine_unavailable');
    expect(e.message).toMatch(/HTTP 503: ServiceUnavailable: Backend busy/);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('treats other 4xx as a permanent rejection', async () => {
    fake.failNext({ status: 400, body: { code: 'InvalidRequest', message: 'Locale not supported' } });
    const e = await rejectedBy(engine().transcribe(wav));
    expect(e.code).toBe('engine_rejected');
    expect(e.message).toMatch(/Locale not supported/);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    fake.failNext({ hang: true });
    const e = await rejectedBy(engine({ timeoutMs: 300, retry: { attempts: 1 } }).transcribe(wav));
    expect(e.code).toBe('engine_timeout');
  });

  it('rejects with the abort reason when the caller aborts mid-request', async () => {
    fake.failNext({ hang: true });
    const ac = new AbortController();
    void fake.nextRequest().then(() => ac.abort(new Error('user cancelled')));
    await expect(engine().transcribe(wav, { signal: ac.signal })).rejects.toThrow('user cancelled');
    expect(sleeps).toEqual([]);
  });
});
