/** Pure formatting helpers (tested in test/web). */
import type { MetricCard } from './types';

export function formatDuration(sec: number | undefined): string {
  if (sec === undefined || !Number.isFinite(sec)) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return `${m}m ${String(r).padStart(2, '0')}s`;
  return `${r}s`;
}

/** mm:ss (or h:mm:ss) for timestamps in the transcript and charts. */
export function formatClock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`;

/** A metric value in its unit, as a person reads it. */
export function formatMetric(value: number, unit: MetricCard['unit']): string {
  switch (unit) {
    case 'wpm': return `${Math.round(value)} wpm`;
    case 'share': return percent(value);
    case 'perMinute': return `${value.toFixed(1)}/min`;
    case 'sec': return formatDuration(value);
    case 'count': return String(Math.round(value));
    case 'ratio': return value.toFixed(2);
  }
}

export function formatRange(card: Pick<MetricCard, 'range' | 'unit'>): string {
  const { low, high } = card.range;
  const f = (v: number) => formatMetric(v, card.unit);
  if (low !== undefined && high !== undefined) return `${f(low)} – ${f(high)}`;
  if (low !== undefined) return `≥ ${f(low)}`;
  if (high !== undefined) return `≤ ${f(high)}`;
  return 'no fixed range';
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export const STATUS_LABEL: Record<string, string> = {
  created: 'Waiting for upload', live: 'Live practice', uploading: 'Uploading', uploaded: 'Queued', transcribing: 'Transcribing',
  transcribed: 'Transcribed', analyzing: 'Analysing', completed: 'Ready', failed: 'Failed', deleted: 'Deleted',
};

/** Which step of the stepper a status is on (0 upload … 3 report). */
export function stepOf(status: string): number {
  switch (status) {
    case 'created': case 'live': case 'uploading': return 0;
    case 'uploaded': case 'transcribing': return 1;
    case 'transcribed': case 'analyzing': return 2;
    default: return 3;
  }
}

/** What to do about a failure, in words. */
export function failureAdvice(code: string | undefined): { text: string; action: 'retry' | 'reupload' } {
  switch (code) {
    case 'unsupported_format': return { text: 'That file is not audio or video we can read. Upload an MP4, MOV, M4A, MP3, WAV or WebM recording.', action: 'reupload' };
    case 'corrupt_media': return { text: 'The file looks truncated or damaged. Export it again and upload the new file.', action: 'reupload' };
    case 'no_audio_stream': return { text: 'The video has no sound track. Upload a recording with audio.', action: 'reupload' };
    case 'no_speech': return { text: 'We heard no speech in the recording. Check the microphone track and upload again.', action: 'reupload' };
    case 'duration_too_long': return { text: 'The recording is longer than we accept. Trim it and upload again.', action: 'reupload' };
    default: return { text: 'Something went wrong on our side. Retrying picks up from the stage that failed.', action: 'retry' };
  }
}
