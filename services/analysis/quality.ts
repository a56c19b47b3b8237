import { inTen, POCKETSPHINX_HESITATION_RECALL, WHISPER_HESITATION_PRECISION, WHISPER_HESITATION_RECALL } from '../media/fillers/measured.js';
import type { TimelineIssues } from './metrics/timeline.js';

export interface QualityInput {
  readonly engine: string;
  readonly reportedDurationSec: number;
  readonly durationSec: number;
  /** False for a transcript without times: its durations are nominal, so no note may rest on them. */
  readonly timed: boolean;
  readonly wordCount: number;
  readonly speakers: readonly string[];
  readonly candidate: string;
  readonly candidateChosenBy: 'user' | 'auto';
  readonly assumedSingleSpeaker: boolean;
  /** Unlabelled words in a labelled transcript, attributed to the surrounding turn's speaker. */
  readonly inheritedSpeakerWords: number;
  /** Mean engine confidence over words that carry one; undefined when none do. */
  readonly meanConfidence: number | undefined;
  readonly issues: TimelineIssues;
}

/** Below this, one word more or less moves WPM by more than 1 and a single "um" is 1+ per minute. */
export const SHORT_RECORDING_SEC = 60;
/** Mean confidence under this means many words are guesses; the counts inherit their errors. */
export const LOW_CONFIDENCE = 0.6;

/**
 * Caveats, in the order a reader should see them. Each says what is affected and why, because a note
 * that only says "low quality" gives the user nothing to act on. Pure; depends only on its input.
 */
export function qualityNotes(q: QualityInput): string[] {
  const notes: string[] = [];
  if (q.engine === 'local') {
    notes.push(
      'Transcribed by the offline engine (pocketsphinx), which is weak on conversational speech: in our tests ' +
        `it heard ${inTen(POCKETSPHINX_HESITATION_RECALL)} of the hesitations ("um", "uh"), so the filler count ` +
        'is far below the true one and word counts may be off. ' +
        'Whisper, a cloud engine or an imported transcript gives more reliable numbers.',
    );
  }
  if (q.engine === 'whisper') {
    notes.push(
      `Transcribed offline by Whisper (base). In our tests it heard ${inTen(WHISPER_HESITATION_RECALL)} hesitations ` +
        `("um", "uh": ${Math.round(WHISPER_HESITATION_RECALL * 100)}%), and ${Math.round((1 - WHISPER_HESITATION_PRECISION) * 100)}% ` +
        'of those it wrote were not in the reference, so the filler count is close to the true one but not exact. ' +
        'An imported verbatim transcript gives exact filler counts.',
    );
  }
  if (q.wordCount === 0) {
    notes.push('No words were recognised, so every rate is 0. Check that the recording contains speech.');
  } else if (q.timed && q.durationSec < SHORT_RECORDING_SEC) {
    notes.push(
      `The recording is ${q.durationSec.toFixed(1)} s long; with under a minute of audio, WPM and ` +
        'per-minute rates are noisy.',
    );
  }
  if (q.meanConfidence !== undefined && q.meanConfidence < LOW_CONFIDENCE) {
    notes.push(
      `Average word confidence is ${Math.round(q.meanConfidence * 100)}%; many words may be misrecognised.`,
    );
  }
  if (q.speakers.length > 1) {
    const how = q.candidateChosenBy === 'user' ? 'as you chose' : 'as the speaker who answers the questions';
    notes.push(
      `${q.speakers.length} speakers were found (${q.speakers.join(', ')}); the metrics are about ` +
        `"${q.candidate}", taken to be the candidate ${how}. If that is wrong, choose the candidate speaker and re-analyse.`,
    );
  } else if (q.assumedSingleSpeaker && q.wordCount > 0) {
    notes.push(
      'The transcript has no speaker labels, so all speech was taken to be the candidate; any interviewer ' +
        'speech in the recording is counted too, and talk ratio and questions cannot be judged.',
    );
  }
  if (q.inheritedSpeakerWords > 0) {
    notes.push(`${q.inheritedSpeakerWords} word(s) had no speaker label and were given to the speaker of the surrounding turn.`);
  }
  if (q.timed && q.durationSec > q.reportedDurationSec + 0.5) {
    notes.push(
      `Words run past the reported duration (${q.reportedDurationSec.toFixed(1)} s); the duration was ` +
        `extended to the last word (${q.durationSec.toFixed(1)} s).`,
    );
  }
  const { reordered, inverted, overlapping, nonSpeech } = q.issues;
  if (reordered) notes.push('The engine returned words out of time order; they were sorted by start time.');
  if (inverted > 0) notes.push(`${inverted} word(s) ended before they started and were treated as instantaneous.`);
  if (overlapping > 0) {
    notes.push(`${overlapping} word(s) overlap earlier words (crosstalk?); overlapping time is counted once.`);
  }
  if (nonSpeech > 0) notes.push(`${nonSpeech} non-speech token(s) (annotations, punctuation) were ignored.`);
  return notes;
}
