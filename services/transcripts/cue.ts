/**
 * What VTT and SRT have in common: timed cues of text, often with speaker names. This module holds
 * the shared pure pieces: timestamp parsing, tag and speaker extraction, and turning cues into the
 * word-level Transcript every analyzer reads.
 */
import { PermanentError } from '../shared/errors.js';
import { transcriptText, type Transcript, type Word } from './transcript.js';

export interface CueSegment {
  speaker?: string;
  text: string;
}

export interface Cue {
  start: number;
  end: number;
  segments: CueSegment[];
  /** 1-based line of the timing line, for messages. */
  line: number;
}

export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;
export const MAX_CUES = 50_000;
/**
 * No cue may end later than this. Longer than any meeting transcript, and it keeps the analysis
 * bounded: pace over time has one point per 30 s of the transcript's length, so a single cue
 * claiming to end at 999999:00:00 once made it allocate billions of points.
 */
export const MAX_TRANSCRIPT_SEC = 24 * 3600;

export const invalidTranscript = (line: number | null, message: string): PermanentError =>
  new PermanentError('invalid_transcript', line === null ? message : `line ${line}: ${message}`, 422, line === null ? undefined : { line });

/**
 * `[hh:]mm:ss.fff` (VTT) or `hh:mm:ss,fff` (SRT); both separators are accepted because exporters
 * mix them. Minutes and seconds must be below 60.
 */
export function parseTimestamp(raw: string, line: number, fractionDigits: string = '1,3'): number {
  const re = new RegExp(`^(?:(\\d+):)?(\\d{2}):(\\d{2})[.,](\\d{${fractionDigits}})$`);
  const m = re.exec(raw);
  if (!m) throw invalidTranscript(line, `bad timestamp "${raw.slice(0, 40)}"`);
  const [h, mm, ss] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (mm >= 60 || ss >= 60) throw invalidTranscript(line, `bad timestamp "${raw}" (minutes and seconds must be below 60)`);
  return h * 3600 + mm * 60 + ss + Number(`0.${m[4]}`);
}

/** `start --> end [cue settings or SRT coordinates]`. */
export function parseTimingLine(text: string, line: number, fractionDigits?: string): { start: number; end: number } {
  const m = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(text);
  if (!m) throw invalidTranscript(line, `bad cue timing "${text.slice(0, 60)}"`);
  const start = parseTimestamp(m[1]!, line, fractionDigits);
  const end = parseTimestamp(m[2]!, line, fractionDigits);
  if (end < start) throw invalidTranscript(line, `cue ends (${m[2]}) before it starts (${m[1]})`);
  return { start, end };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };
const MAX_CODE_POINT = 0x10ffff;
/** `&#n;` beyond Unicode (fromCodePoint would throw) stays as written. */
export const decodeEntities = (s: string): string =>
  s.replace(/&(#\d+|[a-z]+);/gi, (all, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? all;
    const code = Number(name.slice(1));
    return code <= MAX_CODE_POINT ? String.fromCodePoint(code) : all;
  });

/** Markup that is never spoken: tags, inline timestamps, SSA overrides such as {\an8}. */
export const stripMarkup = (s: string): string => decodeEntities(s.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, ''));

/**
 * `Name: text` as Zoom, Otter and many SRT exporters write it. To avoid reading "The point is: …"
 * as a speaker, a name is at most four words, each starting with a capital or a digit
 * ("Jane Doe", "Speaker 2", "INTERVIEWER"), and the colon is followed by a space. SPEAKER_NAME is
 * shared with plain-txt.ts so every format agrees on what a name looks like.
 */
export const SPEAKER_NAME = String.raw`\p{Lu}[\p{L}\p{N}.'’_-]*(?: [\p{Lu}\p{N}][\p{L}\p{N}.'’_-]*){0,3}`;
const SPEAKER_PREFIX = new RegExp(String.raw`^\s*(?:-\s*)?(${SPEAKER_NAME}):\s+(.*)$`, 'u');

export function splitSpeakerPrefix(line: string): CueSegment {
  const m = SPEAKER_PREFIX.exec(line);
  return m ? { speaker: m[1]!, text: m[2]! } : { text: line };
}

/** Annotations such as [laughter] or (crosstalk) are not words anyone said. */
export const spokenTokens = (text: string): string[] =>
  text.replace(/\[[^\]]*\]|\([^)]*\)/g, ' ').split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));

/**
 * Words over a span whose only timing is its start and end (a cue, a diarized segment, a phrase
 * without word times): each word gets a share proportional to its length in characters, a fair
 * proxy for spoken duration. Pure; empty input gives no words.
 */
export function spreadTokens(tokens: readonly { text: string; speaker?: string }[], start: number, end: number, confidence?: number): Word[] {
  const totalChars = tokens.reduce((n, t) => n + t.text.length, 0);
  const span = end - start;
  const words: Word[] = [];
  let done = 0;
  for (const t of tokens) {
    const from = start + (span * done) / totalChars;
    done += t.text.length;
    const to = start + (span * done) / totalChars;
    const word: Word = { text: t.text, start: round3(from), end: round3(to) };
    if (confidence !== undefined) word.confidence = confidence;
    if (t.speaker !== undefined) word.speaker = t.speaker;
    words.push(word);
  }
  return words;
}

/**
 * Cues → words, spread over each cue by spreadTokens. A segment without a speaker keeps the
 * previous one: exporters label a turn once and leave its continuation bare.
 */
export function cuesToTranscript(cues: readonly Cue[], engine = 'import'): Transcript {
  const ordered = inSpokenOrder(cues);
  const words: Word[] = [];
  let speaker: string | undefined;
  for (const cue of ordered) {
    const tokens: { text: string; speaker?: string }[] = [];
    for (const seg of cue.segments) {
      if (seg.speaker !== undefined) speaker = seg.speaker;
      for (const t of spokenTokens(seg.text)) tokens.push(speaker === undefined ? { text: t } : { text: t, speaker });
    }
    // A loop, not push(...): one cue of a few MB holds more words than a call may take arguments.
    for (const w of spreadTokens(tokens, cue.start, cue.end)) words.push(w);
  }
  if (words.length === 0) throw invalidTranscript(null, 'the transcript has cues but no spoken words');
  const durationSec = ordered.reduce((max, c) => Math.max(max, c.end), 0);
  const diarized = words.some((w) => w.speaker !== undefined);
  return { engine, durationSec, words, text: transcriptText(words), diarized };
}

/** Cues by start time, file order among equals: the order their words were spoken in. */
export const inSpokenOrder = (cues: readonly Cue[]): Cue[] => [...cues].sort((a, b) => a.start - b.start || a.line - b.line);

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Splits normalised text into blank-line separated blocks, remembering each block's first line. */
export function blocks(text: string): { line: number; lines: string[] }[] {
  const out: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      out.push(current);
    }
    current.lines.push(l);
  });
  return out;
}
