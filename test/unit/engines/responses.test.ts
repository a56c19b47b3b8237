/** Pure parsing of the cloud answers, on bodies in the documented shapes. */
import { describe, expect, it } from '@jest/globals';
import { parseAzureFastTranscription } from '../../../services/media/engines/azure-response.js';
import { azureConfigFromEnv, azureDefinition, azureTranscribeUrl } from '../../../services/media/engines/azure.js';
import { uploadPlan } from '../../../services/media/engines/cloud-chunks.js';
import { parseDiarizedJson, parseVerboseJson } from '../../../services/media/engines/openai-response.js';
import { openaiConfigFromEnv, openaiModeFor } from '../../../services/media/engines/openai.js';
import { thrownBy } from '../media/thrown.js';

describe('parseAzureFastTranscription', () => {
  const body = {
    durationMilliseconds: 9000,
    combinedPhrases: [{ text: 'Good afternoon. This is Sam. Hi Sam.' }],
    phrases: [
      { offsetMilliseconds: 4480, durationMilliseconds: 1200, text: 'Hi Sam.', locale: 'en-US', confidence: 0.8, speaker: 2 },
      {
        offsetMilliseconds: 960, durationMilliseconds: 2400, text: 'Good afternoon. This is Sam.', locale: 'en-US', confidence: 0.93, speaker: 1,
        words: [
          { text: 'Good', offsetMilliseconds: 960, durationMilliseconds: 240 },
          { text: 'afternoon.', offsetMilliseconds: 1200, durationMilliseconds: 640 },
          { text: 'This', offsetMilliseconds: 2000, durationMilliseconds: 200 },
          { text: 'is', offsetMilliseconds: 2200, durationMilliseconds: 120 },
          { text: 'Sam.', offsetMilliseconds: 2320, durationMilliseconds: 1040 },
        ],
      },
    ],
  };

  it('orders phrases, takes absolute word offsets, labels speakers, spreads phrases without words', () => {
    const got = parseAzureFastTranscription(body);
    expect(got.language).toBe('en-US');
    expect(got.speakers).toEqual(['Speaker 1', 'Speaker 2']);
    expect(got.words.slice(0, 2)).toEqual([
      { text: 'Good', start: 0.96, end: 1.2, confidence: 0.93, speaker: 'Speaker 1' },
      { text: 'afternoon.', start: 1.2, end: 1.84, confidence: 0.93, speaker: 'Speaker 1' },
    ]);
    expect(got.words.slice(5)).toEqual([
      { text: 'Hi', start: 4.48, end: 4.88, confidence: 0.8, speaker: 'Speaker 2' }, // by length: 2 of 6 characters
      { text: 'Sam.', start: 4.88, end: 5.68, confidence: 0.8, speaker: 'Speaker 2' },
    ]);
  });

  it('accepts an answer with no speech and refuses malformed ones', () => {
    expect(parseAzureFastTranscription({ durationMilliseconds: 1000, combinedPhrases: [], phrases: [] }).words).toEqual([]);
    expect(thrownBy(() => parseAzureFastTranscription({ text: 'hi' })).code).toBe('engine_bad_response');
    expect(thrownBy(() => parseAzureFastTranscription({ phrases: [{ text: 'x', offsetMilliseconds: -1, durationMilliseconds: 1 }] })).code).toBe('engine_bad_response');
    expect(thrownBy(() => parseAzureFastTranscription({ phrases: [{ text: 'x', offsetMilliseconds: 0, durationMilliseconds: 1, speaker: 'one' }] })).code).toBe('engine_bad_response');
  });
});

describe('azure request pieces', () => {
  it('builds the URL from an endpoint with or without a trailing slash', () => {
    const want = 'https://westeurope.api.cognitive.microsoft.com/speechtotext/transcriptions:transcribe?api-version=2024-11-15';
    expect(azureTranscribeUrl('https://westeurope.api.cognitive.microsoft.com/')).toBe(want);
    expect(azureTranscribeUrl('https://westeurope.api.cognitive.microsoft.com')).toBe(want);
    expect(thrownBy(() => azureTranscribeUrl('westeurope')).code).toBe('engine_misconfigured');
    expect(JSON.parse(azureDefinition(['en-US'], 3))).toEqual({ locales: ['en-US'], diarization: { enabled: true, maxSpeakers: 3 } });
  });

  it('reads env, naming what is missing', () => {
    expect(thrownBy(() => azureConfigFromEnv({ AZURE_SPEECH_ENDPOINT: 'https://x' })).message).toMatch(/AZURE_SPEECH_KEY not set/);
    expect(azureConfigFromEnv({ AZURE_SPEECH_ENDPOINT: 'https://x', AZURE_SPEECH_KEY: 'k', AZURE_SPEECH_MAX_SPEAKERS: '3', AZURE_SPEECH_LOCALE: 'en-GB' }))
      .toEqual({ endpoint: 'https://x', key: 'k', maxSpeakers: 3, locales: ['en-GB'] });
    expect(thrownBy(() => azureConfigFromEnv({ AZURE_SPEECH_ENDPOINT: 'https://x', AZURE_SPEECH_KEY: 'k', AZURE_SPEECH_MAX_SPEAKERS: '99' })).code).toBe('engine_misconfigured');
  });
});

