/**
 * Entry point for imported transcripts (engine "import"). The format is decided by the content:
 * a WEBVTT header, SRT's index/timing shape, or the plain-text shapes of Zoom (`[Name] hh:mm:ss`),
 * Teams (`Name   0:03`) and Google Meet (`00:05:00` lines over `Name: text` paragraphs). The file
 * name only picks which parser reports the error when the content is none of these. Text formats
 * give only turn start times, so their transcripts carry a note that word times are estimated.
 */
import type { Transcript } from './transcript.js';
import { cuesToTranscript, invalidTranscript, MAX_TRANSCRIPT_BYTES, MAX_TRANSCRIPT_SEC, type Cue } from './cue.js';
import { MEET_TIMESTAMP, parseMeetTxt } from './meet-txt.js';
import { parseSrt } from './srt.js';
import { MAX_PREAMBLE_LINES, parseTeamsTxt, TEAMS_HEADER_WIDE } from './teams-txt.js';
import { approximateTimesNote, looseSpeakerPrefix } from './turns.js';
import { parseVtt } from './vtt.js';
import { parseZoomTxt, ZOOM_TXT_HEADER } from './zoom-txt.js';

export type TranscriptFormat = 'vtt' | 'srt' | 'zoom-txt' | 'teams-txt' | 'meet-txt';

interface FormatSpec {
  parse: (text: string) => Cue[];
  note?: string;
}

const FORMATS: Record<TranscriptFormat, FormatSpec> = {
  vtt: { parse: parseVtt },
  srt: { parse: parseSrt },
  'zoom-txt': { parse: parseZoomTxt, note: approximateTimesNote('Zoom text', 'only the time each turn started') },
  'teams-txt': { parse: parseTeamsTxt, note: approximateTimesNote('Teams', 'only the time each turn started') },
  'meet-txt': { parse: parseMeetTxt, note: approximateTimesNote('Google Meet', 'a timestamp only every few minutes') },
};

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
    throw invalidTranscript(line, 'binary or non-UTF-8 content; expected a text transcript (WebVTT, SRT, Zoom, Teams, Google Meet)');
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
  return ext === 'vtt' || ext === 'srt' ? ext : null;
}

export function parseTranscriptFile(text: string, filename?: string): Transcript {
  checkIsText(text);
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const format = detectTranscriptFormat(normalised, filename);
  if (format === null) {
    throw invalidTranscript(1, 'not a recognised transcript: expected WebVTT, SRT, or a Zoom, Teams or Google Meet text transcript');
  }
  const spec = FORMATS[format];
  const cues = spec.parse(normalised);
  const tooLate = cues.find((c) => c.end > MAX_TRANSCRIPT_SEC);
  if (tooLate) throw invalidTranscript(tooLate.line, `the cue ends after ${MAX_TRANSCRIPT_SEC / 3600} hours, later than any recording`);
  const transcript = cuesToTranscript(cues, 'import');
  return spec.note ? { ...transcript, notes: [spec.note] } : transcript;
}
