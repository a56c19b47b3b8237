import { describe, expect, it } from '@jest/globals';
import { MAX_CUES, MAX_TRANSCRIPT_BYTES, parseTimestamp } from '../../../services/transcripts/cue.js';
import { detectTranscriptFormat, parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { thrownBy } from '../media/thrown.js';

const cue = (i: number): string => {
  const t = (s: number): string => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  return `${t(i)} --> ${t(i + 1)}\nw${i}\n`;
};

describe('detectTranscriptFormat', () => {
  it('decides by content first, the file name only as a hint', () => {
    expect(detectTranscriptFormat('WEBVTT\n\n', 'a.srt')).toBe('vtt');
    expect(detectTranscriptFormat('1\n00:00:01,000 --> 00:00:02,000\n', 'a.vtt')).toBe('srt');
    expect(detectTranscriptFormat('hello', 'a.vtt')).toBe('vtt');
    expect(detectTranscriptFormat('hello', 'A.SRT')).toBe('srt');
    // Text with no times is plain text, tried last; text without a single word is nothing.
    expect(detectTranscriptFormat('hello')).toBe('plain-txt');
    expect(detectTranscriptFormat(' \n...\n')).toBeNull();
  });
});

describe('parseTimestamp', () => {
  it('reads hours, minutes, seconds and milliseconds', () => {
    expect(parseTimestamp('01:02:03.456', 1)).toBeCloseTo(3723.456, 9);
    expect(parseTimestamp('02:03,4', 1)).toBeCloseTo(123.4, 9);
    expect(parseTimestamp('100:00:00.000', 1)).toBe(360000);
  });
});

describe('parseTranscriptFile limits and garbage', () => {
  it('rejects text without a single word, naming line 1', () => {
    const e = thrownBy(() => parseTranscriptFile('\n -- \n', 'notes.txt'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.message).toMatch(/^line 1: /);
  });

  it('rejects binary content, naming the line where it starts', () => {
    const e = thrownBy(() => parseTranscriptFile('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi \u0000\u0001\u0002', 'x.vtt'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual({ line: 4 });
    // What a PNG or PDF decoded as UTF-8 looks like: replacement characters.
    expect(thrownBy(() => parseTranscriptFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('utf8'))).code).toBe('invalid_transcript');
  });

  it('rejects more than 5 MB', () => {
    const big = 'WEBVTT\n\n' + cue(0) + '\nNOTE ' + 'x'.repeat(MAX_TRANSCRIPT_BYTES) + '\n';
    expect(thrownBy(() => parseTranscriptFile(big)).code).toBe('invalid_transcript');
  });

  it(`accepts ${MAX_CUES} cues and rejects one more, naming its line`, () => {
    const many = (n: number): string => 'WEBVTT\n\n' + Array.from({ length: n }, (_, i) => cue(i)).join('\n');
    expect(parseTranscriptFile(many(MAX_CUES)).words).toHaveLength(MAX_CUES);
    const e = thrownBy(() => parseTranscriptFile(many(MAX_CUES + 1)));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual({ line: 3 + MAX_CUES * 3 });
  });
});
