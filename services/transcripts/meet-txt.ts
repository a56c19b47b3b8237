/**
 * Google Meet transcript as saved to Google Docs (downloaded as text):
 *
 *   Interview practice - Transcript
 *   Attendees
 *   Jane Doe, John Smith
 *   Transcript
 *   00:00:00
 *
 *   Jane Doe: Tell me about a project you are proud of.
 *   John Smith: Sure. Last year I …
 *
 *   00:05:00
 *   …
 *   Meeting ended after 00:12:34 👋
 *   This editable transcript was computer generated and might contain errors. …
 *
 * Timestamps come only every few minutes, each opening a section of "Name: text" paragraphs; a
 * paragraph without a name continues the previous speaker. Everything before the first timestamp
 * (title, attendees) is a preamble. A section's words are spread over the time to the next
 * timestamp (or "Meeting ended after"), capped by turns.ts's pace estimate.
 */
import { invalidTranscript, MAX_CUES, type Cue, type CueSegment } from './cue.js';
import { checkOrdered, looseSpeakerPrefix, parseClock, turnsToCues, type Turn } from './turns.js';

export const MEET_TIMESTAMP = /^(\d{2}:\d{2}:\d{2})$/;
const MEETING_ENDED = /^Meeting ended after (\d{1,2}:\d{2}:\d{2})\b/i;
const FOOTER = /^This editable transcript was computer generated/i;

export function parseMeetTxt(text: string): Cue[] {
  const sections: Turn[] = [];
  let finalEnd: number | undefined;
  let footer = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const l = raw.trim();
    if (l === '' || footer) return;
    if (FOOTER.test(l)) {
      footer = true;
      return;
    }
    const ended = MEETING_ENDED.exec(l);
    if (ended) {
      finalEnd = parseClock(ended[1]!, line);
      return;
    }
    const ts = MEET_TIMESTAMP.exec(l);
    if (ts) {
      sections.push({ start: parseClock(ts[1]!, line), segments: [], line });
      if (sections.length > MAX_CUES) throw invalidTranscript(line, `more than ${MAX_CUES} sections`);
      return;
    }
    const current = sections.at(-1);
    if (!current) return; // preamble: title, attendees
    const seg: CueSegment = looseSpeakerPrefix(l) ?? { text: l };
    current.segments.push(seg);
  });
  if (sections.length === 0) throw invalidTranscript(1, 'no "hh:mm:ss" timestamp lines found');
  checkOrdered(sections);
  const last = sections.at(-1)!;
  if (finalEnd !== undefined && finalEnd < last.start) {
    throw invalidTranscript(null, `"Meeting ended after" is earlier than the last timestamp (line ${last.line})`);
  }
  return turnsToCues(sections, finalEnd);
}
