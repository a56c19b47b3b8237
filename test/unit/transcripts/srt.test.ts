import { describe, expect, it } from '@jest/globals';
import { parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { thrownBy } from '../media/thrown.js';

const SRT = `1
00:00:01,000 --> 00:00:03,000
Interviewer: Walk me through your resume.

2
00:00:03,500 --> 00:00:07,500
Candidate: I started in support,
then moved to <i>engineering</i>.

3
00:01:00,000 --> 00:01:02,000
{\\an8}Speaker 2: Thanks.
`;

describe('SRT import', () => {
  it('reads cues, speaker prefixes and multi-line text, dropping markup', () => {
    const t = parseTranscriptFile(SRT, 'call.srt');
    expect(t.engine).toBe('import');
    expect(t.durationSec).toBe(62);
    expect(t.text).toBe('Walk me through your resume. I started in support, then moved to engineering. Thanks.');
    expect(t.words.map((w) => w.speaker)).toEqual([
      ...Array(5).fill('Interviewer'),
      ...Array(8).fill('Candidate'),
      'Speaker 2',
    ]);
  });

  it('keeps word times inside their cue, in order, in proportion to length', () => {
    const t = parseTranscriptFile(SRT);
    const cue2 = t.words.filter((w) => w.speaker === 'Candidate');
    expect(cue2[0]!.start).toBe(3.5);
    expect(cue2.at(-1)!.end).toBe(7.5);
    for (let i = 1; i < t.words.length; i++) expect(t.words[i]!.start).toBeGreaterThanOrEqual(t.words[i - 1]!.end - 1e-9);
    const [i, started] = [cue2[0]!, cue2[1]!]; // "I" (1 char) vs "started" (7 chars)
    expect((started.end - started.start) / (i.end - i.start)).toBeCloseTo(7, 1); // times are rounded to ms
  });

  it('is detected by content whatever the file is called, with CRLF and a BOM', () => {
    const t = parseTranscriptFile('\ufeff' + SRT.replace(/\n/g, '\r\n'), 'transcript.txt');
    expect(t.words).toHaveLength(14);
  });

  it('accepts blocks without an index and a dot before the milliseconds', () => {
    const t = parseTranscriptFile('00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:02.000 --> 00:00:03.000\nagain\n');
    expect(t.text).toBe('hello again');
  });

  it.each([
    ['a bad timestamp', '1\n00:00:01,000 --> 00:00:0x,000\nhi\n', 2],
    ['minutes over 59', '1\n00:61:01,000 --> 00:62:00,000\nhi\n', 2],
    ['end before start', '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:09,000 --> 00:00:03,000\nbad\n', 6],
    ['a numbered block without timing', '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\nno timing here\n', 6],
    ['text after the last cue', '1\n00:00:01,000 --> 00:00:02,000\nok\n\nstray text\n', 5],
    ['an empty file', '', 1],
    ['only blank lines', '\n\n  \n', 1],
    ['cues without words', '1\n00:00:01,000 --> 00:00:02,000\n[music]\n', null],
  ])('rejects %s as invalid_transcript', (_name, text, line) => {
    const e = thrownBy(() => parseTranscriptFile(text, 'x.srt'));
    expect(e.code).toBe('invalid_transcript');
    if (line !== null) expect(e.message).toMatch(new RegExp(`^line ${line}: `));
  });
});
