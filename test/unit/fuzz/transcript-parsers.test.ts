/**
 * Property-based fuzzing of the transcript importers (services/transcripts). On any input they
 * return well-formed cues/words or throw their own typed error (PermanentError `invalid_transcript`,
 * 422) — never a TypeError, RangeError or stack overflow, which the API would turn into a 500 — and
 * they stay fast on adversarial lines. For valid generated transcripts, serialising to each format
 * and parsing back gives the same cues (round trip). Seeds are fixed per property (fuzz-settings.ts).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PermanentError } from '../../../services/shared/errors.js';
import { cuesToTranscript, MAX_TRANSCRIPT_SEC, type Cue } from '../../../services/transcripts/cue.js';
import { parseMeetTxt } from '../../../services/transcripts/meet-txt.js';
import { detectTranscriptFormat, parseTranscriptFile, type TranscriptFormat } from '../../../services/transcripts/parse.js';
import { parseSrt } from '../../../services/transcripts/srt.js';
import { parseTeamsTxt } from '../../../services/transcripts/teams-txt.js';
import { parseVtt } from '../../../services/transcripts/vtt.js';
import { parseZoomTxt } from '../../../services/transcripts/zoom-txt.js';
import { fuzzParams, timed } from './fuzz-settings.js';
import { meetSerialise, srtSerialise, teamsSerialise, vttSerialise, zoomSerialise, type GenCue, type GenTurn } from './transcript-serialise.js';

const PARSERS: Record<string, (text: string) => unknown> = {
  'parseTranscriptFile': (t) => parseTranscriptFile(t),
  'parseTranscriptFile(.vtt)': (t) => parseTranscriptFile(t, 'call.vtt'),
  'parseTranscriptFile(.srt)': (t) => parseTranscriptFile(t, 'call.srt'),
  parseVtt, parseSrt, parseZoomTxt, parseTeamsTxt, parseMeetTxt,
};
/** Generous: a backtracking regex takes seconds on these sizes; a linear parse takes a few ms. */
const MAX_MS_PER_PARSE = 500;

/** The only acceptable failure, and a well-formed transcript otherwise. */
function checkOutcome(parser: string, input: string): void {
  const r = timed(() => PARSERS[parser]!(input));
  if (r.ms > MAX_MS_PER_PARSE) throw new Error(`${parser} took ${r.ms.toFixed(0)} ms on ${input.length} chars`);
  if (r.error !== undefined) {
    if (!(r.error instanceof PermanentError) || r.error.code !== 'invalid_transcript' || r.error.status !== 422) {
      throw new Error(`${parser} threw ${String(r.error)} (${(r.error as Error)?.constructor?.name})`);
    }
    expect(r.error.message.length).toBeGreaterThan(0);
    return;
  }
  if (parser.startsWith('parseTranscriptFile')) checkTranscript(r.value as ReturnType<typeof parseTranscriptFile>);
  else for (const cue of r.value as Cue[]) checkCue(cue);
}

function checkCue(c: Cue): void {
  expect(Number.isFinite(c.start) && Number.isFinite(c.end) && c.start >= 0 && c.end >= c.start).toBe(true);
  expect(Number.isInteger(c.line) && c.line >= 1).toBe(true);
}

function checkTranscript(t: ReturnType<typeof parseTranscriptFile>): void {
  expect(t.words.length).toBeGreaterThan(0);
  expect(t.durationSec).toBeLessThanOrEqual(MAX_TRANSCRIPT_SEC);
  for (const w of t.words) {
    const ok = w.text.length > 0 && Number.isFinite(w.start) && w.start >= 0 && w.end >= w.start && w.end <= t.durationSec + 1e-3;
    if (!ok) throw new Error(`malformed word ${JSON.stringify(w)}`);
  }
}

