/**
 * Recognizers for live captions: a window of 16 kHz PCM in, words with times relative to it out.
 *
 * Whisper (default): a small pool of long-lived workers shared by every session of an engine, one
 * CTranslate2 thread each (one worker uses about one core whatever its threads, see whisper.ts),
 * taking windows first come, first served (finals before interims). The worker is engines/python/live_whisper.py behind the existing
 * WhisperWorker host: it encodes the window padded to 10 s instead of Whisper's 30 s, about a fifth
 * of the compute, which is what makes several sessions fit on two cores (numbers: bench/live.ts).
 * pocketsphinx (fallback when Whisper is not installed): one short process per window.
 */
import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILLER_HOTWORDS, whisperPaths, whisperUnavailable } from '../engines/whisper.js';
import { WhisperWorker, type WhisperRequest } from '../engines/whisper-worker.js';
import { parsePocketsphinxTimes } from '../engines/pocketsphinx-output.js';
import { toolError } from '../errors.js';
import { lastLine, runTool } from '../run-tool.js';
import { wavHeader } from '../wav.js';
import { levelDb } from './segmenter.js';

export interface RecognizedWord {
  text: string;
  /** Seconds from the start of the window. */
  start: number;
  end: number;
}

export interface TranscribeWindowOptions {
  interim?: boolean;
  signal?: AbortSignal;
}

export interface LiveRecognizer {
  /**
   * `interim`: a window that a later one replaces, so a shared pool may serve finals first.
   * `signal`: the caller no longer wants it; a window still waiting is dropped (rejects).
   */
  transcribe(pcm: Int16Array, opts?: TranscribeWindowOptions): Promise<RecognizedWord[]>;
  /** Ends worker processes (idempotent); the recognizer may start them again on the next call. */
  close?(): Promise<void>;
  /** false: too slow to show interims, so sessions send it finals only. */
  readonly interims?: boolean;
}

const RATE = 16000;
const LIVE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../engines/python/live_whisper.py');
export const LIVE_WHISPER_MODEL = 'tiny.en';
/**
 * Shown to the decoder before every window, as the offline engine's hotwords are: a window of
 * fluent text is decoded fluently and its "um"s dropped. Measured (`npm run eval -- --only live`,
 * the 13 testdata clips through the live path): no prompt WER 38.5 %, hesitations recall 0.45 at
 * precision 1.00; this text WER 32.0 %, recall 0.69 at precision 0.83.
 */
export const LIVE_PROMPT: string = FILLER_HOTWORDS;

let tmpRoot: string | null = null;
/** One temp directory per process for window WAVs (each file lives for one request). */
function windowDir(): string {
  if (!tmpRoot) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ib-live-'));
    tmpRoot = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return tmpRoot;
}

let seq = 0;
async function withWindowWav<T>(pcm: Int16Array, f: (wav: string) => Promise<T>): Promise<T> {
  const file = path.join(windowDir(), `w${process.pid}-${++seq}.wav`);
  const body = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  await writeFile(file, Buffer.concat([wavHeader(body.length, RATE), body]));
  try {
    return await f(file);
  } finally {
    await unlink(file).catch(() => undefined);
  }
}

/**
 * Pure: the recognised words spread evenly over the window's audible part (frames within 35 dB of
 * its loudest), as Whisper without timestamps gives none. Pace nudges need only this precision.
 */
export function spreadWords(texts: readonly string[], pcm: Int16Array): RecognizedWord[] {
  const frame = RATE / 50;
  const levels: number[] = [];
  for (let at = 0; at + frame <= pcm.length; at += frame) levels.push(levelDb(pcm.subarray(at, at + frame)));
  const peak = Math.max(-120, ...levels);
  const first = levels.findIndex((l) => l > peak - 35);
  const last = levels.length - 1 - [...levels].reverse().findIndex((l) => l > peak - 35);
  const start = first < 0 ? 0 : first / 50;
  const end = first < 0 ? pcm.length / RATE : (last + 1) / 50;
  const step = (end - start) / Math.max(1, texts.length);
  return texts.map((text, i) => ({ text, start: start + i * step, end: start + (i + 1) * step }));
}

