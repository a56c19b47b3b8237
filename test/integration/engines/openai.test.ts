/**
 * The real OpenAIEngine (official SDK) against the loopback /v1/audio/transcriptions fake, with
 * generated speech: request fields per model, verbose_json word times and confidence, diarized_json
 * speakers, splitting at the upload cap, and typed errors with retries.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OpenAIEngine, type OpenAIEngineConfig } from '../../../services/media/engines/openai.js';
import { PermanentError, TransientError } from '../../../services/shared/errors.js';
import { OpenAIAudioFake } from '../../fakes/openai-audio-fake.js';
import { rejectedBy, thrownBy } from '../../unit/media/thrown.js';
import { expectOnTimeline, SENTENCES, testRecording, WAV_BYTES_PER_SEC, type TestRecording } from './recording.js';

const KEY = 'sk-test-openai';
let rec: TestRecording;
let fake: OpenAIAudioFake;
let work: string;
let wav: string;
let sleeps: number[];

beforeAll(async () => {
  rec = await testRecording();
}, 60_000);
beforeEach(async () => {
  fake = await OpenAIAudioFake.start({ apiKey: KEY, known: rec.known });
  work = await mkdtemp(path.join(tmpdir(), 'openai-it-'));
  wav = path.join(work, 'audio.wav');
  await copyFile(rec.wavPath, wav);
  sleeps = [];
});
afterEach(async () => {
  await fake.close();
  expect(await readdir(work)).toEqual(['audio.wav']);
  await rm(work, { recursive: true, force: true });
});

const engine = (over: Partial<OpenAIEngineConfig> = {}): OpenAIEngine =>
  new OpenAIEngine({ apiKey: KEY, baseURL: fake.baseURL, retry: { sleep: async (ms) => void sleeps.push(ms) }, ...over });

describe('OpenAIEngine with whisper-1 (verbose_json)', () => {
  it('asks for word and segment timestamps in a multipart request', async () => {
    await engine().transcribe(wav);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.url).toBe('/v1/audio/transcriptions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.fields.model).toEqual(['whisper-1']);
    expect(req.fields.response_format).toEqual(['verbose_json']);
    expect(req.fields['timestamp_granularities[]']).toEqual(['word', 'segment']);
    expect(req.files.map((f) => f.field)).toEqual(['file']);
    expect(req.files[0]!.filename).toBe('audio.wav');
  });

  it('returns words on the recording timeline, confidence from the segment, no speakers', async () => {
    const t = await engine().transcribe(wav);
    expect(t.engine).toBe('openai');
    expect(t.diarized).toBe(false);
    expect(t.language).toBe('english');
    expectOnTimeline(t, rec, 0.002);
    expect(t.words.every((w) => w.speaker === undefined)).toBe(true);
    expect(t.words[0]!.confidence).toBeCloseTo(Math.exp(-0.12), 6);
  });

  it('splits a file over the 25 MB-style cap and stitches global times', async () => {
    const cap = 6 * WAV_BYTES_PER_SEC + 44;
    await fake.close();
    fake = await OpenAIAudioFake.start({ apiKey: KEY, known: rec.known, maxFileBytes: cap });
    const t = await engine({ maxUploadBytes: cap }).transcribe(wav);
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of fake.requests) expect(r.files[0]!.bytes.length).toBeLessThanOrEqual(cap);
    expectOnTimeline(t, rec, 0.002);
    expect(t.notes).toBeUndefined(); // no speaker labels, so nothing to caveat about parts
  });

  it('would be refused by the service for a file over the cap if it were not split', async () => {
    const cap = 6 * WAV_BYTES_PER_SEC + 44;
    await fake.close();
    fake = await OpenAIAudioFake.start({ apiKey: KEY, known: rec.known, maxFileBytes: cap });
    const e = await rejectedBy(engine({ maxUploadBytes: 10 * cap }).transcribe(wav));
    expect(e.code).toBe('engine_rejected');
  });
});

describe('OpenAIEngine with gpt-4o-transcribe-diarize (diarized_json)', () => {
  it('asks for diarized_json with auto chunking and labels speakers', async () => {
    const t = await engine({ model: 'gpt-4o-transcribe-diarize' }).transcribe(wav);
    const req = fake.requests[0]!;
    expect(req.fields.model).toEqual(['gpt-4o-transcribe-diarize']);
    expect(req.fields.response_format).toEqual(['diarized_json']);
    expect(req.fields.chunking_strategy).toEqual(['auto']);
    expect(req.fields['timestamp_granularities[]']).toBeUndefined();
    expect(t.diarized).toBe(true);
    expectOnTimeline(t, rec, 0.002);
    const speakers = SENTENCES.flatMap((s, i) => s.split(' ').map(() => (i % 2 === 0 ? 'Speaker A' : 'Speaker B')));
    expect(t.words.map((w) => w.speaker)).toEqual(speakers);
  });

  it('notes that speaker labels come from separate parts when it had to split', async () => {
    const cap = 6 * WAV_BYTES_PER_SEC + 44;
    const t = await engine({ model: 'gpt-4o-transcribe-diarize', maxUploadBytes: cap }).transcribe(wav);
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    expectOnTimeline(t, rec, 0.002);
    expect(t.notes).toEqual([expect.stringMatching(/sent to openai in \d+ parts/)]);
  });
});

describe('OpenAIEngine failures', () => {
  it('refuses a model without timestamps as misconfiguration, before any request', () => {
    expect(thrownBy(() => engine({ model: 'gpt-4o-transcribe' })).code).toBe('engine_misconfigured');
    expect(fake.requests).toHaveLength(0);
  });

  it('treats 401 as a permanent misconfiguration, without retrying', async () => {
    const e = await rejectedBy(engine({ apiKey: 'sk-wrong' }).transcribe(wav));
    expect(e).toBeInstanceOf(PermanentError);
    expect(e.code).toBe('engine_misconfigured');
    expect(e.message).toMatch(/Incorrect API key/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 429 honouring retry-after-ms, then succeeds', async () => {
    fake.failNext({
      status: 429,
      body: { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
      headers: { 'retry-after-ms': '2500' },
    });
    const t = await engine().transcribe(wav);
    expect(sleeps).toEqual([2500]);
    expect(fake.requests).toHaveLength(2);
    expectOnTimeline(t, rec, 0.002);
  });

  it('gives up on repeated 500 with a transient error', async () => {
    const down = { status: 500, body: { error: { message: 'The server had an error', type: 'server_error', param: null, code: null } } };
    fake.failNext(down, down, down);
    const e = await rejectedBy(engine().transcribe(wav));
    expect(e).toBeInstanceOf(TransientError);
    expect(e.code).toBe('engine_unavailable');
    expect(fake.requests).toHaveLength(3);
  });

  it('reports an unreachable server as transient', async () => {
    await fake.close();
    const e = await rejectedBy(engine({ retry: { attempts: 1 } }).transcribe(wav));
    expect(e.code).toBe('engine_unavailable');
    fake = await OpenAIAudioFake.start({ apiKey: KEY, known: rec.known });
  });

  it('rejects with the abort reason when the caller aborts mid-request', async () => {
    fake.failNext({ hang: true });
    const ac = new AbortController();
    void fake.nextRequest().then(() => ac.abort(new Error('user cancelled')));
    await expect(engine().transcribe(wav, { signal: ac.signal })).rejects.toThrow('user cancelled');
  });
});
