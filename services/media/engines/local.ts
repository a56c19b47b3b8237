/**
 * The offline engine: CMU pocketsphinx as packaged by Debian 12 (0.8+5prealpha). That package
 * ships `pocketsphinx_continuous` (not the v5 `pocketsphinx single` JSON CLI), so we run
 * `pocketsphinx_continuous -infile chunk.wav -time yes` and read its token lines.
 *
 * One decoder is single-threaded, so the recording is planned into silence-bounded chunks
 * (chunking.ts) that run as separate processes, `concurrency` at a time, and are stitched back on
 * the global timeline (stitch.ts). Quality: fine on clear read speech, weak on conversational
 * speech and fillers; reports should say so.
 */
import { availableParallelism } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transcriptText, type Transcript } from '../../transcripts/transcript.js';
import { planChunks, type Chunk } from '../chunking.js';
import { toolError } from '../errors.js';
import { lastLine, runTool } from '../run-tool.js';
import { wavEnergyEnvelope, writeWavSlice, type WavInfo } from '../wav.js';
import type { TranscribeOptions, TranscriptionEngine } from './engine.js';
import { parsePocketsphinxTimes } from './pocketsphinx-output.js';
import { stitchChunks, type ChunkResult } from './stitch.js';
import { mapLimit } from './map-limit.js';

export interface LocalEngineOptions {
  /** Decoder processes at once; defaults to the CPUs this process may use. */
  concurrency?: number;
  /** Extra decoder flags, e.g. FAST_DECODER_ARGS. */
  decoderArgs?: readonly string[];
  minChunkSec?: number;
  maxChunkSec?: number;
  command?: string;
}

/** 10 ms frames: fine enough to put a cut inside a 0.25 s pause. */
const FRAME_SEC = 0.01;

/**
 * Flags that trade a little accuracy for speed (measured in bench/pipeline.ts): narrower beams
 * prune more hypotheses per frame. Not the default: the default decoder already runs well under
 * the 0.25 × real-time target on two cores.
 */
export const FAST_DECODER_ARGS: readonly string[] = ['-beam', '1e-40', '-wbeam', '1e-24', '-pbeam', '1e-40', '-maxhmmpf', '10000', '-fwdflat', 'no'];

export class LocalPocketsphinxEngine implements TranscriptionEngine {
  readonly name = 'local';
  private readonly concurrency: number;

  constructor(private readonly opts: LocalEngineOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(opts.concurrency ?? availableParallelism()));
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    opts.signal?.throwIfAborted();
    const { info, db } = await wavEnergyEnvelope(wavPath, FRAME_SEC);
    opts.signal?.throwIfAborted(); // an abort during the scan would not reach the listener below
    if (info.sampleRate !== 16000) throw new RangeError(`pocketsphinx needs 16 kHz audio, got ${info.sampleRate} Hz`);
    const plan = planChunks(db, { frameSec: FRAME_SEC, minChunkSec: this.opts.minChunkSec, maxChunkSec: this.opts.maxChunkSec });

    // One failed chunk stops the others: a partial transcript would silently skew every metric.
    const stop = new AbortController();
    const onOuterAbort = (): void => stop.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    // In the temp dir, never beside the input: callers may pass read-only or shared files.
    const chunkDir = await mkdtemp(join(tmpdir(), 'ib-chunks-'));
    const totalSec = plan.chunks.reduce((s, c) => s + (c.endSec - c.startSec), 0);
    let doneSec = 0;
    try {
      const results = await mapLimit(plan.chunks, this.concurrency, async (chunk, i): Promise<ChunkResult> => {
        try {
          stop.signal.throwIfAborted();
          const words = await this.recognise(wavPath, info, chunk, join(chunkDir, `chunk-${i}.wav`), stop.signal);
          doneSec += chunk.endSec - chunk.startSec;
          opts.onProgress?.(Math.min(1, doneSec / totalSec));
          return { offsetSec: chunk.startSec, endSec: chunk.endSec, words };
        } catch (e) {
          stop.abort(e);
          throw e;
        }
      });
      const words = stitchChunks(results, info.durationSec);
      return { engine: this.name, durationSec: info.durationSec, language: 'en-US', words, text: transcriptText(words) };
    } finally {
      opts.signal?.removeEventListener('abort', onOuterAbort);
      await rm(chunkDir, { recursive: true, force: true });
    }
  }

  private async recognise(wavPath: string, info: WavInfo, chunk: Chunk, chunkPath: string, signal: AbortSignal) {
    await writeWavSlice(wavPath, info, chunk.startSec, chunk.endSec, chunkPath);
    signal.throwIfAborted();
    const command = this.opts.command ?? 'pocketsphinx_continuous';
    const args = ['-infile', chunkPath, '-time', 'yes', ...(this.opts.decoderArgs ?? [])];
    const res = await runTool(command, args, { signal, maxStderrBytes: 8 * 1024 });
    if (res.code !== 0) {
      const why = res.code === null ? `killed by ${res.signal ?? 'a signal'}` : `exit ${res.code}: ${lastLine(res.stderr)}`;
      throw toolError(res.code === null ? 'tool_crashed' : 'tool_failed', `${command} failed on a chunk (${why})`);
    }
    return parsePocketsphinxTimes(res.stdout);
  }
}