const norm = (w: string): string => w.toLowerCase().replace(/[^a-z0-9']/g, '');

/**
 * Pure: the words up to where Whisper's loop on a short window begins. A loop repeats a stretch
 * back to back (3+ words twice in a row, 2 words three times), or, cut off by the token cap, ends the text with a
 * repeat (4+ words) of an earlier stretch. Speech seldom does either; a stutter ("I, I") is shorter.
 */
export function cutRepeatLoop(words: readonly string[]): string[] {
  const n = words.map(norm);
  for (let i = 0; i < n.length; i++) {
    // Two words must come three times ("Montreal, forced, Montreal, forced, Montreal, forced").
    for (let len = 2; i + 2 * len <= n.length; len++) {
      const times = len === 2 ? 3 : 2;
      if (i + times * len > n.length) continue;
      let same = true;
      for (let k = 0; k < (times - 1) * len && same; k++) same = n[i + k] === n[i + len + k];
      if (same) return words.slice(0, i + len);
    }
  }
  // The tail from j repeats the stretch from i (i < j), up to the end of the text.
  for (let j = 1; j + 4 <= n.length; j++) {
    const m = n.length - j;
    for (let i = 0; i + m <= j; i++) {
      let same = true;
      for (let k = 0; k < m && same; k++) same = n[i + k] === n[j + k];
      if (same) return words.slice(0, j);
    }
  }
  return [...words];
}

export interface WhisperLiveOptions {
  /** 'tiny.en' (default) or 'base', or a model directory. */
  model?: string;
  /** Worker processes; default one per core. */
  workers?: number;
  /** Silence appended to a window before encoding, seconds (default 1)... */
  padSec?: number;
  /** ...and the least the encoder sees in all (default 10; less is faster but loops on short windows). */
  minSec?: number;
  /** Text shown to the decoder as previous context; default LIVE_PROMPT, null for none. */
  prompt?: string | null;
  /** Interpreter and worker script speaking live_whisper.py's protocol; default the venv's and it. */
  python?: string;
  script?: string;
}

interface Job {
  pcm: Int16Array;
  interim: boolean;
  resolve: (w: RecognizedWord[]) => void;
  reject: (e: unknown) => void;
}

export class WhisperLiveRecognizer implements LiveRecognizer {
  private readonly idle: WhisperWorker[];
  private readonly all: WhisperWorker[];
  private readonly queue: Job[] = [];
  /** Seconds each finished window took in the worker, for benchmarks. */
  readonly computeSec: number[] = [];

  constructor(private readonly opts: WhisperLiveOptions = {}) {
    const p = whisperPaths({ model: opts.model ?? LIVE_WHISPER_MODEL });
    const count = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    const script = opts.script ?? LIVE_SCRIPT;
    this.all = Array.from({ length: count }, () => new WhisperWorker({ python: opts.python ?? p.python, modelDir: p.modelDir, script, threads: 1 }));
    this.idle = [...this.all];
  }

  /** Windows waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  get busy(): number {
    return this.all.length - this.idle.length;
  }

  get size(): number {
    return this.all.length;
  }

  transcribe(pcm: Int16Array, opts: TranscribeWindowOptions = {}): Promise<RecognizedWord[]> {
    return new Promise((resolve, reject) => {
      opts.signal?.throwIfAborted();
      const job: Job = { pcm, interim: opts.interim ?? false, resolve, reject };
      // Finals go before every queued interim: a late final is what makes captions lag.
      const at = job.interim ? this.queue.length : this.queue.findIndex((j) => j.interim);
      this.queue.splice(at < 0 ? this.queue.length : at, 0, job);
      // A window already being decoded runs to its end (stopping means killing the worker).
      opts.signal?.addEventListener('abort', () => {
        const i = this.queue.indexOf(job);
        if (i < 0) return;
        this.queue.splice(i, 1);
        reject(opts.signal!.reason);
      }, { once: true });
      this.pump();
    });
  }

  async warmUp(): Promise<void> {
    await Promise.all(this.all.map((w) => w.warmUp()));
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.close()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      void this.run(worker, job).finally(() => {
        this.idle.push(worker);
        this.pump();
      });
    }
  }

  private async run(worker: WhisperWorker, job: Job): Promise<void> {
    try {
      const t0 = performance.now();
      const prompt = this.opts.prompt === undefined ? LIVE_PROMPT : this.opts.prompt;
      const req: WhisperRequest & { pad_sec: number; min_sec: number; prompt?: string } = {
        path: '',
        pad_sec: this.opts.padSec ?? 1,
        min_sec: this.opts.minSec ?? 10,
        ...(prompt ? { prompt } : {}),
      };
      const res = await withWindowWav(job.pcm, (wav) => worker.run({ ...req, path: wav }));
      this.computeSec.push((performance.now() - t0) / 1000);
      if (this.computeSec.length > 10_000) this.computeSec.splice(0, 5_000);
      job.resolve(spreadWords(cutRepeatLoop(res.words.map(([w]) => w.trim()).filter(Boolean)), job.pcm));
    } catch (e) {
      job.reject(e);
    }
  }
}

/**
 * One pocketsphinx_continuous per window: no model stays loaded (a second or more per window on a
 * busy node), but no Python is needed either. Finals only.
 */
export class PocketsphinxLiveRecognizer implements LiveRecognizer {
  readonly interims = false;

  async transcribe(pcm: Int16Array): Promise<RecognizedWord[]> {
    return withWindowWav(pcm, async (wav) => {
      const res = await runTool('pocketsphinx_continuous', ['-infile', wav, '-time', 'yes', '-logfn', '/dev/null']);
      if (res.code !== 0) throw toolError('tool_failed', `pocketsphinx failed: ${lastLine(res.stderr) || `exit ${res.code}`}`);
      return parsePocketsphinxTimes(res.stdout).map(({ text, start, end }) => ({ text, start, end }));
    });
  }
}

const POCKETSPHINX = ['/usr/bin/pocketsphinx_continuous', '/usr/local/bin/pocketsphinx_continuous'];
const pocketsphinxInstalled = (): boolean =>
  POCKETSPHINX.some((p) => existsSync(p)) ||
  (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, 'pocketsphinx_continuous')));

/** Why no recognizer can run here, or null. */
export function recognizerUnavailable(): string | null {
  const whisper = whisperUnavailable({ model: LIVE_WHISPER_MODEL });
  if (whisper === null || pocketsphinxInstalled()) return null;
  return `no live recognizer: ${whisper}, and pocketsphinx_continuous is not installed`;
}

/** Whisper tiny.en when installed, else pocketsphinx. */
export function defaultRecognizer(opts: WhisperLiveOptions = {}): LiveRecognizer {
  return whisperUnavailable({ model: opts.model ?? LIVE_WHISPER_MODEL }) === null ? new WhisperLiveRecognizer(opts) : new PocketsphinxLiveRecognizer();
}