describe('openai answers', () => {
  it('verbose_json: word times as given, confidence from the enclosing segment', () => {
    const got = parseVerboseJson({
      task: 'transcribe', language: 'english', duration: 3, text: 'Hello there.',
      words: [{ word: 'Hello', start: 0.2, end: 0.6 }, { word: 'there.', start: 0.6, end: 1.1 }, { word: '…', start: 1.1, end: 1.1 }],
      segments: [{ id: 0, seek: 0, start: 0, end: 1.2, text: ' Hello there.', tokens: [], temperature: 0, avg_logprob: Math.log(0.8), compression_ratio: 1, no_speech_prob: 0 }],
    });
    expect(got.language).toBe('english');
    expect(got.words.map((w) => [w.text, w.start, w.end])).toEqual([['Hello', 0.2, 0.6], ['there.', 0.6, 1.1]]);
    expect(got.words[0]!.confidence).toBeCloseTo(0.8, 9);
  });

  it('verbose_json without any timestamps is a bad response, not an empty transcript', () => {
    expect(thrownBy(() => parseVerboseJson({ text: 'Hello there.' })).code).toBe('engine_bad_response');
    expect(parseVerboseJson({ text: '', words: [] }).words).toEqual([]);
  });

  it('diarized_json: words spread over segments with speaker labels', () => {
    const got = parseDiarizedJson({
      task: 'transcribe', duration: 4, text: 'Hi. Hello you.',
      segments: [
        { type: 'transcript.text.segment', id: 'seg_1', start: 1, end: 3, text: 'Hello you.', speaker: 'B' },
        { type: 'transcript.text.segment', id: 'seg_0', start: 0, end: 0.5, text: 'Hi.', speaker: 'agent' },
      ],
    });
    expect(got.words).toEqual([
      { text: 'Hi.', start: 0, end: 0.5, speaker: 'agent' },
      { text: 'Hello', start: 1, end: 2.111, speaker: 'Speaker B' }, // 5 of 9 characters
      { text: 'you.', start: 2.111, end: 3, speaker: 'Speaker B' },
    ]);
    expect(thrownBy(() => parseDiarizedJson({ text: 'x' })).code).toBe('engine_bad_response');
  });

  it('picks the response format by model and refuses models without timestamps', () => {
    expect(openaiModeFor('whisper-1')).toBe('verbose_json');
    expect(openaiModeFor('Systran/faster-whisper-small')).toBe('verbose_json');
    expect(openaiModeFor('gpt-4o-transcribe-diarize')).toBe('diarized_json');
    expect(thrownBy(() => openaiModeFor('gpt-4o-mini-transcribe')).code).toBe('engine_misconfigured');
    expect(thrownBy(() => openaiConfigFromEnv({})).message).toMatch(/OPENAI_API_KEY not set/);
    expect(thrownBy(() => openaiConfigFromEnv({ OPENAI_API_KEY: 'k', OPENAI_TRANSCRIBE_MODEL: 'gpt-4o-transcribe' })).code).toBe('engine_misconfigured');
    expect(openaiConfigFromEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })).toEqual({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1' });
  });
});

describe('uploadPlan', () => {
  const pcm16k = { sampleRate: 16000, channels: 1, bitsPerSample: 16 };
  it('sends a file under the cap whole and sizes chunks of a bigger one to fit', () => {
    expect(uploadPlan(1000, pcm16k, 1000)).toEqual({ whole: true });
    const p = uploadPlan(25 * 1024 * 1024 * 4, pcm16k, 24 * 1024 * 1024);
    expect(p.whole).toBe(false);
    if (p.whole) return;
    expect(44 + p.maxChunkSec * 32000).toBeLessThanOrEqual(24 * 1024 * 1024);
    expect(p.maxChunkSec).toBeGreaterThan(780);
    expect(p.minChunkSec).toBeCloseTo(p.maxChunkSec * 0.6, 6);
    expect(() => uploadPlan(10_000, pcm16k, 1000)).toThrow(RangeError);
  });
});
