/**
 * The media stage of one interview: sniff → probe → extract → transcribe (ARCHITECTURE §3).
 * Every step fails with a typed error whose code becomes the interview's failure reason. All
 * intermediate files live in one private directory under `workDir`, removed on every outcome, so
 * a worker that handles thousands of uploads never fills its disk.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transcript } from '../transcripts/transcript.js';
import type { TranscriptionEngine } from './engines/engine.js';
import { LocalPocketsphinxEngine } from './engines/local.js';
import { diarizeTranscript, type DiarizeStageOptions } from './diarization/stage.js';
import { extractPcmWav } from './extract.js';
import { probeMedia, type MediaInfo } from './probe.js';
import { sniffFile, type Container } from './sniff.js';

export { sniffFile, sniffContainer, type Container } from './sniff.js';
export { probeMedia, interpretProbe, type MediaInfo } from './probe.js';
export { extractPcmWav } from './extract.js';
export type { TranscriptionEngine } from './engines/engine.js';

/** Three hours: longer than any interview, short enough to bound one job's CPU and disk. */
export const DEFAULT_MAX_DURATION_SEC = 3 * 60 * 60;

/** Share of the progress bar given to validation and decoding; recognition is the slow part. */
const PREPARE_SHARE = 0.1;

export interface TranscribeMediaOptions {
  workDir: string;
  maxDurationSec?: number;
  engine?: TranscriptionEngine;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /**
   * Offline diarization (diarization/stage.ts): the user's speaker count, and the diarizer
   * (default: the local one when installed). Omitted or `1`: no diarization, as before.
   */
  diarization?: DiarizeStageOptions;
}

/** Validation only (sniff + ffprobe), for callers that want to reject a file before queueing it. */
export async function validateMedia(
  inputPath: string,
  opts: { maxDurationSec?: number; signal?: AbortSignal } = {},
): Promise<MediaInfo & { sniffed: Container }> {
  const sniffed = await sniffFile(inputPath);
  const info = await probeMedia(inputPath, { maxDurationSec: opts.maxDurationSec ?? DEFAULT_MAX_DURATION_SEC, signal: opts.signal });
  return { ...info, sniffed };
}

export async function transcribeMedia(inputPath: string, opts: TranscribeMediaOptions): Promise<Transcript> {
  const engine = opts.engine ?? new LocalPocketsphinxEngine();
  const report = opts.onProgress ?? ((): void => undefined);
  const info = await validateMedia(inputPath, opts);
  opts.signal?.throwIfAborted();
  report(PREPARE_SHARE / 2);

  const tmp = await mkdtemp(join(opts.workDir, 'media-'));
  try {
    const wavPath = join(tmp, 'audio.wav');
    await extractPcmWav(inputPath, wavPath, { expectedDurationSec: info.durationSec, signal: opts.signal });
    report(PREPARE_SHARE);
    opts.signal?.throwIfAborted();
    const transcript = await engine.transcribe(wavPath, {
      signal: opts.signal,
      onProgress: (f) => report(PREPARE_SHARE + (1 - PREPARE_SHARE) * Math.min(1, Math.max(0, f))),
    });
    // Speakers are a stage of media (ARCHITECTURE §3): analysis gets a transcript that has them.
    const diarized = opts.diarization ? await diarizeTranscript(transcript, wavPath, { ...opts.diarization, signal: opts.signal }) : transcript;
    report(1);
    return diarized;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
