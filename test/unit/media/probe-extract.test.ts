import { describe, expect, it } from '@jest/globals';
import { isPlausibleDecode } from '../../../services/media/extract.js';
import { interpretProbe } from '../../../services/media/probe.js';
import { parseWavHeader, wavHeader, WavFormatError } from '../../../services/media/wav.js';
import { normaliseWords, wordErrorRate } from '../../../services/media/wer.js';
import { thrownBy } from './thrown.js';

const audio = { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2, duration: '26.724' };
const video = { codec_type: 'video', codec_name: 'h264' };

describe('interpretProbe', () => {
  it('describes an MP4 with video, preferring the audio stream duration', () => {
    const info = interpretProbe({ streams: [video, audio], format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '26.800' } }, 3600);
    expect(info).toEqual({ container: 'mov,mp4,m4a,3gp,3g2,mj2', durationSec: 26.724, audioCodec: 'aac', sampleRate: 48000, channels: 2, hasVideo: true });
  });
  it('falls back to the container duration (WebM streams carry none) and ignores cover art', () => {
    const info = interpretProbe(
      { streams: [{ ...audio, codec_name: 'opus', duration: undefined }, { codec_type: 'video', disposition: { attached_pic: 1 } }], format: { format_name: 'matroska,webm', duration: '12.5' } },
      3600,
    );
    expect(info.durationSec).toBe(12.5);
    expect(info.hasVideo).toBe(false);
  });
  it.each([
    ['no_audio_stream', { streams: [video], format: { duration: '10' } }],
    ['no_audio_stream', {}],
    ['corrupt_media', { streams: [{ ...audio, duration: 'N/A' }], format: { duration: 'N/A' } }],
    ['corrupt_media', { streams: [{ ...audio, duration: '0' }], format: {} }],
    ['duration_too_long', { streams: [{ ...audio, duration: '7200.5' }], format: {} }],
  ])('fails with %s', (code, json) => {
    expect(thrownBy(() => interpretProbe(json, 7200)).code).toBe(code);
  });
});

describe('isPlausibleDecode', () => {
  it('accepts full decodes, encoder padding and a missing sliver at the end', () => {
    expect(isPlausibleDecode(11.0, 11.088)).toBe(true);
    expect(isPlausibleDecode(1800, 1900)).toBe(true);
    expect(isPlausibleDecode(2.5, 3.2)).toBe(true);
  });
  it('rejects a decode that stops well short of the probed duration, or nothing', () => {
    expect(isPlausibleDecode(4.2, 10.9)).toBe(false);
    expect(isPlausibleDecode(1500, 1900)).toBe(false);
    expect(isPlausibleDecode(0, 0.5)).toBe(false);
  });
});

describe('WAV header', () => {
  it('round-trips the header we write', () => {
    const info = parseWavHeader(wavHeader(32000, 16000), 44 + 32000);
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16, dataOffset: 44, dataBytes: 32000, durationSec: 1 });
  });
  it('skips extra chunks (ffmpeg writes LIST) and caps an unset data size by the file length', () => {
    const h = wavHeader(0, 16000);
    h.writeUInt32LE(0xffffffff, 40); // what a streaming writer leaves when it cannot seek back
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([4, 0, 0, 0]), Buffer.from('INFO')]);
    const withList = Buffer.concat([h.subarray(0, 36), list, h.subarray(36)]);
    const info = parseWavHeader(withList, withList.length + 16000);
    expect(info.dataOffset).toBe(56);
    expect(info.durationSec).toBeCloseTo(0.5, 6);
  });
  it('rejects what is not PCM WAV', () => {
    expect(() => parseWavHeader(Buffer.from('RIFF\0\0\0\0AVI LIST'), 100)).toThrow(WavFormatError);
  });
});

describe('wordErrorRate', () => {
  it('normalises case and punctuation', () => {
    expect(normaliseWords("And so, my fellow Americans: ask not — what’s next?")).toEqual(['and', 'so', 'my', 'fellow', 'americans', 'ask', 'not', "what's", 'next']);
    expect(wordErrorRate('Ask not what your country can do.', 'ask not what your country can do')).toBe(0);
  });
  it('counts substitutions, deletions and insertions over the reference length', () => {
    expect(wordErrorRate('a b c d', 'a x c d')).toBe(0.25);
    expect(wordErrorRate('a b c d', 'a c d')).toBe(0.25);
    expect(wordErrorRate('a b c d', 'a b y c d z')).toBe(0.5);
    expect(wordErrorRate('a b', '')).toBe(1);
    expect(wordErrorRate('', '')).toBe(0);
  });
});
