/**
 * Transcripts whose source has no times at all (plain text). Every analyzer walks a timeline, so
 * the words still get positions: one nominal SEC_PER_WORD slot each (150 words a minute) in spoken
 * order, and a TURN_GAP_SEC gap where the speaker changes. The Transcript says `timed: false` and
 * carries UNTIMED_NOTE, so the report leaves out what those positions cannot tell.
 */
import { invalidTranscript, MAX_TRANSCRIPT_SEC, round3, spokenTokens, type Cue } from './cue.js';
import { transcriptText, type Transcript, type Word } from './transcript.js';
import { SEC_PER_WORD } from './turns.js';

/**
 * Keeps turns apart on a timeline. Shorter than the shortest pause any analyzer counts (1 s) and
 * than the 0.7 s that splits unpunctuated sentences, so it never reads as a pause.
 */
export const TURN_GAP_SEC = 0.5;

export const UNTIMED_NOTE =
  'This transcript has no times, so pace, pauses and durations are left out, and talk ratio is counted in words.';

/**
 * Pure: cues in file order (their times are ignored) → words at nominal slots. A segment without a
 * speaker continues the previous one, as in cuesToTranscript.
 */
export function untimedTranscript(cues: readonly Cue[]): Transcript {
  const words: Word[] = [];
  let speaker: string | undefined;
  let gaps = 0;
  for (const cue of cues) {
    for (const seg of cue.segments) {
      if (seg.speaker !== undefined && seg.speaker !== speaker) {
        if (words.length > 0) gaps++;
        speaker = seg.speaker;
      }
      for (const text of spokenTokens(seg.text)) {
        // From counts, not a running sum, so float error cannot build up over thousands of words.
        const start = words.length * SEC_PER_WORD + gaps * TURN_GAP_SEC;
        if (start + SEC_PER_WORD > MAX_TRANSCRIPT_SEC) {
          throw invalidTranscript(cue.line, `too long: at ${60 / SEC_PER_WORD} words a minute it would last more than ${MAX_TRANSCRIPT_SEC / 3600} hours`);
        }
        const word: Word = { text, start: round3(start), end: round3(start + SEC_PER_WORD) };
        if (speaker !== undefined) word.speaker = speaker;
        words.push(word);
      }
    }
  }
  if (words.length === 0) throw invalidTranscript(null, 'the transcript has no spoken words');
  const diarized = words.some((w) => w.speaker !== undefined);
  return { engine: 'import', durationSec: words.at(-1)!.end, words, text: transcriptText(words), diarized, timed: false };
}
