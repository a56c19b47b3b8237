/**
 * The port every speech-to-text engine implements (local pocketsphinx now; azure, openai later).
 * Contract: `wavPath` is 16 kHz mono s16le PCM WAV; the result's word times are seconds from the
 * start of that file, non-decreasing; `onProgress` receives fractions in [0, 1], non-decreasing;
 * an aborted `signal` rejects with the signal's reason and leaves no child process running.
 * Errors: PermanentError for input that can never transcribe (`no_speech`), TransientError for
 * engine failures worth a retry.
 */
import type { Transcript } from '../../transcripts/transcript.js';

export interface TranscribeOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface TranscriptionEngine {
  readonly name: string;
  transcribe(wavPath: string, opts?: TranscribeOptions): Promise<Transcript>;
}
