/**
 * Entry point for imported transcripts (engine "import"). The format is decided by the content:
 * a WEBVTT header, SRT's index/timing shape, or the plain-text shapes of Zoom (`[Name] hh:mm:ss`),
 * Teams (`Name   0:03`) and Google Meet (`00:05:00` lines over `Name: text` paragraphs); failing
 * those, a `.vtt`/`.srt` file name picks which parser reports the error; anything else with words
 * in it is plain text without times (plain-txt.ts), tried last so it never takes a timed file.
 * Meeting text formats give only turn start times, so their transcripts carry a note that word
 * times are estimated; plain text has none (`timed: false`, untimed.ts). In every format, speaker
 * labels that are apparent typos of a more frequent label are merged (speaker-typos.ts).
 */
import type { Transcript } from './transcript.js';
import { cuesToTranscript, inSpokenOrder, invalidTranscript, MAX_TRANSCRIPT_BYTES, MAX_TRANSCRIPT_SEC, spokenTokens, type Cue, type CueSegment } from './cue.js';
import { MEET_TIMESTAMP, parseMeetTxt } from './meet-txt.js';
import { parsePlainTxt } from './plain-txt.js';
import { findSpeakerTypos, speakerTypoNote, type LabelUse } from './speaker-typos.js';
import { parseSrt } from './srt.js';
import { MAX_PREAMBLE_LINES, parseTeamsTxt, TEAMS_HEADER_WIDE } from './teams-txt.js';
import { approximateTimesNote, looseSpeakerPrefix } from './turns.js';
import { untimedTranscript, UNTIMED_NOTE } from './untimed.js';
import { parseVtt } from './vtt.js';
import { parseZoomTxt, ZOOM_TXT_HEADER } from './zoom-txt.js';

export type TranscriptFormat = 'vtt' | 'srt' | 'zoom-txt' | 'teams-txt' | 'meet-txt' | 'plain-txt';

interface FormatSpec {
  parse: (text: string) => Cue[];
  note?: string;
  /** Cues → transcript: cuesToTranscript (times from the file) unless the format has no times. */
  build?: (cues: readonly Cue[]) => Transcript;
}

const FORMATS: Record<TranscriptFormat, FormatSpec> = {
  vtt: { parse: parseVtt },
  srt: { parse: parseSrt },
  'zoom-txt': { parse: parseZoomTxt, note: approximateTimesNote('Zoom text', 'only the time each turn started') },
  'teams-txt': { parse: parseTeamsTxt, note: approximateTimesNote('Teams', 'only the time each turn started') },
  'meet-txt': { parse: parseMeetTxt, note: approximateTimesNote('Google Meet', 'a timestamp only every few minutes') },
  'plain-txt': { parse: parsePlainTxt, note: UNTIMED_NOTE, build: untimedTranscript },
};

const EXPECTED = 'WebVTT, SRT, a Zoom, Teams or Google Meet transcript, or plain text';

/** C0 controls other than tab, LF, FF, CR, and U+FFFD (what invalid UTF-8 decodes to). */
const BINARY = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;

/** Rejects what is not a small text file, naming the first offending line. */
function checkIsText(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_TRANSCRIPT_BYTES) {
    throw invalidTranscript(null, `the transcript is larger than ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB`);
  }
  const m = BINARY.exec(text);
  if (m) {
    const line = text.slice(0, m.index).split('\n').length;
    throw invalidTranscript(line, `binary or non-UTF-8 content; expected a text transcript (${EXPECTED})`);
  }
}

/** Pure: which format the (normalised) content is, or null. */
export function detectTranscriptFormat(text: string, filename?: string): TranscriptFormat | null {
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const [a, b] = [lines[0] ?? '', lines[1] ?? ''];
  if ((/^\s*\d+\s*$/.test(a) && b.includes('-->')) || a.includes('-->')) return 'srt';
  if (ZOOM_TXT_HEADER.test(a.trim())) return 'zoom-txt';
  const head = lines.slice(0, MAX_PREAMBLE_LINES + 1).map((l) => l.trim());
  if (head.some((l) => TEAMS_HEADER_WIDE.test(l))) return 'teams-txt';
  const stamp = lines.findIndex((l) => MEET_TIMESTAMP.test(l.trim()));
  if (stamp >= 0 && stamp <= 15 && lines.slice(stamp + 1, stamp + 40).some((l) => looseSpeakerPrefix(l.trim()) !== null)) return 'meet-txt';
  // Teams with single spaces ("Jane Doe 0:03"): only when several lines have that shape.
  const narrow = lines.slice(0, 60).filter((l) => /^\S(?:.{0,79}?\S)? \d{1,2}:\d{2}(?::\d{2})?$/.test(l.trim()));
  if (narrow.length >= 2 && head.includes(narrow[0]!.trim())) return 'teams-txt';
  const ext = filename?.toLowerCase().match(/\.(vtt|srt)$/)?.[1];
  if (ext === 'vtt' || ext === 'srt') return ext;
  return /[\p{L}\p{N}]/u.test(text) ? 'plain-txt' : null;
}

export function parseTranscriptFile(text: string, filename?: string): Transcript {
  checkIsText(text);
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const format = detectTranscriptFormat(normalised, filename);
  if (format === null) throw invalidTranscript(1, `no words found: expected ${EXPECTED}`);
  const spec = FORMATS[format];
  const parsed = spec.parse(normalised);
  const tooLate = parsed.find((c) => c.end > MAX_TRANSCRIPT_SEC);
  if (tooLate) throw invalidTranscript(tooLate.line, `the cue ends after ${MAX_TRANSCRIPT_SEC / 3600} hours, later than any recording`);
  const { cues, notes: typoNotes } = mergeSpeakerTypos(parsed);
  const transcript = spec.build ? spec.build(cues) : cuesToTranscript(cues, 'import');
  const notes = [...(spec.note ? [spec.note] : []), ...typoNotes];
  return notes.length > 0 ? { ...transcript, notes } : transcript;
}

/** Renames speaker labels that speaker-typos.ts reads as typos, with a note for each. */
export function mergeSpeakerTypos(cues: Cue[]): { cues: Cue[]; notes: string[] } {
  const uses: LabelUse[] = [];
  for (const cue of inSpokenOrder(cues)) {
    for (const seg of cue.segments) {
      if (seg.speaker !== undefined) uses.push({ label: seg.speaker, words: 0 });
      const current = uses.at(-1);
      if (current) current.words += spokenTokens(seg.text).length;
    }
  }
  const typos = findSpeakerTypos(uses);
  if (typos.length === 0) return { cues, notes: [] };
  const readAs = new Map(typos.map((t) => [t.label, t.readAs]));
  const renamed = (s: CueSegment): CueSegment => {
    const to = s.speaker === undefined ? undefined : readAs.get(s.speaker);
    return to === undefined ? s : { ...s, speaker: to };
  };
  return {
    cues: cues.map((c) => ({ ...c, segments: c.segments.map(renamed) })),
    notes: typos.map(speakerTypoNote),
  };
}
