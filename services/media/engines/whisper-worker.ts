/**
 * One long-lived faster-whisper process (python/whisper_worker.py), spoken to in JSON lines over
 * stdio, so the model is loaded once per process instead of once per recording.
 *
 * Requests run one at a time, in call order (the worker is single-threaded; its decoder already
 * uses every core it is given). An aborted request ends the process and settles only after it has
 * exited, so no decoder outlives the call; the next request starts a fresh one (model load ~1 s).
 * While idle the process does not keep Node's event loop alive, and it is killed when Node exits.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { toolError } from '../errors.js';
import { lastLine } from '../run-tool.js';

export interface WhisperWorkerConfig {
  python: string;
  script: string;
  modelDir: string;
  /** CTranslate2 intra-op threads; 0 lets it use every core. */
  threads: number;
  computeType?: string;
  startupTimeoutMs?: number;
}

/** What python/whisper_worker.py accepts. */
export interface WhisperRequest {
  path: string;
  language?: string;
  initial_prompt?: string;
  beam_size?: number;
  condition_on_previous_text?: boolean;
  vad_filter?: boolean;
  /** Text prefixed to every 30 s window (faster-whisper `hotwords`), not only the first like initial_prompt. */
  hotwords?: string;
  /** Decode only these stretches, [start, end, start, end, …] in seconds; word times stay the file's. */
  clip_timestamps?: number[];
  /** 'hesitations': no decoding; scan `regions` ([start, end, cut]) for filled pauses (python/hesitations.py). */
  op?: 'hesitations';
  regions?: [number, number, number][];
}

/** [start s, end s, sound, detector score 0..1] */
export type HesitationTuple = [number, number, 'um' | 'uh', number];

/** [text with its leading space and punctuation, start s, end s, probability] */
export type WhisperWordTuple = [string, number, number, number];

export interface WhisperResult {
  duration: number;
  language: string;
  words: WhisperWordTuple[];
  /** Only for op 'hesitations'. */
  hesitations?: HesitationTuple[];
}

interface Job {
  id: number;
  resolve: (r: WhisperResult) => void;
  reject: (e: unknown) => void;
  onProgress?: (fraction: number) => void;
}

type Msg =
  | { type: 'ready'; load_sec: number }
  | { type: 'fatal'; message: string }
  | { id: number; type: 'progress'; fraction: number }
  | ({ id: number; type: 'result' } & WhisperResult)
  | { id: number; type: 'error'; message: string };

interface Refable {
  ref?: () => void;
  unref?: () => void;
}

export class WhisperWorker {
  private child: ChildProcessWithoutNullStreams | null = null;
  private ready: Promise<void> | null = null;
  private exited: Promise<void> = Promise.resolve();
  private job: Job | null = null;
  private stderrTail = '';
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** Seconds the last start took to load the model (for benchmarks). */
  lastLoadSec = 0;

