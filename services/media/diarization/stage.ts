/**
 * The diarization step of the media stage: after an engine that cannot tell voices apart
 * (`diarized` not true), find who spoke when and put speakers on the words. It never fails the
 * interview: a diarizer that is missing or breaks leaves the transcript as the engine gave it, with
 * a note when the user had said more than one person speaks.
 */
import type { Logger } from '../../shared/logger.js';
import type { Transcript } from '../../transcripts/transcript.js';
import { diarizerUnavailable, LocalDiarizer, type Diarizer } from './diarizer.js';
import { applyDiarization } from './result.js';
import type { SpeakerCount } from './speakers.js';

export interface DiarizeStageOptions {
  speakers: SpeakerCount;
  /** Default: the local diarizer when scripts/setup-whisper.sh has installed it, else none. */
  diarizer?: Diarizer | null;
  signal?: AbortSignal;
  log?: Logger;
}

let shared: LocalDiarizer | undefined;

/** The local diarizer, or null when it is not installed. */
export function defaultDiarizer(): Diarizer | null {
  if (diarizerUnavailable() !== null) return null;
  return (shared ??= new LocalDiarizer());
}

export async function diarizeTranscript(t: Transcript, wavPath: string, opts: DiarizeStageOptions): Promise<Transcript> {
  if (opts.speakers === '1' || t.diarized === true || t.words.length === 0) return t;
  const diarizer = opts.diarizer === undefined ? defaultDiarizer() : opts.diarizer;
  const asked = opts.speakers === '2' || opts.speakers === '3+';
  if (!diarizer) {
    return asked ? withNote(t, 'Offline speaker separation is not installed here, so all speech was taken to be the candidate\'s.') : t;
  }
  try {
    const d = await diarizer.diarize(wavPath, opts.speakers, { signal: opts.signal });
    return applyDiarization(t, d, opts.speakers);
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    opts.log?.warn({ err: e }, 'diarization failed; keeping one speaker');
    return asked ? withNote(t, `Speakers could not be told apart (${e instanceof Error ? e.message : String(e)}), so all speech was taken to be the candidate's.`) : t;
  }
}

const withNote = (t: Transcript, note: string): Transcript => ({ ...t, notes: [...(t.notes ?? []), note] });
