/**
 * The `openai` engine: OpenAI audio transcriptions through the official SDK.
 *   POST {OPENAI_BASE_URL or https://api.openai.com/v1}/audio/transcriptions
 *   Authorization: Bearer {OPENAI_API_KEY}; multipart/form-data with
 *     file (audio.wav), model, response_format, and either
 *     timestamp_granularities[]=word, timestamp_granularities[]=segment   (whisper-1: verbose_json)
 *     chunking_strategy=auto                                                (…-diarize: diarized_json)
 * The model comes from OPENAI_TRANSCRIBE_MODEL (default whisper-1). gpt-4o-transcribe and
 * gpt-4o-mini-transcribe answer only `json`/`text`, without any timestamps, so they are refused as
 * misconfiguration: every analyzer needs word times. Other names (a self-hosted Whisper server
 * behind OPENAI_BASE_URL) are asked for verbose_json.
 *
 * Uploads are capped at 25 MB by the service; bigger files are split at pauses (cloud-chunks.ts).
 * The SDK's own retries are off: withRetry retries one chunk at a time with the same policy as azure.
 */
import { createReadStream } from 'node:fs';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { TranscriptionCreateParamsNonStreaming } from 'openai/resources/audio/transcriptions';
import type { Transcript } from '../../transcripts/transcript.js';
import { transcriptText } from '../../transcripts/transcript.js';
import { engineMisconfigured, engineTimedOut, engineUnreachable, httpStatusError, parseRetryAfter } from './cloud-errors.js';
import { perChunkSpeakersNote, transcribeInUploadableChunks, type ChunkTranscription, type UploadChunk } from './cloud-chunks.js';
import type { TranscribeOptions, TranscriptionEngine } from './engine.js';
import { parseDiarizedJson, parseVerboseJson } from './openai-response.js';
import { withRetry, type RetryOptions } from './retry.js';

export const OPENAI_DEFAULT_MODEL = 'whisper-1';
/** The service refuses files over 25 MB; 24 MiB leaves room for rounding on their side. */
export const OPENAI_MAX_UPLOAD_BYTES = 24 * 1024 * 1024;

export type OpenAIResponseMode = 'verbose_json' | 'diarized_json';

export interface OpenAIEngineConfig {
  apiKey: string;
  baseURL?: string;
  model?: string;
  maxUploadBytes?: number;
  concurrency?: number;
  timeoutMs?: number;
  retry?: RetryOptions;
}

/** OPENAI_API_KEY (required), OPENAI_BASE_URL, OPENAI_TRANSCRIBE_MODEL (optional). */
export function openaiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OpenAIEngineConfig {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) throw engineMisconfigured('openai engine: OPENAI_API_KEY not set');
  const baseURL = env.OPENAI_BASE_URL?.trim();
  const model = env.OPENAI_TRANSCRIBE_MODEL?.trim();
  const config: OpenAIEngineConfig = { apiKey, ...(baseURL && { baseURL }), ...(model && { model }) };
  openaiModeFor(config.model ?? OPENAI_DEFAULT_MODEL); // refuse a timestamp-less model at start-up
  return config;
}

/** Pure: which response format gives timed words for `model`. */
export function openaiModeFor(model: string): OpenAIResponseMode {
  if (/diariz/i.test(model)) return 'diarized_json';
  if (/^gpt-4o(-mini)?-transcribe(-\d{4}-\d{2}-\d{2})?$/.test(model)) {
    throw engineMisconfigured(`openai engine: model ${model} returns no timestamps; use whisper-1 or gpt-4o-transcribe-diarize`);
  }
  return 'verbose_json';
}

export class OpenAIEngine implements TranscriptionEngine {
  readonly name = 'openai';
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly mode: OpenAIResponseMode;

  constructor(private readonly config: OpenAIEngineConfig) {
    this.model = config.model ?? OPENAI_DEFAULT_MODEL;
    this.mode = openaiModeFor(this.model);
    this.client = new OpenAI({
      apiKey: config.apiKey,
      ...(config.baseURL && { baseURL: config.baseURL }),
      maxRetries: 0,
      timeout: config.timeoutMs ?? 10 * 60_000,
    });
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    const run = await transcribeInUploadableChunks(
      wavPath,
      {
        maxUploadBytes: this.config.maxUploadBytes ?? OPENAI_MAX_UPLOAD_BYTES,
        concurrency: this.config.concurrency ?? 2,
        ...(opts.signal && { signal: opts.signal }),
        ...(opts.onProgress && { onProgress: opts.onProgress }),
      },
      (chunk, signal) => withRetry(() => this.request(chunk, signal), this.config.retry, signal),
    );
    const diarized = this.mode === 'diarized_json';
    const notes = diarized && run.chunkCount > 1 ? [perChunkSpeakersNote('openai', run.chunkCount)] : [];
    return {
      engine: this.name,
      durationSec: run.durationSec,
      ...(run.language && { language: run.language }),
      words: run.words,
      text: transcriptText(run.words),
      diarized,
      ...(notes.length > 0 && { notes }),
    };
  }

  private async request(chunk: UploadChunk, signal: AbortSignal): Promise<ChunkTranscription> {
    const file = createReadStream(chunk.path);
    const params: TranscriptionCreateParamsNonStreaming =
      this.mode === 'verbose_json'
        ? { file, model: this.model, response_format: 'verbose_json', timestamp_granularities: ['word', 'segment'] }
        : { file, model: this.model, response_format: 'diarized_json', chunking_strategy: 'auto' };
    let body: unknown;
    try {
      body = await this.client.audio.transcriptions.create(params, { signal });
    } catch (e) {
      throw this.translate(e, signal);
    } finally {
      file.destroy();
    }
    return this.mode === 'verbose_json' ? parseVerboseJson(body) : parseDiarizedJson(body);
  }

  /** SDK errors → the shared engine error codes (cloud-errors.ts). */
  private translate(e: unknown, signal: AbortSignal): unknown {
    if (signal.aborted) return signal.reason;
    if (e instanceof APIConnectionTimeoutError) return engineTimedOut('openai', this.config.timeoutMs ?? 10 * 60_000);
    if (e instanceof APIConnectionError) return engineUnreachable('openai', e);
    if (e instanceof APIError && typeof e.status === 'number') {
      const ms = e.headers?.get('retry-after-ms');
      const retryAfterMs = ms && /^\d+$/.test(ms) ? Number(ms) : parseRetryAfter(e.headers?.get('retry-after'));
      const detail = (e.error as { message?: string } | undefined)?.message ?? e.message;
      return httpStatusError('openai', e.status, detail, retryAfterMs);
    }
    return e;
  }
}
