/**
 * How many people the user says are in the recording (tus metadata `speakers`, the CLI's
 * --speakers, the upload page's "It's just me" / "Me and an interviewer" / "Panel").
 * `1` skips diarization (the recording is treated as today: one speaker); `2` and `3+` are the
 * count the clustering uses; `auto` (the default) lets the diarizer decide between one voice and
 * two, which it only does for clearly different voices (see python/diarize.py).
 */
import { PermanentError } from '../../shared/errors.js';

export const SPEAKER_COUNTS = ['1', '2', '3+', 'auto'] as const;
export type SpeakerCount = (typeof SPEAKER_COUNTS)[number];
export const DEFAULT_SPEAKER_COUNT: SpeakerCount = 'auto';

export const isSpeakerCount = (s: string): s is SpeakerCount => (SPEAKER_COUNTS as readonly string[]).includes(s);

/**
 * Pure: the speaker count of an upload; absent or empty means `auto`. Accepts "3", "4"… as `3+`
 * and surrounding blanks. Throws PermanentError `invalid_speakers` (400) for anything else.
 */
export function speakerCountFor(requested: string | undefined): SpeakerCount {
  if (requested === undefined) return DEFAULT_SPEAKER_COUNT;
  const s = requested.trim().toLowerCase();
  if (s === '') return DEFAULT_SPEAKER_COUNT;
  if (isSpeakerCount(s)) return s;
  if (/^[3-9]$|^[1-9]\d$/.test(s)) return '3+';
  throw new PermanentError('invalid_speakers', `speakers "${requested}" is not a speaker count; use one of ${SPEAKER_COUNTS.join(', ')}`, 400);
}
