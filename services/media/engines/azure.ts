/**
 * The `azure` engine: Azure AI Speech fast transcription (synchronous REST, GA api-version
 * 2024-11-15), with diarization. Wire format, one request per upload:
 *
 *   POST {AZURE_SPEECH_ENDPOINT}/speechtotext/transcriptions:transcribe?api-version=2024-11-15
 *   Ocp-Apim-Subscription-Key: {AZURE_SPEECH_KEY}
 *   Content-Type: multipart/form-data; boundary=…
 *     part "audio"      (filename audio.wav, audio/wav): 16 kHz mono PCM WAV
 *     part "definition" (JSON): {"locales":["en-US"],"diarization":{"enabled":true,"maxSpeakers":4}}
 *
 * 200 → JSON parsed by azure-response.ts. Errors carry {"error":{"code","message"}} or
 * {"code","message"}; statuses map to typed errors in cloud-errors.ts (401/403 permanent
 * misconfiguration; 429/5xx transient, honouring Retry-After). Files over the upload cap (the
 * service takes < 200 MB and < 2 h) are split at pauses by cloud-chunks.ts.
 */
import { openAsBlob } from 'node:fs';
import { isAppError } from '../../shared/errors.js';
import type { Transcript } from '../../transcripts/transcript.js';
import { transcriptText } from '../../transcripts/transcript.js';
import { parseAzureFastTranscription } from './azure-response.js';
import { engineMisconfigured, engineTimedOut, engineUnreachable, httpStatusError, parseRetryAfter } from './cloud-errors.js';
import { perChunkSpeakersNote, transcribeInUploadableChunks, type ChunkTranscription, type UploadChunk } from './cloud-chunks.js';
import type { TranscribeOptions, TranscriptionEngine } from './engine.js';
import { withRetry, type RetryOptions } from './retry.js';

export const AZURE_API_VERSION = '2024-11-15';
/** Under the service's 200 MB limit with room for the multipart envelope: ~98 min of 16 kHz PCM. */
export const AZURE_MAX_UPLOAD_BYTES = 190 * 1024 * 1024;

export interface AzureSpeechConfig {
  /** e.g. https://westeurope.api.cognitive.microsoft.com (no trailing path). */
  endpoint: string;
  key: string;
  locales?: string[];
  /** Upper bound for diarization (the service accepts 2..35); an interview rarely has more than 4. */
  maxSpeakers?: number;
  maxUploadBytes?: number;
  concurrency?: number;
  /** Per request; fast transcription of a long file can take minutes. */
  timeoutMs?: number;
  retry?: RetryOptions;
  fetch?: typeof fetch;
}

/** AZURE_SPEECH_ENDPOINT and AZURE_SPEECH_KEY (required); AZURE_SPEECH_LOCALE, AZURE_SPEECH_MAX_SPEAKERS (optional). */
export function azureConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AzureSpeechConfig {
  const endpoint = env.AZURE_SPEECH_ENDPOINT?.trim();
  const key = env.AZURE_SPEECH_KEY?.trim();
  const missing = [!endpoint && 'AZURE_SPEECH_ENDPOINT', !key && 'AZURE_SPEECH_KEY'].filter(Boolean);
  if (missing.length > 0 || !endpoint || !key) throw engineMisconfigured(`azure engine: ${missing.join(' and ')} not set`);
  const maxSpeakers = env.AZURE_SPEECH_MAX_SPEAKERS ? Number(env.AZURE_SPEECH_MAX_SPEAKERS) : undefined;
  if (maxSpeakers !== undefined && !(Number.isInteger(maxSpeakers) && maxSpeakers >= 2 && maxSpeakers <= 35)) {
    throw engineMisconfigured('azure engine: AZURE_SPEECH_MAX_SPEAKERS must be an integer from 2 to 35');
  }
  const locale = env.AZURE_SPEECH_LOCALE?.trim();
  return { endpoint, key, ...(locale && { locales: [locale] }), ...(maxSpeakers !== undefined && { maxSpeakers }) };
}

/** Pure: the request URL for an endpoint as the Azure portal shows it (with or without a slash). */
export function azureTranscribeUrl(endpoint: string): string {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    throw engineMisconfigured(`azure engine: AZURE_SPEECH_ENDPOINT is not a URL`);
  }
  const path = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${path}/speechtotext/transcriptions:transcribe?api-version=${AZURE_API_VERSION}`;
}

/** Pure: the `definition` form field. */
export const azureDefinition = (locales: readonly string[], maxSpeakers: number): string =>
  JSON.stringify({ locales, diarization: { enabled: true, maxSpeakers } });

async function errorDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string }; code?: string; message?: string };
    const e = body.error ?? body;
    return [e.code, e.message].filter(Boolean).join(': ');
  } catch {
    return text.slice(0, 200);
  }
}

export class AzureSpeechEngine implements TranscriptionEngine {
  readonly name = 'azure';
  private readonly url: string;

  constructor(private readonly config: AzureSpeechConfig) {
    this.url = azureTranscribeUrl(config.endpoint);
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    const run = await transcribeInUploadableChunks(
      wavPath,
      {
        maxUploadBytes: this.config.maxUploadBytes ?? AZURE_MAX_UPLOAD_BYTES,
        concurrency: this.config.concurrency ?? 2,
        ...(opts.signal && { signal: opts.signal }),
        ...(opts.onProgress && { onProgress: opts.onProgress }),
      },
      (chunk, signal) => withRetry(() => this.request(chunk, signal), this.config.retry, signal),
    );
    const notes = run.chunkCount > 1 ? [perChunkSpeakersNote('azure', run.chunkCount)] : [];
    return {
      engine: this.name,
      durationSec: run.durationSec,
      language: run.language ?? this.config.locales?.[0] ?? 'en-US',
      words: run.words,
      text: transcriptText(run.words),
      diarized: true,
      ...(notes.length > 0 && { notes }),
    };
  }

  private async request(chunk: UploadChunk, signal: AbortSignal): Promise<ChunkTranscription> {
    const form = new FormData();
    form.append('audio', await openAsBlob(chunk.path, { type: 'audio/wav' }), 'audio.wav');
    form.append('definition', azureDefinition(this.config.locales ?? ['en-US'], this.config.maxSpeakers ?? 4));
    const timeoutMs = this.config.timeoutMs ?? 15 * 60_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let body: unknown;
    try {
      res = await (this.config.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': this.config.key, Accept: 'application/json' },
        body: form,
        signal: AbortSignal.any([signal, timeout]),
      });
      if (!res.ok) throw httpStatusError('azure', res.status, await errorDetail(res), parseRetryAfter(res.headers.get('retry-after')));
      body = await res.json().catch(() => undefined);
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      if (timeout.aborted) throw engineTimedOut('azure', timeoutMs);
      if (isAppError(e)) throw e;
      throw engineUnreachable('azure', e);
    }
    return parseAzureFastTranscription(body);
  }
}
