/**
 * Plain-text transcripts without times (services/transcripts/plain-txt.ts, untimed.ts): `Name:`
 * labels or none, continuation lines, annotations, nominal word slots, the "Note:" rule, label
 * typos merged in every format, detection that never takes a timed file, and what is refused.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_CUES } from '../../../services/transcripts/cue.js';
import { detectTranscriptFormat, parseTranscriptFile } from '../../../services/transcripts/parse.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import { SEC_PER_WORD } from '../../../services/transcripts/turns.js';
import { TURN_GAP_SEC, UNTIMED_NOTE } from '../../../services/transcripts/untimed.js';
import { repoRoot } from '../../helpers/testdata.js';
import { thrownBy } from '../media/thrown.js';
import { fixture, turns } from './helpers/turns.js';


const DIALOGUE = [
  'Interviewer: So how are you doing?',
  'Interviewee: Im pretty good.  How are you?',
  '[laughter]',
  'I am a little nervous (laughs) honestly.',
  'Interviewer:  mhhmm',
  '',
  'Interviewee: Ok.',
].join('\n');

describe('labelled plain text', () => {
  const t = parseTranscriptFile(DIALOGUE, 'interview.txt');

  it('reads Name: lines as turns; a line without a label continues the speaker; annotations are no words', () => {
    expect(detectTranscriptFormat(DIALOGUE)).toBe('plain-txt');
    expect(turns(t)).toEqual([
      ['Interviewer', 'So how are you doing?'],
      ['Interviewee', 'Im pretty good. How are you? I am a little nervous honestly.'],
      ['Interviewer', 'mhhmm'],
      ['Interviewee', 'Ok.'],
    ]);
    expect(t).toMatchObject({ engine: 'import', diarized: true, timed: false, notes: [UNTIMED_NOTE] });
    expect(t.notes![0]).toMatch(/no times.*pace, pauses and durations are left out.*talk ratio is counted in words/);
  });

  it('gives each word a 0.4 s slot in order, a short gap where the speaker changes, and ends with the last word', () => {
    expect(SEC_PER_WORD).toBe(0.4);
    const [first, second] = [t.words[0]!, t.words[5]!];
    expect(first).toEqual({ text: 'So', start: 0, end: 0.4, speaker: 'Interviewer' });
    expect(second).toEqual({ text: 'Im', start: 5 * 0.4 + TURN_GAP_SEC, end: 5 * 0.4 + TURN_GAP_SEC + 0.4, speaker: 'Interviewee' });
    for (let i = 1; i < t.words.length; i++) {
      const [a, b] = [t.words[i - 1]!, t.words[i]!];
      expect(b.start - a.end).toBeCloseTo(a.speaker === b.speaker ? 0 : TURN_GAP_SEC, 9);
      expect(b.end - b.start).toBeCloseTo(SEC_PER_WORD, 9);
    }
    expect(t.durationSec).toBe(t.words.at(-1)!.end);
    expect(t.durationSec).toBeCloseTo(t.words.length * SEC_PER_WORD + 3 * TURN_GAP_SEC, 9);
  });

  it('takes a label alone on its line, and short labels such as Q: and A:', () => {
    expect(turns(parseTranscriptFile('Interviewer:\nTell me about yourself.\nCandidate:\nI build things.\nInterviewer:\nThanks.\nCandidate:\nBye.\n'))).toEqual([
      ['Interviewer', 'Tell me about yourself.'],
      ['Candidate', 'I build things.'],
      ['Interviewer', 'Thanks.'],
      ['Candidate', 'Bye.'],
    ]);
    expect(turns(parseTranscriptFile('Q: Why us?\nA: Scale.\nQ: When?\nA: Now.\n')).map((x) => x[0])).toEqual(['Q', 'A', 'Q', 'A']);
  });

  it('keeps a lower-case prefix as words of the previous speaker, unless it is a clipped label ("r:" for "Interviewer:")', () => {
    const t2 = parseTranscriptFile('Interviewer: Hello.\nInterviewee: Hi.\nso: Great. Next question.\nInterviewer: Bye.\n');
    expect(turns(t2)[1]).toEqual(['Interviewee', 'Hi. so: Great. Next question.']);
    const t3 = parseTranscriptFile('Interviewer: Hello.\nInterviewee: Hi.\nr: Great. Next question.\nInterviewer: Bye.\n');
    expect(turns(t3)[2]).toEqual(['Interviewer', 'Great. Next question. Bye.']);
  });
});

describe('unlabelled plain text', () => {
  it('is one unnamed speaker, with no gaps between paragraphs', () => {
    const t = parseTranscriptFile('I started in support.\n\nThen I moved [pause] to backend work.\n');
    expect(turns(t)).toEqual([[undefined, 'I started in support. Then I moved to backend work.']]);
    expect(t).toMatchObject({ diarized: false, timed: false, durationSec: 10 * SEC_PER_WORD, notes: [UNTIMED_NOTE] });
  });

  it('keeps "Note: I was late" as words when the rest is not labelled', () => {
    const text = 'Thanks for having me.\nNote: I was late because of the train.\nAnyway, I lead a team of four.\nWe ship weekly.\nNote: that is since March.\n';
    const t = parseTranscriptFile(text);
    expect(t.diarized).toBe(false);
    expect(t.text).toContain('Note: I was late');
  });

  it('reads names as speakers when two of them recur, or when most lines have one', () => {
    const recurring = 'Jane: Hello.\nMost of my answer here.\nAnd more of it.\nAnd more.\nSam: Hi.\nJane: Bye.\nMore.\nMore.\nSam: Bye.\n';
    expect(turns(parseTranscriptFile(recurring)).map((x) => x[0])).toEqual(['Jane', 'Sam', 'Jane', 'Sam']);
    expect(turns(parseTranscriptFile('Interviewer: hello\nCandidate: hi\n')).map((x) => x[0])).toEqual(['Interviewer', 'Candidate']);
    expect(parseTranscriptFile('Summary: I was nervous.\n').diarized).toBe(false);
  });
});

describe('speaker-label typos, in every format', () => {
  const lines = (n: number): string[] => Array.from({ length: n }, (_, i) => `Interviewer: Question ${i}?\nInterviewee: Answer number ${i} is here.`);

  it('plain text: "Interveiwee" is read as Interviewee, with a note; Interviewer stays', () => {
    const text = [...lines(8), 'Interviewer: Last one?', 'Interveiwee: Yes it is.'].join('\n');
    const t = parseTranscriptFile(text);
    expect(new Set(t.words.map((w) => w.speaker))).toEqual(new Set(['Interviewer', 'Interviewee']));
    expect(t.notes).toEqual([UNTIMED_NOTE, 'Speaker "Interveiwee" (1 line) was read as "Interviewee", an apparent typo.']);
  });

  it('WebVTT: a voice typo is merged and the transcript stays timed', () => {
    const cue = (i: number, who: string): string => `00:00:${String(i * 2).padStart(2, '0')}.000 --> 00:00:${String(i * 2 + 1).padStart(2, '0')}.500\n<v ${who}>Some words here.\n`;
    const vtt = 'WEBVTT\n\n' + Array.from({ length: 12 }, (_, i) => cue(i, i === 9 ? 'Candiate' : i % 2 ? 'Candidate' : 'Interviewer')).join('\n');
    const t = parseTranscriptFile(vtt);
    expect(new Set(t.words.map((w) => w.speaker))).toEqual(new Set(['Interviewer', 'Candidate']));
    expect(t.timed).toBeUndefined();
    expect(t.notes).toEqual(['Speaker "Candiate" (1 line) was read as "Candidate", an apparent typo.']);
  });

  it('leaves the fixtures of every timed format without notes about typos', () => {
    for (const f of ['short-interview.vtt', 'teams-meeting.vtt', 'zoom-cloud-recording.vtt', 'zoom-captions.txt', 'teams-docx-export.txt', 'google-meet-docs.txt']) {
      expect(parseTranscriptFile(fixture(f), f).notes ?? []).not.toContainEqual(expect.stringMatching(/apparent typo/));
    }
  });
});

describe('detection: plain text is tried after every timed format', () => {
  it.each([
    ['short-interview.vtt', 'vtt'],
    ['zoom-cloud-recording.vtt', 'vtt'],
    ['teams-meeting.vtt', 'vtt'],
    ['zoom-captions.txt', 'zoom-txt'],
    ['teams-docx-export.txt', 'teams-txt'],
    ['google-meet-docs.txt', 'meet-txt'],
  ])('%s named upload.txt is still %s, with times', (file, format) => {
    expect(detectTranscriptFormat(fixture(file), 'upload.txt')).toBe(format);
    expect(parseTranscriptFile(fixture(file), 'upload.txt').timed).toBeUndefined();
  });

  it('SRT with Name: prefixes is SRT', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: Hi.\n\n2\n00:00:02,500 --> 00:00:04,000\nCandidate: Hello.\n';
    expect(detectTranscriptFormat(srt, 'upload.txt')).toBe('srt');
  });

  it('a .vtt or .srt name still sends text without times to that parser, which refuses it', () => {
    expect(detectTranscriptFormat('Interviewer: hi\nCandidate: hello\n', 'call.vtt')).toBe('vtt');
    expect(thrownBy(() => parseTranscriptFile('Interviewer: hi\nCandidate: hello\n', 'call.srt')).code).toBe('invalid_transcript');
  });
});

describe('refused: binary, empty and unusable text', () => {
  it.each([
    ['empty', '', 1],
    ['blank lines', ' \n\n\t\n', 1],
    ['punctuation only', '...\n---\n', 1],
    ['annotations only', '[laughter]\n(crosstalk)\n', undefined],
    ['binary', 'Interviewer: hi\nCandidate: \u0000\u0001 hello\n', 2],
    ['an SRT index whose timing is missing', '1\nnot a timestamp\nhello\n', 1],
    ['VTT cues under a lost header', 'WEBVT\n\n00:00:01.000 --> 00:00:02.000\nhello there\n', 3],
    ['a line that is only a timestamp', 'Intro\n0:03\nhello there\n0:07\nmore\n', 2],
    ['a bracketed timestamp opening a line', 'Interview\n[00:00:01] Jane: hi\n', 2],
    ['Zoom headers after a title line', 'Meeting notes\n[Jane Doe] 10:02:15\nhello\n', 2],
    ['JSON', '{"results": [{"text": "hello"}]}\n', 1],
    ['HTML', '<!DOCTYPE html>\n<p>hello</p>\n', 1],
  ])('%s', (_what, text, line) => {
    const e = thrownBy(() => parseTranscriptFile(text, 'notes.txt'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual(line === undefined ? undefined : { line });
  });

  it(`refuses more than ${MAX_CUES} lines, naming the first one over`, () => {
    const e = thrownBy(() => parseTranscriptFile('word\n'.repeat(MAX_CUES + 1)));
    expect([e.code, e.details]).toEqual(['invalid_transcript', { line: MAX_CUES + 1 }]);
  });

  it('refuses text that would last more than 24 hours at 150 words a minute', () => {
    const e = thrownBy(() => parseTranscriptFile('word '.repeat(216_001)));
    expect([e.code, e.details]).toEqual(['invalid_transcript', { line: 1 }]);
    expect(parseTranscriptFile('word '.repeat(216_000)).durationSec).toBe(86_400);
  });
});

describe('a label followed by a dash', () => {
  it('"Interviewee:- we were…" is a labelled line (MIT p83 writes it so)', () => {
    const t = parseTranscriptFile('Interviewer: Tell me more.\nInterviewee: Sure.\nInterviewer: OK.\nInterviewee:- we were applying those to students.', 'x.txt');
    expect(t.words.filter((w) => w.speaker === 'Interviewee').map((w) => w.text).join(' ')).toBe('Sure. we were applying those to students.');
  });
});

describe('a label clipped at the start', () => {
  const dialogue = (clipped: string) =>
    [
      ...Array.from({ length: 6 }, (_, i) => [`Interviewer: Question ${i}?`, `Interviewee: Answer number ${i} here.`]).flat(),
      `${clipped}: Tell me about a time you demonstrated leadership.`,
      'Interviewee: I led the robotics team.',
    ].join('\n');

  it('"r:" in a transcript of Interviewer/Interviewee is the Interviewer, with a note (MIT p70 line 5)', () => {
    const t = parseTranscriptFile(dialogue('r'), 'x.txt');
    expect(turns(t).at(-2)).toEqual(['Interviewer', 'Tell me about a time you demonstrated leadership.']);
    expect(t.notes?.join(' ')).toMatch(/"r".*"Interviewer"/);
  });

  it('a lower-case word that ends no label stays part of the line', () => {
    const t = parseTranscriptFile(dialogue('so'), 'x.txt');
    expect(turns(t).at(-1)?.[0]).toBe('Interviewee');
    expect(turns(t).at(-1)?.[1]).toMatch(/here\. so: Tell me about a time .* I led the robotics team\.$/);
  });
});

describe('times inside a labelled dialogue', () => {
  const talk = Array.from({ length: 6 }, (_, i) => [`Interviewer: Question ${i}?`, `Interviewee: Answer ${i}.`]).flat();

  it('a few lines that are a time are something said, not a reason to refuse the interview', () => {
    const t = parseTranscriptFile([...talk.slice(0, 4), '9:30', ...talk.slice(4)].join('\n'), 'x.txt');
    expect(t.timed).toBe(false);
    expect(t.words.map((w) => w.text)).toContain('9:30');
  });

  it('many such lines are a timed format we do not know: refused', () => {
    const text = talk.flatMap((l, i) => [`[0${i % 10}:00]`, l]).join('\n');
    expect(thrownBy(() => parseTranscriptFile(text, 'x.txt')).code).toBe('invalid_transcript');
  });
});
