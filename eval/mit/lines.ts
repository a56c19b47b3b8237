/**
 * The lines of an MIT interview transcript (testdata transcripts/mit: `Interviewer:` / `Interviewee:`
 * lines) as the product's plain-text importer reads them, so the evaluations and the product follow
 * one set of rules instead of each keeping its own regexes:
 *   - labels and continuations: plain-txt.ts (`Name:` then a space, a dash or the line's end; a line
 *     without a label continues the previous speaker; "Interviewee:- we were…" loses the dash);
 *   - typo labels: speaker-typos.ts, as parseTranscriptFile applies it ("Intrviewer", "Inerviewee",
 *     "INterviewee", the clipped "r:" are read as the label they misspell, not as words);
 *   - words: cue.ts's spokenTokens ([laughter], (inaudible) and bare punctuation such as "-" are not
 *     words).
 * A line with no words (only an annotation) is no line here, as it takes no time in the product.
 * Pure: text in, lines out.
 */
import { spokenTokens } from '../../services/transcripts/cue.js';
import { detectTranscriptFormat, mergeSpeakerTypos } from '../../services/transcripts/parse.js';
import { parsePlainTxt } from '../../services/transcripts/plain-txt.js';

export interface MitLine {
  readonly speaker: string;
  /** The spoken words, in order. */
  readonly words: readonly string[];
  /** The words joined by single spaces. */
  readonly text: string;
}

export function mitLines(transcript: string): MitLine[] {
  const format = detectTranscriptFormat(transcript);
  if (format !== 'plain-txt') throw new Error(`an MIT transcript is plain text, but this reads as ${format ?? 'nothing'}`);
  const out: MitLine[] = [];
  let speaker: string | undefined;
  for (const cue of mergeSpeakerTypos(parsePlainTxt(transcript)).cues) {
    for (const seg of cue.segments) {
      speaker = seg.speaker ?? speaker;
      const words = spokenTokens(seg.text);
      if (words.length === 0) continue;
      // The dataset always opens with a label; an unlabelled start would be an unknown speaker.
      if (speaker === undefined) throw new Error(`line ${cue.line}: words before the first Interviewer:/Interviewee: label`);
      out.push({ speaker, words, text: words.join(' ') });
    }
  }
  return out;
}
