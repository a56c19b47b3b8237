import { describe, expect, it } from '@jest/globals';
import { parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { vttLineSegments } from '../../../services/transcripts/vtt.js';
import { thrownBy } from '../media/thrown.js';

const TEAMS = `WEBVTT

a1b2c3d4-0001/12-0
00:00:00.000 --> 00:00:04.000
<v Jane Doe>Tell me about a project you led.</v>

a1b2c3d4-0001/13-0
00:00:04.500 --> 00:00:08.500
<v Sam Lee>I led the billing rewrite &amp; shipped it early.</v>
`;

const ZOOM = `WEBVTT

1
00:00:01.000 --> 00:00:03.000
Interviewer: Why this company?

2
00:00:03.200 --> 00:00:06.200
Candidate: Because I like the product.

3
00:00:06.300 --> 00:00:07.300
And the team.
`;

describe('WebVTT import', () => {
  it('reads Teams voice spans as speakers, with entities decoded', () => {
    const t = parseTranscriptFile(TEAMS, 'meeting.vtt');
    expect(t.engine).toBe('import');
    expect(t.durationSec).toBe(8.5);
    // "&" is decoded but is no word (no letter or digit), as in the testdata word counts.
    expect(t.text).toBe('Tell me about a project you led. I led the billing rewrite shipped it early.');
    expect(parseTranscriptFile(TEAMS.replace('&amp;', '&amp;&#65;')).text).toContain(' &A ');
    expect(new Set(t.words.filter((w) => w.start < 4).map((w) => w.speaker))).toEqual(new Set(['Jane Doe']));
    expect(new Set(t.words.filter((w) => w.start >= 4.5).map((w) => w.speaker))).toEqual(new Set(['Sam Lee']));
  });

  it('reads Zoom "Name: text" prefixes and carries the speaker into an unlabelled continuation', () => {
    const t = parseTranscriptFile(ZOOM);
    expect(t.words.map((w) => `${w.speaker}:${w.text}`)).toEqual([
      'Interviewer:Why', 'Interviewer:this', 'Interviewer:company?',
      'Candidate:Because', 'Candidate:I', 'Candidate:like', 'Candidate:the', 'Candidate:product.',
      'Candidate:And', 'Candidate:the', 'Candidate:team.',
    ]);
  });

  it('spreads words across the cue in proportion to their length', () => {
    const t = parseTranscriptFile('WEBVTT\n\n00:10.000 --> 00:12.000\nab abcdef\n');
    expect(t.words).toEqual([
      { text: 'ab', start: 10, end: 10.5 },
      { text: 'abcdef', start: 10.5, end: 12 },
    ]);
  });

  it('skips NOTE/STYLE blocks, cue settings, inline tags and timestamps, and annotations', () => {
    const text = 'WEBVTT - exported\n\nNOTE made by a tool\nwith two lines\n\nSTYLE\n::cue { color: red }\n\n' +
      '00:00:01.000 --> 00:00:02.000 align:start position:10%\n<c.yellow>Hello</c> <00:00:01.500><b>there</b> [laughter]\n';
    expect(parseTranscriptFile(text).text).toBe('Hello there');
  });

  it('orders overlapping cues by start time and keeps times monotonic', () => {
    const t = parseTranscriptFile('WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nlater\n\n00:00:01.000 --> 00:00:02.000\nearlier\n');
    expect(t.text).toBe('earlier later');
  });

  it('accepts an SRT-style comma in a VTT timestamp (common converter output; unambiguous)', () => {
    expect(parseTranscriptFile('WEBVTT\n\n00:00:01,500 --> 00:00:02,000\nhi\n').words).toEqual([{ text: 'hi', start: 1.5, end: 2 }]);
  });

  it('splits several voices in one cue', () => {
    expect(vttLineSegments('<v Ann>Hi.</v> <v Bob>Hello.</v>')).toEqual([
      { speaker: 'Ann', text: 'Hi.' },
      { speaker: 'Bob', text: 'Hello.' },
    ]);
    expect(vttLineSegments('<v.loud Ann>Stop')).toEqual([{ speaker: 'Ann', text: 'Stop' }]);
  });

  it('does not mistake a sentence with a colon for a speaker', () => {
    const t = parseTranscriptFile('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nThe point is: we shipped.\n');
    expect(t.words.every((w) => w.speaker === undefined)).toBe(true);
    expect(t.text).toBe('The point is: we shipped.');
  });

  it.each([
    ['missing header', 'WEBVT\n\n00:00:01.000 --> 00:00:02.000\nhi\n', 1],
    ['a header not on line 1', '\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n', 1],
    ['no cues', 'WEBVTT\n\nNOTE nothing here\n', 1],
    ['letters in a timestamp', 'WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nhi\n', 3],
    ['two fraction digits', 'WEBVTT\n\n00:00:01.00 --> 00:00:02.000\nhi\n', 3],
    ['seconds over 59', 'WEBVTT\n\n00:00:01.000 --> 00:00:75.000\nhi\n', 3],
    ['end before start', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:05.000 --> 00:00:04.000\nbad\n', 6],
    ['a block without timing', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\nid-1\njust text\n', 7],
    ['no arrow spacing', 'WEBVTT\n\n00:00:01.000-->00:00:02.000\nhi\n', 3],
  ])('rejects %s as invalid_transcript naming the line', (_name, text, line) => {
    const e = thrownBy(() => parseTranscriptFile(text, 'x.vtt'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual({ line });
    expect(e.message).toContain(`line ${line}`);
  });
});