// ---- generators for hostile input ------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const timestamp = fc.oneof(
  fc.tuple(fc.nat(120), fc.nat(99), fc.nat(99), fc.nat(9999)).map(([h, m, s, f]) => `${pad(h)}:${pad(m)}:${pad(s)}.${f}`),
  fc.constantFrom('00:00:01.000', '00:00:01,000', '999999999999999999999:00:00.000', '24:00:00.001', '00:60:00.000', '1:2:3.4', '-01:00:00.000', '00:00.000', 'NaN:00:00.000', '00:00:00.'),
  fc.string({ unit: 'binary-ascii', maxLength: 14 }),
);
const line = fc.oneof(
  fc.constantFrom('WEBVTT', 'WEBVTT - Zoom', '', '', '1', '42', 'NOTE a note', 'STYLE', 'REGION', '-->', 'Transcript', 'Attendees', 'Meeting ended after 00:10:00', 'Meeting ended after 99:99:99', 'This editable transcript was computer generated', 'Jane started transcription', '\ufeffWEBVTT'),
  fc.tuple(timestamp, timestamp, fc.constantFrom('', ' align:start position:10%', ' X1:1 X2:2')).map(([a, b, c]) => `${a} --> ${b}${c}`),
  fc.tuple(fc.constantFrom('<v Jane Doe>', '<v.loud Sam>', 'Jane: ', 'INTERVIEWER: ', '- Sam: ', '', '<i>', '{\\an8}', 'jdoe: '), fc.string({ maxLength: 40 })).map(([p, t]) => p + t),
  fc.constantFrom('&amp;', '&#0;', '&#1114111;', '&#1114112;', '&#99999999999999999999;', '&nbsp;&lrm;', '</v>', '<b>x</b>', '[laughter]', '(crosstalk)', '<00:00:01.000>'),
  fc.tuple(fc.string({ maxLength: 20 }), timestamp).map(([n, t]) => `[${n}] ${t.slice(0, 8)}`),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('   ', '\t', ' '), fc.constantFrom('0:03', '1:02:03', '99:59', '123:45', '1:60')).map(([n, g, t]) => `${n}${g}${t}`),
  fc.constantFrom('00:00:00', '00:05:00', '23:59:59', '99:99:99', '00:00:60'),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);
const transcriptish = fc.tuple(fc.array(line, { maxLength: 80 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, nl]) => ls.join(nl));
/** Long repetitive lines: what makes a backtracking regex explode. */
const adversarial = fc
  .tuple(fc.constantFrom('a', 'A', ' ', '\t', ':', ': ', '-', '0', '0:', 'Aa ', '-->', '<v ', '&#1', '[', '00:00:00.000 '), fc.integer({ min: 500, max: 20_000 }), fc.constantFrom('', ':', ' 0:03', ' --> ', '\n00:00:00.000 --> 00:00:01.000\nx', 'x'))
  .map(([unit, n, tail]) => unit.repeat(n) + tail);

describe('transcript parsers on hostile input', () => {
  it.each(Object.keys(PARSERS))('%s: arbitrary unicode and bytes → a transcript or invalid_transcript', (parser) => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => checkOutcome(parser, s)), fuzzParams(7001, 300));
  });

  it.each(Object.keys(PARSERS))('%s: transcript-shaped garbage → a transcript or invalid_transcript', (parser) => {
    fc.assert(fc.property(transcriptish, (s) => checkOutcome(parser, s)), fuzzParams(7002, 400));
  });

  it.each(Object.keys(PARSERS))('%s: long repetitive lines stay fast', (parser) => {
    fc.assert(fc.property(adversarial, fc.constantFrom('', 'WEBVTT\n\n', '1\n'), (s, head) => checkOutcome(parser, head + s)), fuzzParams(7003, 60));
  });

  it('cuesToTranscript on arbitrary cues: words inside their cue, or invalid_transcript', () => {
    const cue = fc.record({
      start: fc.double({ min: 0, max: MAX_TRANSCRIPT_SEC, noNaN: true }),
      len: fc.double({ min: 0, max: 3600, noNaN: true }),
      segments: fc.array(fc.record({ speaker: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), text: fc.string({ unit: 'grapheme', maxLength: 80 }) }), { maxLength: 4 }),
      line: fc.integer({ min: 1, max: 1e6 }),
    });
    fc.assert(
      fc.property(fc.array(cue, { minLength: 1, maxLength: 40 }), (specs) => {
        const cues: Cue[] = specs.map(({ start, len, segments, line }) => ({ start, end: start + len, line, segments: segments.map((s) => (s.speaker === undefined ? { text: s.text } : { speaker: s.speaker, text: s.text })) }));
        const r = timed(() => cuesToTranscript(cues));
        if (r.error !== undefined) {
          expect(r.error).toMatchObject({ code: 'invalid_transcript', status: 422 });
          return;
        }
        const t = r.value!;
        expect(t.durationSec).toBeCloseTo(Math.max(...cues.map((c) => c.end)), 6);
        for (const w of t.words) expect(Number.isFinite(w.start) && w.end >= w.start && w.end <= t.durationSec + 1e-3).toBe(true);
      }),
      fuzzParams(7004, 300),
    );
  });

  it('one cue holding a few hundred thousand words (was a stack overflow → 500)', () => {
    const words = Array.from({ length: 300_000 }, (_, i) => `w${i % 97}`).join(' ');
    const t = parseTranscriptFile(`WEBVTT\n\n00:00:00.000 --> 03:00:00.000\n<v Sam>${words}\n`);
    expect(t.words.length).toBe(300_000);
  });
});

