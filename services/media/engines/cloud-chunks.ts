/**
 * Cloud services cap the size of one upload (OpenAI 25 MB, Azure fast transcription 200 MB). A WAV
 * under the cap goes up whole; a bigger one is cut at pauses (chunking.ts) into slices that each fit,
 * sent `concurrency` at a time, and stitched back on the global timeline (stitch.ts).
 *
 * Speaker labels come from separate requests when there are several chunks, so "Speaker 1" of one
 * chunk need not be the same person as "Speaker 1" of the next; the result says how many chunks
 * there were so the engine can note it.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Word } from '../../transcripts/transcript.js';
import { planChunks } from '../chunking.js';
import { readWavInfo, wavEnergyEnvelope, writeWavSlice, type WavInfo } from '../wav.js';
import { mapLimit } from './map-limit.js';
import { stitchChunks, type ChunkResult } from './stitch.js';

/** One upload: a WAV file and where it sits in the recording. */
export interface UploadChunk {
  index: number;
  path: string;
  offsetSec: number;
  endSec: number;
}

/** What a cloud engine returns for one upload; word times relative to the chunk's start. */
export interface ChunkTranscription {
  words: Word[];
  language?: string;
}

export interface ChunkedTranscription {
  words: Word[];
  durationSec: number;
  chunkCount: number;
  language?: string;
}

export interface ChunkedRunOptions {
  maxUploadBytes: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const WAV_HEADER_BYTES = 44;
const FRAME_SEC = 0.01;
/** Chunks at least this share of the cap: fewer requests, and each has context for diarization. */
const MIN_SHARE_OF_CAP = 0.6;

export type UploadPlan = { whole: true } | { whole: false; minChunkSec: number; maxChunkSec: number };

/** Pure: send the file whole, or the chunk lengths (seconds) whose slices fit under the cap. */
export function uploadPlan(fileBytes: number, info: Pick<WavInfo, 'sampleRate' | 'channels' | 'bitsPerSample'>, maxUploadBytes: number): UploadPlan {
  if (fileBytes <= maxUploadBytes) return { whole: true };
  const bytesPerSec = info.sampleRate * info.channels * (info.bitsPerSample / 8);
  const maxChunkSec = Math.floor(((maxUploadBytes - WAV_HEADER_BYTES) / bytesPerSec) * 100) / 100;
  if (!(maxChunkSec >= 1)) throw new RangeError(`an upload cap of ${maxUploadBytes} bytes holds less than 1 s of audio`);
  return { whole: false, maxChunkSec, minChunkSec: Math.max(0.5, maxChunkSec * MIN_SHARE_OF_CAP) };
}

export async function transcribeInUploadableChunks(
  wavPath: string,
  opts: ChunkedRunOptions,
  transcribeChunk: (chunk: UploadChunk, signal: AbortSignal) => Promise<ChunkTranscription>,
): Promise<ChunkedTranscription> {
  opts.signal?.throwIfAborted();
  const info = await readWavInfo(wavPath);
  const { size } = await stat(wavPath);
  const plan = uploadPlan(size, info, opts.maxUploadBytes);
  const signal = opts.signal ?? new AbortController().signal;
  if (plan.whole) {
    const only = await transcribeChunk({ index: 0, path: wavPath, offsetSec: 0, endSec: info.durationSec }, signal);
    opts.onProgress?.(1);
    const words = stitchChunks([{ offsetSec: 0, endSec: info.durationSec, words: only.words }], info.durationSec);
    return { words, durationSec: info.durationSec, chunkCount: 1, ...(only.language && { language: only.language }) };
  }

  const { db } = await wavEnergyEnvelope(wavPath, FRAME_SEC);
  const { chunks } = planChunks(db, { frameSec: FRAME_SEC, minChunkSec: plan.minChunkSec, maxChunkSec: plan.maxChunkSec });
  // One failed chunk stops the others: a transcript with a hole would skew every metric.
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort(signal.reason);
  signal.addEventListener('abort', onOuterAbort, { once: true });
  const dir = await mkdtemp(join(dirname(wavPath), 'upload-'));
  let done = 0;
  let language: string | undefined;
  try {
    const results = await mapLimit(chunks, opts.concurrency ?? 2, async (c, index): Promise<ChunkResult> => {
      try {
        stop.signal.throwIfAborted();
        const path = join(dir, `chunk-${index}.wav`);
        await writeWavSlice(wavPath, info, c.startSec, c.endSec, path);
        const got = await transcribeChunk({ index, path, offsetSec: c.startSec, endSec: c.endSec }, stop.signal);
        await rm(path, { force: true }); // keep disk use to `concurrency` slices at a time
        if (index === 0 || language === undefined) language = got.language ?? language;
        opts.onProgress?.(++done / chunks.length);
        return { offsetSec: c.startSec, endSec: c.endSec, words: got.words };
      } catch (e) {
        stop.abort(e);
        throw e;
      }
    });
    const words = stitchChunks(results, info.durationSec);
    return { words, durationSec: info.durationSec, chunkCount: chunks.length, ...(language && { language }) };
  } finally {
    signal.removeEventListener('abort', onOuterAbort);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The note a diarizing engine adds when labels come from several independent requests. */
export const perChunkSpeakersNote = (engine: string, chunkCount: number): string =>
  `The recording was sent to ${engine} in ${chunkCount} parts; speaker labels were assigned per part and ` +
  'may not refer to the same person across parts.';
