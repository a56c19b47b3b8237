/**
 * Stable error codes of the media stage. Permanent codes become an interview's `failed` reason;
 * transient ones make the worker answer RETRY.
 */
import { PermanentError, TransientError } from '../shared/errors.js';

export const MEDIA_ERROR_CODES = [
  'empty_file',
  'unsupported_format',
  'no_audio_stream',
  'corrupt_media',
  'duration_too_long',
  'no_speech',
] as const;
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

export const mediaError = (code: MediaErrorCode, message: string, details?: Record<string, unknown>): PermanentError =>
  new PermanentError(code, message, 422, details);

/** A tool that is missing, crashed or was killed: the input may be fine, so retrying makes sense. */
export const toolError = (code: 'tool_missing' | 'tool_crashed' | 'tool_failed', message: string): TransientError =>
  new TransientError(code, message);
