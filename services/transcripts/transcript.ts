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
   * Caveats about how this transcript was made, as sentences a report can show verbatim
   * ("azure failed, transcribed offline instead", "word times are estimated").
   */
  notes?: string[];
}

export const transcriptText = (words: readonly Word[]): string => words.map((w) => w.text).join(' ');
