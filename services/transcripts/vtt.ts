/**
 * WebVTT (W3C) as Zoom, Teams, Meet and YouTube export it. Speakers come from voice spans
 * (`<v Jane Doe>…</v>`, Teams) or a `Name: ` prefix (Zoom). NOTE, STYLE and REGION blocks are
 * skipped; cue identifiers (Zoom's numbers, Teams' GUIDs) are accepted and ignored.
 *
 * Zoom cloud recordings prefix each cue with the participant's display name, which can be
 * anything ("jdoe", "Jane Doe (she/her)", "iPhone"). A cue-opening `name: ` that the strict rule
 * in cue.ts rejects still counts as a speaker when the same name opens at least two cues: a
 * sentence like "the point is: …" does not repeat verbatim, a display name does.
 */
import { blocks, invalidTranscript, MAX_CUES, parseTimingLine, splitSpeakerPrefix, stripMarkup, type Cue, type CueSegment } from './cue.js';
import { looseSpeakerPrefix } from './turns.js';

/** Pure: applies repeated loose `name: ` prefixes at the start of cues (see the module comment). */
export function applyRepeatedDisplayNames(cues: readonly Cue[]): Cue[] {
  const counts = new Map<string, number>();
  const candidate = (c: Cue): CueSegment | null => {
    const first = c.segments[0];
    return first && first.speaker === undefined ? looseSpeakerPrefix(first.text) : null;
  };
  for (const c of cues) {
    const p = candidate(c);
    if (p?.speaker) counts.set(p.speaker, (counts.get(p.speaker) ?? 0) + 1);
  }
  return cues.map((c) => {
    const p = candidate(c);
    return p?.speaker && (counts.get(p.speaker) ?? 0) >= 2 ? { ...c, segments: [p, ...c.segments.slice(1)] } : c;
  });
}

const VOICE_TAG = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/g;

/** One payload line → segments, split at voice spans; a `Name:` prefix inside a span wins. */
export function vttLineSegments(raw: string): CueSegment[] {
  const out: CueSegment[] = [];
  let last = 0;
  let voice: string | undefined;
  const push = (text: string, speaker: string | undefined): void => {
    const plain = stripMarkup(text).trim();
    if (!plain) return;
    const prefixed = splitSpeakerPrefix(plain);
    const who = prefixed.speaker ?? speaker;
    out.push(who === undefined ? { text: prefixed.text } : { speaker: who, text: prefixed.text });
  };
  for (const m of raw.matchAll(VOICE_TAG)) {
    push(raw.slice(last, m.index), voice);
    voice = stripMarkup(m[1]!).trim() || undefined;
    last = m.index + m[0].length;
  }
  push(raw.slice(last), voice);
  return out;
}

export function parseVtt(text: string): Cue[] {
  const all = blocks(text);
  const header = all[0];
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test(header.lines[0]!) || header.line !== 1) {
    throw invalidTranscript(1, 'missing WEBVTT header');
  }
  const cues: Cue[] = [];
  for (const block of all.slice(1)) {
    const first = block.lines[0]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingAt = first.includes('-->') ? 0 : 1;
    const timing = block.lines[timingAt];
    if (timing === undefined || !timing.includes('-->')) {
      throw invalidTranscript(block.line + timingAt, `expected a cue timing line ("00:00:01.000 --> 00:00:02.000"), found "${(timing ?? first).slice(0, 60)}"`);
    }
    const line = block.line + timingAt;
    // VTT requires exactly three fraction digits.
    const { start, end } = parseTimingLine(timing, line, '3');
    const segments = block.lines.slice(timingAt + 1).flatMap(vttLineSegments);
    cues.push({ start, end, segments, line });
    if (cues.length > MAX_CUES) throw invalidTranscript(line, `more than ${MAX_CUES} cues`);
  }
  if (cues.length === 0) throw invalidTranscript(1, 'the WebVTT file has no cues');
  return applyRepeatedDisplayNames(cues);
}
