/** Engine choice and the fallback wrapper, with in-memory engines behind the port. */
import { describe, expect, it } from '@jest/globals';
import { engineNameFor, selectEngine } from '../../../services/media/engine-select.js';
import { engineMisconfigured, EngineTransientError } from '../../../services/media/engines/cloud-errors.js';
import type { TranscribeOptions, TranscriptionEngine } from '../../../services/media/engines/engine.js';
import { FallbackEngine, shouldFallBack, SingleSpeakerEngine } from '../../../services/media/engines/fallback.js';
import { mediaError } from '../../../services/media/errors.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import { rejectedBy, thrownBy } from '../media/thrown.js';

/** An engine that answers from a list: a transcript, or an error to throw. */
class ScriptedEngine implements TranscriptionEngine {
  calls = 0;
  constructor(readonly name: string, private readonly outcome: Transcript | Error, private readonly progress: number[] = []) {}
  async transcribe(_wav: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    this.calls++;
    for (const f of this.progress) opts.onProgress?.(f);
    if (this.outcome instanceof Error) throw this.outcome;
    return this.outcome;
  }
}
const transcript = (engine: string): Transcript => ({ engine, durationSec: 1, words: [{ text: 'hi', start: 0, end: 0.5 }], text: 'hi' });

describe('engineNameFor', () => {
  it('prefers the upload’s choice, then TRANSCRIPTION_ENGINE, then local', () => {
    expect(engineNameFor('Azure', { TRANSCRIPTION_ENGINE: 'openai' })).toBe('azure');
    expect(engineNameFor(undefined, { TRANSCRIPTION_ENGINE: 'openai' })).toBe('openai');
    expect(engineNameFor(undefined, {})).toBe('local');
    expect(engineNameFor('', { TRANSCRIPTION_ENGINE: ' ' })).toBe('local');
    expect(thrownBy(() => engineNameFor('gcp', {})).code).toBe('unknown_engine');
    expect(engineNameFor(undefined, { TRANSCRIPTION_ENGINE: 'whisper' })).toBe('whisper');
    expect(engineNameFor('PocketSphinx', {})).toBe('pocketsphinx');
    expect(thrownBy(() => engineNameFor(undefined, { TRANSCRIPTION_ENGINE: 'kaldi' })).code).toBe('unknown_engine');
  });

  it('builds without I/O: a missing key is found when transcribing, not when choosing', () => {
    const local = new ScriptedEngine('local', transcript('local'));
    expect(selectEngine('azure', { env: {}, local }).name).toBe('azure');
    expect(selectEngine(undefined, { env: {}, local }).name).toBe('local');
  });
});

describe('shouldFallBack', () => {
  it('falls back on engine failures, not on faults of the recording or non-app errors', () => {
    expect(shouldFallBack(engineMisconfigured('no key'))).toBe(true);
    expect(shouldFallBack(new EngineTransientError('engine_rate_limited', 'busy'))).toBe(true);
    expect(shouldFallBack(mediaError('no_speech', 'silence'))).toBe(false);
    expect(shouldFallBack(new Error('aborted'))).toBe(false);
  });
});

describe('FallbackEngine', () => {
  it('returns the primary’s transcript untouched when it works', async () => {
    const primary = new ScriptedEngine('azure', { ...transcript('azure'), diarized: true });
    const local = new ScriptedEngine('local', transcript('local'));
    const t = await new FallbackEngine({ name: 'azure', primary: () => primary, fallback: local }).transcribe('x.wav');
    expect(t).toEqual({ ...transcript('azure'), diarized: true });
    expect(local.calls).toBe(0);
  });

  it('falls back with a note, progress never going backwards', async () => {
    const primary = new ScriptedEngine('openai', new EngineTransientError('engine_unavailable', 'openai answered HTTP 503'), [0.5]);
    const local = new SingleSpeakerEngine(new ScriptedEngine('local', { ...transcript('local'), notes: ['earlier note'] }, [0, 0.5, 1]));
    const progress: number[] = [];
    const t = await new FallbackEngine({ name: 'openai', primary: () => primary, fallback: local }).transcribe('x.wav', { onProgress: (f) => progress.push(f) });
    expect(t.engine).toBe('local');
    expect(t.diarized).toBe(false);
    expect(t.notes).toEqual([
      'The openai engine could not transcribe this recording (engine_unavailable: openai answered HTTP 503); it was transcribed by the local engine instead.',
      'earlier note',
    ]);
    expect(progress).toEqual([0.5, 0.5, 0.75, 1]);
  });

  it('falls back when the primary cannot even be built', async () => {
    const local = new ScriptedEngine('local', transcript('local'));
    const t = await new FallbackEngine({ name: 'azure', primary: () => { throw engineMisconfigured('azure engine: AZURE_SPEECH_KEY not set'); }, fallback: local }).transcribe('x.wav');
    expect(t.notes![0]).toMatch(/AZURE_SPEECH_KEY not set/);
  });

  it('passes on a fault of the recording without trying the fallback', async () => {
    const local = new ScriptedEngine('local', transcript('local'));
    const e = await rejectedBy(new FallbackEngine({ name: 'azure', primary: () => new ScriptedEngine('azure', mediaError('no_speech', 'silence')), fallback: local }).transcribe('x.wav'));
    expect(e.code).toBe('no_speech');
    expect(local.calls).toBe(0);
  });
});
