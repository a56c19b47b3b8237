/**
 * A live practice's script in its transcript (issue 17). The browser shows and reads each question
 * aloud, but only the user's microphone is recorded, so the recording holds answers without their
 * questions. The session knows which question was on screen from when (marks, in recording time);
 * this puts each practised question back as an "Interviewer" turn at its mark, so the one question
 * detector, Q&A and content analysis see question → answer as in a recorded interview.
 */
import { transcriptText, type Transcript, type Word } from './transcript.js';

export interface PracticeQuestion {
  text: string;
  kind?: string;
}

export interface PracticeMark {
  /** Index into the script's questions. */
  index: number;
  /** Recording time (seconds) from which this question was on screen. */
  atSec: number;
}

export interface PracticeScript {
  questions: PracticeQuestion[];
  /** Non-decreasing in atSec; the first is question 0 at 0 s. */
  marks: PracticeMark[];
}

export const PRACTICE_INTERVIEWER = 'Interviewer';
/** The user is the only voice recorded: every recognised word is theirs. */
export const PRACTICE_CANDIDATE = 'Candidate';

/**
 * Pure: the recognised words (all the user's) with each question inserted as interviewer words at
 * its mark, before the words that start at or after it. The question words take no time (start =
 * end): the browser read them, nobody spoke them into the recording, so talk time, pace and the
 * talk ratio (by time) stay the user's alone: ≈ 100%, which is what a solo practice honestly is. The
 * share by words counts the question text, as any transcript with its interviewer's words would.
 * A mark inside a word moves to that word's end, so times stay sorted.
 */
export function withPracticeScript(words: readonly Word[], script: PracticeScript): Word[] {
  const out: Word[] = [];
  let i = 0;
  const push = (w: Word) => out.push({ ...w, speaker: PRACTICE_CANDIDATE });
  for (const mark of script.marks) {
    const q = script.questions[mark.index];
    if (!q || !Number.isFinite(mark.atSec)) continue;
    while (i < words.length && words[i]!.start < mark.atSec) push(words[i++]!);
    const at = Math.max(mark.atSec, 0, out.length > 0 ? out[out.length - 1]!.end : 0);
    for (const text of q.text.split(/\s+/).filter(Boolean)) out.push({ text, start: at, end: at, speaker: PRACTICE_INTERVIEWER });
  }
  while (i < words.length) push(words[i++]!);
  return out;
}

/** The transcript of a live practice: one speaker (the user, never diarized) plus the script's questions. */
export function practiceTranscript(t: Transcript, script: PracticeScript | undefined): Transcript {
  // Nothing heard stays nothing heard (questions alone are not an interview to report on).
  if (t.words.length === 0) return t;
  const words = script ? withPracticeScript(t.words, script) : t.words.map((w) => ({ ...w, speaker: PRACTICE_CANDIDATE }));
  // Labels are ours and certain (questions from the script, the rest the microphone's one voice).
  const { speakerStats: _none, ...rest } = t;
  return { ...rest, words, text: transcriptText(words), diarized: true };
}
