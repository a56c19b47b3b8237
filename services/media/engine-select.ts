/**
 * Which transcription engine handles an upload: the one the upload asked for, else
 * TRANSCRIPTION_ENGINE (local | azure | openai), else `local`. Cloud engines are wrapped in a
 * FallbackEngine to `local`, so a missing key, an outage or a rate limit that outlasts the retries
 * still yields a transcript, with a note saying so. `local` is marked single-speaker.
 */
import { PermanentError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { AzureSpeechEngine, azureConfigFromEnv } from './engines/azure.js';
import type { TranscriptionEngine } from './engines/engine.js';
import { FallbackEngine, SingleSpeakerEngine } from './engines/fallback.js';
import { LocalPocketsphinxEngine } from './engines/local.js';
import { OpenAIEngine, openaiConfigFromEnv } from './engines/openai.js';
import type { RetryOptions } from './engines/retry.js';

export const ENGINE_NAMES = ['local', 'azure', 'openai'] as const;
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
  log?: Logger;
}

/** The engine for one upload; see the module comment. Building it does no I/O. */
export function selectEngine(requested: string | undefined, opts: EngineSelectOptions = {}): TranscriptionEngine {
  const env = opts.env ?? process.env;
  const name = engineNameFor(requested, env);
  const local = new SingleSpeakerEngine(opts.local ?? new LocalPocketsphinxEngine());
  if (name === 'local') return local;
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
