/**
 * The timed transcript every engine produces and every analyzer reads. Times are seconds from the
 * start of the recording (global, after chunk stitching).
 */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** 0..1 where the engine reports it. */
  confidence?: number;
  /** Speaker label as the engine or the imported file names it ("Interviewer", "spk_0"). */
  speaker?: string;
}

export interface Transcript {
  /** Which engine produced it: "local" (pocketsphinx), "import" (VTT/SRT), later "azure", "openai". */
  engine: string;
  /** Length of the recording in seconds (media duration, or last cue end for imports). */
  durationSec: number;
  language?: string;
  words: Word[];
  /** Plain text, words joined with single spaces. */
  text: string;
  /**
   * Whether speaker labels are meaningful: true when the engine diarized or the imported file named
   * speakers, false when the engine cannot tell voices apart (local), absent when unknown.
   */
  diarized?: boolean;
  /**
   * Whether word times come from the source. Absent means timed (every engine, VTT, SRT and the
   * meeting formats, whose estimated times carry a note). false: the source had no times at all (a
   * plain-text transcript); words then sit at nominal 0.4 s slots in spoken order so code that
   * walks a timeline still runs, but their times, the duration, pace and pauses mean nothing.
   */
  timed?: boolean;
  /**
   * Caveats about how this transcript was made, as sentences a report can show verbatim
   * ("azure failed, transcribed offline instead", "word times are estimated").
   */
  notes?: string[];
  /**
   * Offline diarization's figures per speaker (services/media/diarization): seconds of speech and
   * confidence 0..1, the share of the speaker's speech that sounds clearly like them.
   */
  speakerStats?: Array<{ speaker: string; seconds: number; confidence: number }>;
}

export const transcriptText = (words: readonly Word[]): string => words.map((w) => w.text).join(' ');