// ---- round trips ---------------------------------------------------------------------------------

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
/** Names the strict `Name: ` rule accepts: up to four capitalised words, or "Speaker 3". */
const strictName = fc.oneof(fc.array(fc.stringMatching(/^[A-Z][a-z]{1,7}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), fc.nat(20).map((n) => `Speaker ${n}`));
/** Display names the loose rules (Zoom, Teams, Meet) accept. */
const displayName = fc.oneof(strictName, fc.array(fc.stringMatching(/^[a-z][a-z.]{0,7}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), strictName.map((n) => `${n} (she/her)`));

const genCues = fc
  .array(
    fc.record({
      startMs: fc.integer({ min: 0, max: MAX_TRANSCRIPT_SEC * 1000 - 1 }),
      lenMs: fc.integer({ min: 0, max: 600_000 }),
      segments: fc.array(fc.record({ speaker: fc.option(strictName, { nil: undefined }), text }), { minLength: 1, maxLength: 3 }),
      style: fc.record({ id: fc.boolean(), short: fc.boolean(), prefix: fc.boolean(), italic: fc.boolean() }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((cs) => cs.map((c) => ({ ...c, endMs: Math.min(MAX_TRANSCRIPT_SEC * 1000, c.startMs + c.lenMs) })).sort((a, b) => a.startMs - b.startMs) as GenCue[]);

const genTurns = (maxStartSec: number) =>
  fc
    .array(fc.record({ gapSec: fc.nat(900), speaker: displayName, lines: fc.array(text, { minLength: 1, maxLength: 3 }), inline: fc.boolean() }), { minLength: 1, maxLength: 25 })
    .map((ts) => {
      let at = 0;
      return ts.map((t) => ({ ...t, startSec: Math.min(maxStartSec, (at += t.gapSec)) })) as GenTurn[];
    });

const ms = (sec: number) => Math.round(sec * 1000);
const cueShape = (c: Cue) => ({ start: ms(c.start), end: ms(c.end), segments: c.segments });
const genShape = (c: GenCue) => ({ start: c.startMs, end: c.endMs, segments: c.segments.map((s) => (s.speaker === undefined ? { text: s.text } : s)) });

function roundTrip(format: TranscriptFormat, text: string, parse: (s: string) => Cue[]): Cue[] {
  expect(detectTranscriptFormat(text)).toBe(format);
  expect(() => parseTranscriptFile(text)).not.toThrow();
  return parse(text);
}

describe('round trips: generated valid transcripts parse back to the same cues', () => {
  it('WebVTT (voice tags or Name: prefixes, optional ids, short timestamps)', () => {
    fc.assert(fc.property(genCues, (cues) => expect(roundTrip('vtt', vttSerialise(cues), parseVtt).map(cueShape)).toEqual(cues.map(genShape))), fuzzParams(7101, 200));
  });

  it('SRT (Name: prefixes, <i> tags, optional index lines)', () => {
    fc.assert(fc.property(genCues, (cues) => expect(roundTrip('srt', srtSerialise(cues), parseSrt).map(cueShape)).toEqual(cues.map(genShape))), fuzzParams(7102, 200));
  });

  const turnShape = (c: Cue) => ({ start: c.start, speaker: c.segments.find((s) => s.speaker !== undefined)?.speaker, text: c.segments.map((s) => s.text).filter(Boolean).join(' ') });
  const genTurnShape = (t: GenTurn, first = 0) => ({ start: t.startSec - first, speaker: t.speaker, text: t.lines.join(' ') });
  const endsBounded = (cues: Cue[]) => cues.every((c, i) => c.end >= c.start && (i + 1 >= cues.length || c.end <= cues[i + 1]!.start));

  it('Zoom text ([Name] hh:mm:ss, text inline or below)', () => {
    fc.assert(
      fc.property(genTurns(20 * 3600), fc.integer({ min: 0, max: 3 * 3600 }), (turns, clock0) => {
        const cues = roundTrip('zoom-txt', zoomSerialise(turns, clock0), parseZoomTxt);
        expect(cues.map(turnShape)).toEqual(turns.map((t) => genTurnShape(t, turns[0]!.startSec)));
        expect(endsBounded(cues)).toBe(true);
      }),
      fuzzParams(7103, 200),
    );
  });

  it('Teams text (Name   m:ss headers, tab or spaces, a preamble)', () => {
    fc.assert(
      fc.property(genTurns(9 * 3600), fc.boolean(), (turns, preamble) => {
        const cues = roundTrip('teams-txt', teamsSerialise(turns, preamble), parseTeamsTxt);
        expect(cues.map(turnShape)).toEqual(turns.map((t) => genTurnShape(t)));
        expect(endsBounded(cues)).toBe(true);
      }),
      fuzzParams(7104, 200),
    );
  });

  it('Google Meet text (hh:mm:ss sections of Name: paragraphs)', () => {
    fc.assert(
      fc.property(genTurns(20 * 3600), (turns) => {
        const cues = roundTrip('meet-txt', meetSerialise(turns), parseMeetTxt);
        expect(cues.map(turnShape)).toEqual(turns.map((t) => genTurnShape(t)));
      }),
      fuzzParams(7105, 200),
    );
  });
});
