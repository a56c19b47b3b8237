/**
 * Zoom's plain-text transcript (saved captions / "Save transcript"):
 *
 *   [Jane Doe] 10:02:15
 *   Tell me about a project you are proud of.
 *   [John Smith] 10:02:21
 *   Sure. Last year I …
 *
 * Times are the meeting's clock, so they are made relative to the first turn; a clock that wraps
 * past midnight keeps counting. Text may also follow the timestamp on the same line.
 */
import { invalidTranscript, MAX_CUES, stripMarkup, type Cue } from './cue.js';
import { checkOrdered, parseClock, turnsToCues, type Turn } from './turns.js';

export const ZOOM_TXT_HEADER = /^\[([^\]]+)\]\s+(\d{1,2}:\d{2}:\d{2})(?:\s+(.*))?$/;
const DAY = 24 * 3600;

export function parseZoomTxt(text: string): Cue[] {
  const turns: Turn[] = [];
  let first: number | null = null;
  let dayOffset = 0;
  let prevClock = -1;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const l = raw.trim();
    if (l === '') return;
    const m = ZOOM_TXT_HEADER.exec(l);
    if (m) {
      const clock = parseClock(m[2]!, line);
      // More than 12 h backwards is the clock passing midnight, not a shuffled file.
      if (prevClock >= 0 && prevClock - clock > DAY / 2) dayOffset += DAY;
      prevClock = clock;
      first ??= clock + dayOffset;
      const rest = m[3] ? stripMarkup(m[3]).trim() : '';
      turns.push({ start: clock + dayOffset - first, segments: [{ speaker: m[1]!.trim(), text: rest }], line });
      if (turns.length > MAX_CUES) throw invalidTranscript(line, `more than ${MAX_CUES} turns`);
      return;
    }
    const current = turns.at(-1);
    if (!current) throw invalidTranscript(line, `text before the first "[Name] hh:mm:ss" line: "${l.slice(0, 60)}"`);
    current.segments.push({ text: stripMarkup(l) });
  });
  if (turns.length === 0) throw invalidTranscript(1, 'no "[Name] hh:mm:ss" turns found');
  checkOrdered(turns);
  return turnsToCues(turns);
}
