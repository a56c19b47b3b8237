/**
 * Microsoft Teams transcript as text (the .docx download, saved or pasted as plain text):
 *
 *   Interview practice
 *   March 3, 2025, 2:00PM
 *   12m 5s
 *
 *   Jane Doe   0:03
 *   Tell me about a project you are proud of.
 *
 *   John Smith   0:09
 *   Sure. Last year I …
 *
 * A turn header is a name, a gap, and the elapsed time (m:ss, or h:mm:ss after the first hour).
 * Word processors turn the gap into a tab or several spaces; when a file has no such header, a
 * single space is accepted instead. A short preamble (title, date, duration) before the first
 * header is skipped, as are Teams' "X started transcription" lines.
 */
import { invalidTranscript, MAX_CUES, type Cue } from './cue.js';
import { checkOrdered, parseClock, turnsToCues, type Turn } from './turns.js';

export const TEAMS_HEADER_WIDE = /^(\S.{0,79}?)(?:\t|[ \u00a0]{2,})[ \t\u00a0]*(\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
const TEAMS_HEADER_NARROW = /^(\S(?:.{0,79}?\S)?) (\d{1,2}:\d{2}(?::\d{2})?)$/;
const TRANSCRIPTION_EVENT = /\b(?:started|stopped) transcription\.?$/i;
/** Title, date, duration, "Transcript": more than this before the first turn is not a preamble. */
export const MAX_PREAMBLE_LINES = 8;

export function parseTeamsTxt(text: string): Cue[] {
  const lines = text.split('\n');
  const header = lines.some((l) => TEAMS_HEADER_WIDE.test(l.trim())) ? TEAMS_HEADER_WIDE : TEAMS_HEADER_NARROW;
  const turns: Turn[] = [];
  let preamble = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const l = raw.trim();
    if (l === '' || TRANSCRIPTION_EVENT.test(l)) return;
    const m = header.exec(l);
    if (m && m[1]!.split(/\s+/).length <= 6) {
      turns.push({ start: parseClock(m[2]!, line), segments: [{ speaker: m[1]!.trim(), text: '' }], line });
      if (turns.length > MAX_CUES) throw invalidTranscript(line, `more than ${MAX_CUES} turns`);
      return;
    }
    const current = turns.at(-1);
    if (current) {
      current.segments.push({ text: l });
    } else if (++preamble > MAX_PREAMBLE_LINES) {
      throw invalidTranscript(line, `expected a turn header such as "Jane Doe   0:03" within the first ${MAX_PREAMBLE_LINES} lines of text`);
    }
  });
  if (turns.length === 0) throw invalidTranscript(1, 'no "Name   m:ss" turn headers found');
  checkOrdered(turns);
  return turnsToCues(turns);
}