  /** The running process's id (benchmarks read its CPU time: it is no finished child of ours). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  constructor(private readonly cfg: WhisperWorkerConfig) {}

  /** Transcribes one file; calls are queued and run one at a time. */
  run(req: WhisperRequest, opts: { signal?: AbortSignal; onProgress?: (f: number) => void } = {}): Promise<WhisperResult> {
    const turn = this.queue;
    const job = (async () => {
      await abortable(turn, opts.signal);
      return this.exec(req, opts);
    })();
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Ends the process (if any) and waits for it to exit. */
  close(): Promise<void> {
    return this.kill();
  }

  /** Loads the model now rather than on the first request. */
  async warmUp(signal?: AbortSignal): Promise<void> {
    await this.start(signal);
  }

  private async exec(req: WhisperRequest, opts: { signal?: AbortSignal; onProgress?: (f: number) => void }): Promise<WhisperResult> {
    opts.signal?.throwIfAborted();
    await this.start(opts.signal);
    const child = this.child!;
    const id = this.nextId++;
    setRef(child, true);
    try {
      return await new Promise<WhisperResult>((resolve, reject) => {
        const onAbort = (): void => {
          // The decoder cannot be interrupted mid-window: end the process, settle once it is gone.
          void this.kill().then(() => reject(opts.signal!.reason));
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const done = <T>(f: (v: T) => void) => (v: T): void => {
          opts.signal?.removeEventListener('abort', onAbort);
          this.job = null;
          if (!opts.signal?.aborted) f(v);
        };
        this.job = { id, resolve: done(resolve), reject: done(reject), onProgress: opts.onProgress };
        child.stdin.write(JSON.stringify({ id, ...req }) + '\n');
      });
    } finally {
      if (this.child === child) setRef(child, false);
    }
  }

  private start(signal?: AbortSignal): Promise<void> {
    if (this.ready) return abortable(this.ready, signal, () => this.kill());
    const { python, script, modelDir, threads, computeType, startupTimeoutMs = 120_000 } = this.cfg;
    const child = spawn(python, ['-u', script], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WHISPER_MODEL_DIR: modelDir,
        WHISPER_THREADS: String(threads),
        WHISPER_COMPUTE_TYPE: computeType ?? 'int8',
        HF_HUB_OFFLINE: '1',
        PYTHONUNBUFFERED: '1',
      },
    });
    this.child = child;
    this.stderrTail = '';
    const killOnExit = (): void => void child.kill('SIGKILL');
    process.once('exit', killOnExit);

    let settleReady: { resolve: () => void; reject: (e: unknown) => void } | undefined;
    this.ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
    this.ready.catch(() => undefined);
    const timer = setTimeout(() => {
      settleReady?.reject(toolError('tool_failed', `whisper worker did not load its model within ${startupTimeoutMs} ms`));
      child.kill('SIGKILL');
    }, startupTimeoutMs);
    timer.unref();

    this.exited = new Promise<void>((resolve) => {
      child.on('error', (e: NodeJS.ErrnoException) => {
        const err = e.code === 'ENOENT'
          ? toolError('tool_missing', `${python} not found: run scripts/setup-whisper.sh`)
          : toolError('tool_failed', `whisper worker could not start: ${e.message}`);
        settleReady?.reject(err);
        this.job?.reject(err);
        // 'close' follows (Node reports a failed spawn as an exit too), so finish() runs there.
      });
      const finish = (): void => {
        clearTimeout(timer);
        process.removeListener('exit', killOnExit);
        if (this.child === child) {
          this.child = null;
          this.ready = null;
        }
        resolve();
      };
      child.on('close', (code, sig) => {
        const why = code === null ? `killed by ${sig ?? 'a signal'}` : `exit ${code}`;
        const err = toolError(code === null ? 'tool_crashed' : 'tool_failed', `whisper worker ended (${why}): ${lastLine(this.stderrTail)}`);
        settleReady?.reject(err);
        this.job?.reject(err);
        finish();
      });
    });

    child.stderr.on('data', (b: Buffer) => {
      this.stderrTail = (this.stderrTail + b.toString('utf8')).slice(-8192);
    });
    child.stdin.on('error', () => undefined); // EPIPE after a crash: reported by 'close' instead
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg: Msg;
      try {
        msg = JSON.parse(line) as Msg;
      } catch {
        return; // stray output from a library: not ours
      }
      if (msg.type === 'ready') {
        this.lastLoadSec = msg.load_sec;
        clearTimeout(timer);
        setRef(child, false);
        settleReady?.resolve();
        return;
      }
      if (msg.type === 'fatal') {
        settleReady?.reject(toolError('tool_failed', `whisper worker could not load ${modelDir}: ${msg.message}`));
        return;
      }
      const job = this.job;
      if (!job || msg.id !== job.id) return;
      if (msg.type === 'progress') job.onProgress?.(msg.fraction);
      else if (msg.type === 'result') {
        job.resolve({ duration: msg.duration, language: msg.language, words: msg.words, ...(msg.hesitations && { hesitations: msg.hesitations }) });
      }
      else job.reject(toolError('tool_failed', `whisper failed: ${msg.message}`));
    });
    return abortable(this.ready, signal, () => this.kill());
  }

  /** Ends the process and resolves once it has exited. */
  private kill(): Promise<void> {
    if (this.child) {
      setRef(this.child, true); // an idle (unref'd) child would let Node exit before 'close' arrives
      this.child.kill('SIGKILL');
    }
    return this.exited;
  }
}

/** Lets an idle worker not hold Node open; a busy one does. */
function setRef(child: ChildProcessWithoutNullStreams, on: boolean): void {
  for (const h of [child, child.stdin, child.stdout, child.stderr] as Refable[]) (on ? h.ref : h.unref)?.call(h);
}

/** `p`, or the signal's reason as soon as it aborts (once `onAbort`'s clean-up has finished). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => Promise<void>): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      void (onAbort?.() ?? Promise.resolve()).then(() => reject(signal.reason));
    };
    signal.addEventListener('abort', abort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', abort), resolve(v)),
      (e) => (signal.removeEventListener('abort', abort), reject(e)),
    );
  });
}
