/**
 * The live caption engine of a media node (issue 17, .scratch/live-design.md): WebM/Opus bytes of a
 * practice session in, captions and nudges out, for a fixed number of sessions at once.
 *
 * Each session has its own ffmpeg decoder, segmenter and nudger (session.ts); all sessions share one
 * recognizer (a pool of Whisper tiny.en workers, recognizer.ts), created on the first open and ended
 * by close(). Captions are interim while a segment is open and final at a pause; see segmenter.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LiveQuestion } from '../../api/live.contract.js';
import type { Logger } from '../../shared/logger.js';
import type { LiveOut } from './outbox.js';
import { defaultRecognizer, recognizerUnavailable, type LiveRecognizer } from './recognizer.js';
import { LiveSession } from './session.js';

export type { LiveOut } from './outbox.js';
export type { LiveRecognizer, RecognizedWord } from './recognizer.js';

export interface LiveTranscription {
  /** WebM/Opus bytes of the recording, in order (the same bytes that are stored). */
  push(bytes: Uint8Array): void;
  /** The user moved to question `index` (answer-length nudges restart). */
  setQuestion(index: number): void;
  /** Recording time (seconds) of the audio decoded so far: where a question change falls in the recording. */
  readonly positionSec: number;
  /** Captions and nudges produced since the last drain (bounded buffer; oldest interim captions dropped first). */
  drain(): LiveOut;
  /** Stops decoding and frees the slot (idempotent). */
  close(): Promise<void>;
}

export interface LiveEngine {
  /** Reserves one of the node's slots; 'busy' when all are taken. Opening an open id returns it. */
  open(sessionId: string, opts: { questions: LiveQuestion[]; startSec?: number }): LiveTranscription | 'busy';
  get(sessionId: string): LiveTranscription | undefined;
  readonly active: number;
  readonly capacity: number;
  /** Closes every session and ends the recognizer's workers. */
  close(): Promise<void>;
}

export interface LiveEngineOptions {
  capacity: number;
  log: Logger;
  /** Default: Whisper tiny.en workers (one per core), else pocketsphinx. */
  recognizer?: LiveRecognizer;
}

export function createLiveEngine(opts: LiveEngineOptions): LiveEngine {
  const sessions = new Map<string, LiveSession>();
  const capacity = Math.max(0, Math.floor(opts.capacity));
  let recognizer: LiveRecognizer | null = opts.recognizer ?? null;
  const owned = !opts.recognizer;

  return {
    open(sessionId, o) {
      const open = sessions.get(sessionId);
      if (open) return open;
      if (sessions.size >= capacity) return 'busy';
      recognizer ??= defaultRecognizer();
      const session = new LiveSession(sessionId, {
        questions: o.questions,
        startSec: o.startSec ?? 0,
        recognizer,
        log: opts.log,
        onClose: () => {
          if (sessions.get(sessionId) === session) sessions.delete(sessionId);
        },
      });
      sessions.set(sessionId, session);
      return session;
    },
    get: (sessionId) => sessions.get(sessionId),
    get active() {
      return sessions.size;
    },
    capacity,
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.close()));
      if (owned) await recognizer?.close?.();
      if (owned) recognizer = null;
    },
  };
}

const onPath = (cmd: string): boolean =>
  (process.env.PATH ?? '').split(path.delimiter).some((d) => d !== '' && existsSync(path.join(d, cmd)));

/** null when a live engine can run here; else why not (no ffmpeg, or no whisper venv/model and no pocketsphinx). */
export function liveUnavailable(): string | null {
  if (!onPath('ffmpeg')) return 'ffmpeg is not installed or not on PATH';
  return recognizerUnavailable();
}
export { LiveSession } from './session.js';
