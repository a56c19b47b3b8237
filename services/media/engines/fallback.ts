/**
 * Engine wrappers that make a transcript say how it was made.
 *
 * FallbackEngine runs a cloud engine and, when it cannot deliver (a transient failure that
 * survived its retries, a misconfiguration, a refused or unreadable answer), transcribes with the
 * fallback (local) instead and records why in `notes`, so the report can tell the user. It never
 * falls back on an abort, nor on a fault of the recording itself (`no_speech`): the local engine
 * would fail the same way, only slower.
 *
 * SingleSpeakerEngine marks an engine that cannot tell voices apart (pocketsphinx): `diarized:
 * false`, so the report states that it assumed one speaker.
 */
import type { Logger } from '../../shared/logger.js';
import { isAppError, TransientError } from '../../shared/errors.js';
import type { Transcript } from '../../transcripts/transcript.js';
import { ENGINE_ERROR_CODES } from './cloud-errors.js';
import type { TranscribeOptions, TranscriptionEngine } from './engine.js';

const FALLBACK_CODES: ReadonlySet<string> = new Set(ENGINE_ERROR_CODES);

/** Pure: whether a primary engine's failure should send the recording to the fallback engine. */
export function shouldFallBack(e: unknown): boolean {
  if (!isAppError(e)) return false;
  return FALLBACK_CODES.has(e.code) || e instanceof TransientError;
}

/** Pure: the note added to a transcript made by the fallback. */
export function fallbackNote(primary: string, fallback: string, e: unknown): string {
  const why = isAppError(e) ? `${e.code}: ${e.message}` : String(e);
  return `The ${primary} engine could not transcribe this recording (${why}); it was transcribed by the ${fallback} engine instead.`;
}

export interface FallbackEngineOptions {
  /** Name of the chosen engine; also this wrapper's name. */
  name: string;
  /**
   * Builds the primary engine on first use, so a missing key surfaces as a fallback with a note
   * instead of refusing the upload.
   */
  primary: () => TranscriptionEngine;
  fallback: TranscriptionEngine;
  log?: Logger;
}

export class FallbackEngine implements TranscriptionEngine {
  readonly name: string;
  private primary: TranscriptionEngine | null = null;

  constructor(private readonly opts: FallbackEngineOptions) {
    this.name = opts.name;
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    let last = 0;
    const progress = (f: number): void => {
      last = Math.max(last, f);
      opts.onProgress?.(last);
    };
    try {
      this.primary ??= this.opts.primary();
      return await this.primary.transcribe(wavPath, { ...opts, onProgress: progress });
    } catch (e) {
      if (opts.signal?.aborted || !shouldFallBack(e)) throw e;
      this.opts.log?.warn({ err: e, engine: this.name, fallback: this.opts.fallback.name }, 'transcription engine failed; falling back');
      // The bar never runs backwards: the fallback's progress fills what the primary left.
      const from = last;
      const t = await this.opts.fallback.transcribe(wavPath, { ...opts, onProgress: (f) => progress(from + (1 - from) * f) });
      return { ...t, notes: [fallbackNote(this.name, this.opts.fallback.name, e), ...(t.notes ?? [])] };
    }
  }
}

export class SingleSpeakerEngine implements TranscriptionEngine {
  readonly name: string;

  constructor(private readonly inner: TranscriptionEngine) {
    this.name = inner.name;
  }

  async transcribe(wavPath: string, opts?: TranscribeOptions): Promise<Transcript> {
    const t = await this.inner.transcribe(wavPath, opts);
    return { ...t, diarized: false };
  }
}
