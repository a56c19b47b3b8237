/**
 * Shared pure pieces of the plain-text meeting transcripts (Zoom .txt, Teams, Google Meet): clock
 * timestamps, loose speaker names, and turning "who spoke from when" into cues when the file gives
 * only start times. Such files never say when a turn ends, so an end is estimated from the words:
 * a turn lasts until the next one starts, unless that is more than twice as long as the words take
 * at a typical pace (then the speaker stopped and someone waited). Transcripts built this way carry
 * a note saying their times are approximate.
 */
import { invalidTranscript, spokenTokens, type Cue, type CueSegment } from './cue.js';

/** 150 words per minute, the middle of conversational pace. */
export const SEC_PER_WORD = 0.4;
const MIN_TURN_SEC = 0.5;

export interface Turn {
  start: number;
  segments: CueSegment[];
  /** 1-based line of the turn's timestamp. */
  line: number;
}

/** `h:mm:ss`, `hh:mm:ss` or `m:ss` (minutes may exceed 59 when there is no hour field). */
export function parseClock(raw: string, line: number): number {
  const m = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/.exec(raw.trim());
  if (!m) throw invalidTranscript(line, `bad timestamp "${raw.slice(0, 20)}"`);
  const [h, mm, ss] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (ss >= 60 || (m[1] !== undefined && mm >= 60)) throw invalidTranscript(line, `bad timestamp "${raw}" (minutes and seconds must be below 60)`);
  return h * 3600 + mm * 60 + ss;
}

export const wordCount = (segments: readonly CueSegment[]): number => segments.reduce((n, s) => n + spokenTokens(s.text).length, 0);

/**
 * Pure: cues from turns that have only start times (see the module comment). `finalEnd` is when
 * the recording ended, if the file says so; it bounds the last turn like a next start would.
 */
export function turnsToCues(turns: readonly Turn[], finalEnd?: number): Cue[] {
  return turns.map((t, i) => {
    const estimate = Math.max(MIN_TURN_SEC, wordCount(t.segments) * SEC_PER_WORD);
    const next = turns[i + 1]?.start ?? finalEnd;
    const end = next === undefined ? t.start + estimate : Math.max(t.start, Math.min(next, t.start + 2 * estimate));
    return { start: t.start, end, segments: t.segments, line: t.line };
  });
}

/** Start times must not run backwards: a shuffled file would put words in the wrong place. */
export function checkOrdered(turns: readonly Turn[]): void {
  for (let i = 1; i < turns.length; i++) {
    if (turns[i]!.start < turns[i - 1]!.start) {
      throw invalidTranscript(turns[i]!.line, `timestamp goes backwards (earlier than the one on line ${turns[i - 1]!.line})`);
    }
  }
}

/**
 * `Name: text` where Name is any display name (lower case, initials, "(she/her)", an e-mail) of at
 * most six words and 60 characters. Only for formats where every paragraph starts with a name.
 */
const LOOSE_SPEAKER = /^\s*([^\s:][^:]{0,59}?):\s+(\S.*)$/;

export function looseSpeakerPrefix(line: string): CueSegment | null {
  const m = LOOSE_SPEAKER.exec(line);
  if (!m || m[1]!.trim().split(/\s+/).length > 6 || /^https?$/i.test(m[1]!)) return null;
  return { speaker: m[1]!.trim(), text: m[2]!.trim() };
}

export const approximateTimesNote = (source: string, what: string): string =>
  `This ${source} transcript gives ${what}; word times were estimated, so pauses and pace over time are approximate.`;
