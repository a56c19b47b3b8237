/**
 * Engine choice and fallback end to end: selectEngine builds the real cloud engine from env
 * variables pointing at a loopback fake, and when that engine cannot deliver, the real local
 * pocketsphinx engine transcribes the same file and the transcript says why.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { selectEngine } from '../../../services/media/engine-select.js';
import { LocalPocketsphinxEngine } from '../../../services/media/engines/local.js';
import { AzureSpeechFake } from '../../fakes/azure-speech-fake.js';
import { OpenAIAudioFake } from '../../fakes/openai-audio-fake.js';
import { rejectedBy } from '../../unit/media/thrown.js';
import { expectOnTimeline, testRecording, type TestRecording } from './recording.js';

const SLOW = 60_000;
let rec: TestRecording;
let azure: AzureSpeechFake;
let openai: OpenAIAudioFake;
const local = new LocalPocketsphinxEngine({ concurrency: 1 });
const retry = { sleep: async (): Promise<void> => undefined };

beforeAll(async () => {
  rec = await testRecording();
  azure = await AzureSpeechFake.start({ key: 'az-key', known: rec.known });
  openai = await OpenAIAudioFake.start({ apiKey: 'sk-key', known: rec.known });
}, SLOW);
afterAll(async () => {
  await azure.close();
  await openai.close();
});

const azureEnv = (key: string | undefined): NodeJS.ProcessEnv => ({
  TRANSCRIPTION_ENGINE: 'azure',
  AZURE_SPEECH_ENDPOINT: azure.endpoint,
  ...(key !== undefined && { AZURE_SPEECH_KEY: key }),
});
const openaiEnv = { OPENAI_API_KEY: 'sk-key', OPENAI_BASE_URL: '' };

describe('selectEngine with real engines', () => {
  it('uses the env default cloud engine when it works', async () => {
    const t = await selectEngine(undefined, { env: azureEnv('az-key'), local, retry }).transcribe(rec.wavPath);
    expect(t.engine).toBe('azure');
    expect(t.diarized).toBe(true);
    expect(t.notes).toBeUndefined();
    expectOnTimeline(t, rec);
  });

  it('honours the upload’s own choice over the env default', async () => {
    const env = { ...azureEnv('az-key'), ...openaiEnv, OPENAI_BASE_URL: openai.baseURL, OPENAI_TRANSCRIBE_MODEL: 'gpt-4o-transcribe-diarize' };
    const t = await selectEngine('openai', { env, local, retry }).transcribe(rec.wavPath);
    expect(t.engine).toBe('openai');
    expect(t.words.some((w) => w.speaker === 'Speaker B')).toBe(true);
  });

  it('falls back to local with a note when the key is wrong', async () => {
    const before = azure.requests.length;
    const t = await selectEngine(undefined, { env: azureEnv('stale-key'), local, retry }).transcribe(rec.wavPath);
    expect(azure.requests.length - before).toBe(1);
    expect(t.engine).toBe('local');
    expect(t.diarized).toBe(false);
    expect(t.words.length).toBeGreaterThan(10);
    expect(t.notes).toEqual([expect.stringMatching(/^The azure engine could not transcribe this recording \(engine_misconfigured: .*HTTP 401.*local engine instead\.$/)]);
  }, SLOW);

  it('falls back to local with a note when the key is not configured at all', async () => {
    const before = azure.requests.length;
    const t = await selectEngine('azure', { env: azureEnv(undefined), local, retry }).transcribe(rec.wavPath);
    expect(azure.requests.length).toBe(before);
    expect(t.engine).toBe('local');
    expect(t.notes![0]).toMatch(/engine_misconfigured: azure engine: AZURE_SPEECH_KEY not set/);
  }, SLOW);

  it('falls back to local after retries when the service stays down', async () => {
    const down = { status: 503, body: { error: { message: 'overloaded', type: 'server_error', param: null, code: null } } };
    openai.failNext(down, down, down);
    const before = openai.requests.length;
    const progress: number[] = [];
    const t = await selectEngine('openai', { env: { ...openaiEnv, OPENAI_BASE_URL: openai.baseURL }, local, retry }).transcribe(rec.wavPath, {
      onProgress: (f) => progress.push(f),
    });
    expect(openai.requests.length - before).toBe(3);
    expect(t.engine).toBe('local');
    expect(t.notes![0]).toMatch(/The openai engine could not transcribe this recording \(engine_unavailable: /);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  }, SLOW);

  it('does not fall back when the caller aborts', async () => {
    azure.failNext({ hang: true });
    const ac = new AbortController();
    void azure.nextRequest().then(() => ac.abort(new Error('deleted by user')));
    await expect(selectEngine('azure', { env: azureEnv('az-key'), local, retry }).transcribe(rec.wavPath, { signal: ac.signal })).rejects.toThrow('deleted by user');
  });

  it('marks local transcripts as not diarized', async () => {
    const t = await selectEngine('local', { env: {}, local }).transcribe(rec.wavPath);
    expect(t.engine).toBe('local');
    expect(t.diarized).toBe(false);
  }, SLOW);

  it('refuses an unknown engine name', async () => {
    expect(() => selectEngine('whisper-cpp', { env: {} })).toThrow(/not an engine/);
    const e = await rejectedBy(Promise.resolve().then(() => selectEngine(undefined, { env: { TRANSCRIPTION_ENGINE: 'gcp' } })));
    expect(e.code).toBe('unknown_engine');
  });
});
