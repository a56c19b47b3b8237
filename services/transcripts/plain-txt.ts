/**
 * Plain-text transcripts without times, the format parse.ts tries last:
 *
 *   Interviewer: So how are you doing?
 *   Interviewee: I'm pretty good.
 *   [laughter]
 *   And I also …            ← no label: continues the previous speaker
 *
 * or paragraphs with no labels at all, read as one unnamed speaker. Each non-blank line becomes a
 * cue without times (untimed.ts lays the words out); [bracketed] and (parenthesised) annotations
 * are not words (cue.ts's spokenTokens).
 *
 * Labelled or not. A line may open with a name and a colon: `Name:` then a space, a dash or the end of
 * the line, where a name is what cue.ts's SPEAKER_NAME allows (up to four words, the first
 * capitalised). Prose has such lines too ("Note: I was late"), so the names are read as speakers
 * only when the file looks like a dialogue:
 *   - at least two different names each open two or more lines, or
 *   - at least two lines open with a name, and they are more than half of the non-blank lines.
 * Otherwise no line is labelled and "Note:" stays a word of the one speaker. In a labelled file
 * every named line is a speaker change, a one-off name included (a third person, or a typo that
 * speaker-typos.ts may merge).
 *
 * Refused with invalid_transcript, naming the line:
 *   - times: a cue timing (`00:01.000 --> …`), a line that is only a timestamp, a line opening with
 *     a bracketed or hh:mm:ss timestamp, a Zoom `[Name] hh:mm:ss` header. Such a file is a timed
 *     transcript whose format was not recognised; reading its times as words would be wrong twice.
 *     Except in a labelled dialogue where at most a tenth of the lines hold one: there a time is
 *     something someone said ("9:30 sharp"), and the lines stay words.
 *   - a first line that is only a number: an SRT cue index whose timing line is missing.
 *   - JSON or XML/HTML, and more than MAX_CUES lines.
 */
import { invalidTranscript, MAX_CUES, SPEAKER_NAME, type Cue } from './cue.js';

// "Interviewee:- we were…": transcribers sometimes put a dash after the colon instead of a space.
const LABEL = new RegExp(String.raw`^(${SPEAKER_NAME}):(?:[\s\-–—]+(.*))?$`, 'u');
const STAMP = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?`;
const TIMED_LINES: readonly RegExp[] = [
  /\d\s*-->\s*\d/,
  new RegExp(String.raw`^[[(]?${STAMP}[\])]?$`),
  new RegExp(String.raw`^[[(]${STAMP}[\])]`),
  /^\d{1,2}:\d{2}:\d{2}\s/,
  /^\[[^\]]{1,80}\]\s+\d{1,2}:\d{2}:\d{2}/,
];
/** "r: Tell me about…" where "Interviewer:" lost its start in copying; see clippedLabel. */
const CLIPPED = /^(\p{Ll}{1,3}):\s+(\S.*)$/u;
const SRT_INDEX = /^\d+$/;
const STRUCTURED = /^(?:\{|\[\s*\{|<\?xml|<!doctype|<html)/i;

interface Line {
  line: number;
  text: string;
  label?: string;
  /** The text after the label. */
  said?: string;
  /** The line holds a time (TIMED_LINES). */
  timed: boolean;
}

/** In a labelled dialogue, up to this share of lines may hold a time as spoken content ("9:30 sharp"). */
const MAX_TIMED_SHARE_IN_DIALOGUE = 0.1;

/**
 * A file whose lines carry times is a timed transcript in a format we did not recognise: refused,
 * naming the first such line. Except a labelled dialogue where only a few lines hold a time: there
 * the times are something someone said, and refusing the whole interview for them would be wrong.
 */
function checkNoTimes(lines: readonly Line[], labelled: boolean): void {
  const timed = lines.filter((l) => l.timed);
  if (timed.length === 0 || (labelled && timed.length <= MAX_TIMED_SHARE_IN_DIALOGUE * lines.length)) return;
  const first = timed[0]!;
  throw invalidTranscript(first.line, `"${first.text.slice(0, 40)}" holds a time, but the file is not a WebVTT, SRT, Zoom, Teams or Google Meet transcript; a plain-text transcript must have no times`);
}

export function parsePlainTxt(text: string): Cue[] {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const l = raw.trim();
    if (l === '') return;
    const line = i + 1;
    if (lines.length === 0) checkOpening(l, line);
    if (lines.length === MAX_CUES) throw invalidTranscript(line, `more than ${MAX_CUES} lines`);
    const m = LABEL.exec(l);
    const timed = TIMED_LINES.some((re) => re.test(l));
    lines.push(m ? { line, text: l, label: m[1]!, said: m[2] ?? '', timed } : { line, text: l, timed });
  });
  if (lines.length === 0) throw invalidTranscript(null, 'the transcript is empty');
  const labelled = isDialogue(lines);
  checkNoTimes(lines, labelled);
  if (labelled) for (const l of lines) if (l.label === undefined) Object.assign(l, clippedLabel(l.text, lines));
  return lines.map((l) => ({
    start: 0,
    end: 0,
    line: l.line,
    segments: [labelled && l.label !== undefined ? { speaker: l.label, text: l.said! } : { text: l.text }],
  }));
}

function checkOpening(l: string, line: number): void {
  if (SRT_INDEX.test(l)) throw invalidTranscript(line, `"${l.slice(0, 20)}" looks like an SRT cue number, but no cue timing follows it`);
  if (STRUCTURED.test(l)) throw invalidTranscript(line, 'this looks like JSON, XML or HTML, not a transcript');
}

/**
 * In a dialogue, a line opening with one to three lower-case letters and a colon that end a label
 * used on two or more lines ("r:" for "Interviewer:") is that label with its start clipped off; it
 * stays the clipped label here, and speaker-typos.ts reads it as the full one (with a note).
 */
function clippedLabel(text: string, lines: readonly Line[]): Pick<Line, 'label' | 'said'> {
  const m = CLIPPED.exec(text);
  if (!m) return {};
  const uses = new Map<string, number>();
  for (const { label } of lines) if (label !== undefined) uses.set(label, (uses.get(label) ?? 0) + 1);
  const ends = [...uses].filter(([label, n]) => n >= 2 && label.length > m[1]!.length && label.toLowerCase().endsWith(m[1]!));
  return ends.length > 0 ? { label: m[1]!, said: m[2]! } : {};
}

/** The rule in the module comment: do the `Name:` openings make a dialogue? */
function isDialogue(lines: readonly Line[]): boolean {
  const counts = new Map<string, number>();
  for (const { label } of lines) if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  const named = [...counts.values()];
  const recurring = named.filter((n) => n >= 2).length;
  const namedLines = named.reduce((a, b) => a + b, 0);
  return recurring >= 2 || (namedLines >= 2 && namedLines * 2 > lines.length);
}
