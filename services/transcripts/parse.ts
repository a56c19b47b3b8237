/**
 * Entry point for imported transcripts (engine "import"). The format is decided by the content
 * (a WEBVTT header, or SRT's index/timing shape); the file name only picks which parser reports
 * the error when the content is neither, so the user gets the most useful message.
 */
import type { Transcript } from './transcript.js';
import { cuesToTranscript, invalidTranscript, MAX_TRANSCRIPT_BYTES } from './cue.js';
import { parseSrt } from './srt.js';
import { parseVtt } from './vtt.js';

export type TranscriptFormat = 'vtt' | 'srt';

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
    throw invalidTranscript(line, 'binary or non-UTF-8 content; expected a WebVTT or SRT text file');
  }
}

/** Pure: which format the (normalised) content is, or null. */
export function detectTranscriptFormat(text: string, filename?: string): TranscriptFormat | null {
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const [a, b] = [lines[0] ?? '', lines[1] ?? ''];
  if ((/^\s*\d+\s*$/.test(a) && b.includes('-->')) || a.includes('-->')) return 'srt';
  const ext = filename?.toLowerCase().match(/\.(vtt|srt)$/)?.[1];
  return ext === 'vtt' || ext === 'srt' ? ext : null;
}

export function parseTranscriptFile(text: string, filename?: string): Transcript {
  checkIsText(text);
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const format = detectTranscriptFormat(normalised, filename);
  if (format === null) throw invalidTranscript(1, 'not a WebVTT or SRT transcript');
  return cuesToTranscript(format === 'vtt' ? parseVtt(normalised) : parseSrt(normalised), 'import');
}
