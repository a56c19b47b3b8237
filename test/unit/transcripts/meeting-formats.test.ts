/**
 * Imports of the transcripts meeting tools produce (fixtures in test/fixtures/transcripts/, written
 * to match what Zoom, Teams and Google Meet export): format detection by content, speaker names
 * kept, times on one timeline, and invalid_transcript errors that name the line.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectTranscriptFormat, parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { parseClock, turnsToCues, SEC_PER_WORD } from '../../../services/transcripts/turns.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import { repoRoot } from '../../helpers/testdata.js';
import { thrownBy } from '../media/thrown.js';
import { fixture, turns } from './helpers/turns.js';


const expectMonotonic = (t: Transcript): void => {
  for (let i = 1; i < t.words.length; i++) expect(t.words[i]!.start).toBeGreaterThanOrEqual(t.words[i - 1]!.start);
  for (const w of t.words) expect(w.end).toBeGreaterThanOrEqual(w.start);
};

describe('format detection by content', () => {
  it.each([
    ['zoom-cloud-recording.vtt', 'vtt'],
    ['teams-meeting.vtt', 'vtt'],
    ['zoom-captions.txt', 'zoom-txt'],
    ['teams-docx-export.txt', 'teams-txt'],
    ['google-meet-docs.txt', 'meet-txt'],
  ])('%s is %s whatever its name', (file, format) => {
    expect(detectTranscriptFormat(fixture(file), 'upload.srt')).toBe(format);
  });
});

describe('Zoom', () => {
  it('cloud-recording VTT keeps any display name that opens several cues, but not a sentence colon', () => {
    const t = parseTranscriptFile(fixture('zoom-cloud-recording.vtt'));
    expect(t.diarized).toBe(true);
    expect(turns(t).map((x) => x[0])).toEqual(['Priya Raman (she/her)', 'jdoe', 'Priya Raman (she/her)', 'jdoe']);
    expect(t.text).toContain('The point is: we found');
    expect(t.words[0]).toMatchObject({ text: 'Thanks', start: 1.31 });
    expect(t.notes).toBeUndefined();
    expectMonotonic(t);
  });

  it('chat-style .txt: names from brackets, clock times made relative, text on the header line too', () => {
    const t = parseTranscriptFile(fixture('zoom-captions.txt'), 'meeting_saved_closed_caption.txt');
    expect(turns(t).map((x) => x[0])).toEqual(['Priya Raman', 'Jordan Doe', 'Priya Raman', 'Jordan Doe']);
    expect(t.words[0]!.start).toBe(0);
    expect(t.words.find((w) => w.text === 'Sure.')!.start).toBe(7);
    expect(t.words.find((w) => w.text === 'What')!.start).toBe(20);
    expect(t.text.endsWith('before the first big sale.')).toBe(true);
    expect(t.notes).toEqual([expect.stringMatching(/Zoom text transcript gives only the time each turn started; word times were estimated/)]);
    expectMonotonic(t);
  });

  it('keeps counting when the meeting clock passes midnight', () => {
    const t = parseTranscriptFile('[A B] 23:59:58\nhello there\n[C D] 00:00:03\nhi\n');
    expect(t.words.at(-1)!.start).toBe(5);
  });

  it('names the line of text that comes before any speaker header', () => {
    const e = thrownBy(() => parseTranscriptFile('[Jane] 10:00:00\nhi\n[John] 10:00:61\nbad\n'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual({ line: 3 });
  });
});

describe('Microsoft Teams', () => {
  it('VTT voice spans keep names; GUID cue ids are ignored', () => {
    const t = parseTranscriptFile(fixture('teams-meeting.vtt'));
    expect(turns(t).map((x) => x[0])).toEqual(['Priya Raman', 'Jordan Doe', 'Priya Raman']);
    expect(t.words[0]!.start).toBeCloseTo(2.48, 3);
  });

  it('.docx text: preamble and transcription events skipped, m:ss headers, estimated ends', () => {
    const t = parseTranscriptFile(fixture('teams-docx-export.txt'), 'Mock interview.txt');
    expect(turns(t)).toEqual([
      ['Priya Raman', 'Thanks for joining. Could you walk me through a system you designed recently?'],
      ['Jordan Doe', 'Sure. Um, last spring I designed the event pipeline for our billing team. It takes about two million events a day and feeds the invoicing service.'],
      ['Priya Raman', 'What would you change if you built it again?'],
      ['Jordan Doe', 'I would add backpressure earlier, you know, before the first big sale.'],
    ]);
    expect(t.words[0]!.start).toBe(2);
    expect(t.words.find((w) => w.text === 'What')!.start).toBe(21);
    // The last turn has no next start: it lasts as long as its 12 words take at a typical pace.
    expect(t.words.at(-1)!.end).toBeCloseTo(25 + 12 * SEC_PER_WORD, 3);
    expect(t.notes).toEqual([expect.stringMatching(/^This Teams transcript gives only the time each turn started/)]);
    expectMonotonic(t);
  });

  it('accepts h:mm:ss headers after the first hour and tab separators', () => {
    const t = parseTranscriptFile('Jane Doe\t59:58\nstill going\n\nJohn Smith\t1:00:04\nok\n');
    expect(t.words.at(-1)!.start).toBe(3604);
  });

  it('names the line where a timestamp runs backwards', () => {
    const e = thrownBy(() => parseTranscriptFile('Jane Doe   0:10\nhello\n\nJohn Smith   0:05\nhi\n'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual({ line: 4 });
    expect(e.message).toMatch(/backwards/);
  });
});

describe('Google Meet (Docs transcript)', () => {
  it('sections between timestamps, names from paragraphs, bare paragraphs continue the speaker', () => {
    const t = parseTranscriptFile(fixture('google-meet-docs.txt'), 'Mock interview - Transcript.txt');
    expect(turns(t).map((x) => x[0])).toEqual(['Priya Raman', 'Jordan Doe', 'Priya Raman', 'Jordan Doe']);
    expect(t.text).toContain('So we would have found the limits in staging.');
    expect(t.text).not.toMatch(/Attendees|editable transcript|Meeting ended/);
    expect(t.words[0]!.start).toBe(0);
    expect(t.words.find((w) => w.text === 'What')!.start).toBe(24);
    expect(t.durationSec).toBeLessThanOrEqual(41);
    expect(t.notes).toEqual([expect.stringMatching(/Google Meet transcript gives a timestamp only every few minutes/)]);
    expectMonotonic(t);
  });

  it('names the line of a malformed section timestamp', () => {
    const e = thrownBy(() => parseTranscriptFile('Transcript\n00:00:00\nJane: hi\n00:00:05\nJohn: hello\n00:70:00\nJane: bye\n'));
    expect(e.code).toBe('invalid_transcript');
    expect(e.details).toEqual({ line: 6 });
  });
});

describe('turn timing (pure)', () => {
  it('reads m:ss, h:mm:ss and hh:mm:ss', () => {
    expect(parseClock('0:03', 1)).toBe(3);
    expect(parseClock('75:10', 1)).toBe(4510);
    expect(parseClock('1:02:03', 1)).toBe(3723);
    expect(thrownBy(() => parseClock('1:61:00', 7)).details).toEqual({ line: 7 });
  });

  it('ends a turn at the next start, unless the words could not fill twice that', () => {
    const seg = (n: number): { speaker: string; text: string }[] => [{ speaker: 'A', text: Array.from({ length: n }, () => 'word').join(' ') }];
    const cues = turnsToCues([
      { start: 0, segments: seg(10), line: 1 }, // 4 s of words, next at 6 s: fills it
      { start: 6, segments: seg(2), line: 3 }, // 0.8 s of words, next at 60 s: stops at 1.6 s
      { start: 60, segments: seg(5), line: 5 },
    ]);
    expect(cues.map((c) => [c.start, c.end])).toEqual([[0, 6], [6, 7.6], [60, 62]]);
  });
});

describe('text with no timing', () => {
  // It used to be refused; it is now a plain-text transcript (plain-txt.test.ts covers it).
  it('is read as an untimed transcript, not refused', () => {
    const t = parseTranscriptFile('Interviewer: hello\nCandidate: hi\n', 'notes.txt');
    expect(t.timed).toBe(false);
    expect(t.words.map((w) => w.speaker)).toEqual(['Interviewer', 'Candidate']);
  });
});
