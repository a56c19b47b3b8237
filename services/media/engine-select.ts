/**
 * Which transcription engine handles an upload: the one the upload asked for, else
 * TRANSCRIPTION_ENGINE (local | azure | openai), else `local`. Cloud engines are wrapped in a
 * FallbackEngine to `local`, so a missing key, an outage or a rate limit that outlasts the retries
 * still yields a transcript, with a note saying so. `local` is marked single-speaker.
 */
import { availableParallelism } from 'node:os';
import { PermanentError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { AzureSpeechEngine, azureConfigFromEnv } from './engines/azure.js';
import type { TranscriptionEngine } from './engines/engine.js';
import { FallbackEngine, SingleSpeakerEngine } from './engines/fallback.js';
import { LocalPocketsphinxEngine } from './engines/local.js';
import { OpenAIEngine, openaiConfigFromEnv } from './engines/openai.js';
import { WhisperEngine, whisperUnavailable } from './engines/whisper.js';
import type { RetryOptions } from './engines/retry.js';

/** `local` is the best offline engine installed: Whisper, else pocketsphinx (which stays as its fallback). */
export const ENGINE_NAMES = ['local', 'whisper', 'pocketsphinx', 'azure', 'openai'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const isEngineName = (s: string): s is EngineName => (ENGINE_NAMES as readonly string[]).includes(s);

const unknownEngine = (name: string, where: string): PermanentError =>
  new PermanentError('unknown_engine', `${where} "${name}" is not an engine; use one of ${ENGINE_NAMES.join(', ')}`, 400);

/** Pure: the engine name for an upload. Throws PermanentError `unknown_engine` for a bad name. */
export function engineNameFor(requested: string | undefined, env: NodeJS.ProcessEnv = process.env): EngineName {
  if (requested !== undefined && requested !== '') {
    const name = requested.trim().toLowerCase();
    if (!isEngineName(name)) throw unknownEngine(requested, 'engine');
    return name;
  }
  const fromEnv = env.TRANSCRIPTION_ENGINE?.trim().toLowerCase();
  if (!fromEnv) return 'local';
  if (!isEngineName(fromEnv)) throw unknownEngine(fromEnv, 'TRANSCRIPTION_ENGINE');
  return fromEnv;
}

export interface EngineSelectOptions {
  env?: NodeJS.ProcessEnv;
  /** The offline engine, also the fallback; default pocketsphinx with default options. */
  local?: TranscriptionEngine;
  /** Retry policy of the cloud engines (tests inject an instant sleep). */
  retry?: RetryOptions;
  /** Upload caps, for tests that exercise chunking with small files. */
  maxUploadBytes?: number;
  /** Recordings transcribed at once (MEDIA_CONCURRENCY), default 1; Whisper gets whisperWorkerCount() of it. */
  whisperWorkers?: number;
  log?: Logger;
}

// One Whisper engine per process: its workers hold the model in memory and queue requests themselves.
let sharedWhisper: WhisperEngine | undefined;

/**
 * Whisper workers for `recordings` transcribed at once: at least one per core, up to
 * SPLIT_WORKERS_MAX, so a long recording on an idle pod is split across them (WhisperEngine
 * `splitMinSec`) and uses every core; one worker uses about one core whatever its threads.
 * The cap: each worker holds its own model (~280 MB resident for base), and in a container
 * availableParallelism() can report the node's cores rather than the pod's 2-CPU limit.
 * A pod busy with as many recordings as cores gains nothing from this; an idle one about halves
 * a long recording's transcription time.
 */
export const SPLIT_WORKERS_MAX = 2;
export const whisperWorkerCount = (recordings: number, cores = availableParallelism()): number =>
  Math.max(recordings, Math.min(cores, SPLIT_WORKERS_MAX));

/**
 * The offline engine: Whisper when its setup has run (scripts/setup-whisper.sh), falling back to
 * pocketsphinx if the worker fails; pocketsphinx alone otherwise. Neither separates speakers.
 */
export function offlineEngine(log?: Logger, whisperWorkers = 1): TranscriptionEngine {
  const pocketsphinx = new SingleSpeakerEngine(new LocalPocketsphinxEngine());
  if (whisperUnavailable() !== null) return pocketsphinx;
  return new FallbackEngine({
    name: 'whisper',
    primary: () => new SingleSpeakerEngine((sharedWhisper ??= new WhisperEngine({ workers: whisperWorkerCount(whisperWorkers) }))),
    fallback: pocketsphinx,
    ...(log && { log }),
  });
}

/** The engine for one upload; see the module comment. Building it does no I/O. */
export function selectEngine(requested: string | undefined, opts: EngineSelectOptions = {}): TranscriptionEngine {
  const env = opts.env ?? process.env;
  const name = engineNameFor(requested, env);
  const local = opts.local ? new SingleSpeakerEngine(opts.local) : offlineEngine(opts.log, opts.whisperWorkers);
  if (name === 'local') return local;
  if (name === 'pocketsphinx') return new SingleSpeakerEngine(new LocalPocketsphinxEngine());
  if (name === 'whisper') return local;
  const tuning = {
    ...(opts.retry && { retry: opts.retry }),
    ...(opts.maxUploadBytes !== undefined && { maxUploadBytes: opts.maxUploadBytes }),
  };
  const primary =
    name === 'azure'
      ? (): TranscriptionEngine => new AzureSpeechEngine({ ...azureConfigFromEnv(env), ...tuning })
      : (): TranscriptionEngine => new OpenAIEngine({ ...openaiConfigFromEnv(env), ...tuning });
  return new FallbackEngine({ name, primary, fallback: local, ...(opts.log && { log: opts.log }) });
}
