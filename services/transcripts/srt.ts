/**
 * SubRip (.srt): numbered blocks of `hh:mm:ss,mmm --> hh:mm:ss,mmm` and text. Speaker names come
 * from `Name: text` prefixes; <i>/<b>/<font> tags and {\an8} overrides are dropped. The index line
 * is optional (some exporters omit it) and its value is not checked: players ignore it too.
 */
import { blocks, invalidTranscript, MAX_CUES, parseTimingLine, splitSpeakerPrefix, stripMarkup, type Cue, type CueSegment } from './cue.js';

export function parseSrt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocks(text)) {
    const hasIndex = /^\s*\d+\s*$/.test(block.lines[0]!);
    const timingAt = hasIndex ? 1 : 0;
    const timing = block.lines[timingAt];
    const line = block.line + timingAt;
    if (timing === undefined || !timing.includes('-->')) {
      // Strict on purpose: guessing where a broken block belongs would misplace words in time.
      throw invalidTranscript(line, `expected a cue timing line ("00:00:01,000 --> 00:00:02,000"), found "${(timing ?? '').slice(0, 60)}"`);
    }
    const { start, end } = parseTimingLine(timing, line);
    const segments: CueSegment[] = block.lines
      .slice(timingAt + 1)
      .map((l) => splitSpeakerPrefix(stripMarkup(l).trim()))
      .filter((s) => s.text.length > 0);
    cues.push({ start, end, segments, line });
    if (cues.length > MAX_CUES) throw invalidTranscript(line, `more than ${MAX_CUES} cues`);
  }
  if (cues.length === 0) throw invalidTranscript(1, 'the SRT file has no cues');
  return cues;
}
