/**
 * ffprobe validation: the file must hold a decodable audio stream of a sane, bounded duration before
 * any expensive work starts. `interpretProbe` is the pure half and is unit-tested on JSON fixtures.
 */
import { mediaError, toolError } from './errors.js';
import { lastLine, localFileUrl, runTool } from './run-tool.js';

export interface MediaInfo {
  /** ffprobe's demuxer name list, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "wav", "matroska,webm". */
  container: string;
  /** Seconds of audio: the audio stream's own duration when known, else the container's. */
  durationSec: number;
  audioCodec: string;
  sampleRate: number;
  channels: number;
  hasVideo: boolean;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
}
interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string };
}

const positive = (s: string | undefined): number | null => {
  const n = s === undefined ? NaN : Number(s);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** Pure: turns ffprobe's JSON into MediaInfo or a typed PermanentError. */
export function interpretProbe(json: unknown, maxDurationSec: number): MediaInfo {
  const probe = (json ?? {}) as ProbeJson;
  const streams = Array.isArray(probe.streams) ? probe.streams.filter((s): s is ProbeStream => typeof s === 'object' && s !== null) : [];
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!audio) throw mediaError('no_audio_stream', 'The file has no audio stream');
  // Cover art in MP3/M4A shows up as a one-frame "video" stream; it is not a video.
  const hasVideo = streams.some((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const durationSec = positive(audio.duration) ?? positive(probe.format?.duration);
  if (durationSec === null) throw mediaError('corrupt_media', 'The media duration is unreadable or zero');
  if (durationSec > maxDurationSec) {
    throw mediaError(
      'duration_too_long',
      `The recording lasts ${Math.round(durationSec)} s; the maximum is ${Math.round(maxDurationSec)} s`,
      { durationSec, maxDurationSec },
    );
  }
  return {
    container: probe.format?.format_name ?? 'unknown',
    durationSec,
    audioCodec: audio.codec_name ?? 'unknown',
    sampleRate: Number(audio.sample_rate ?? 0) || 0,
    channels: audio.channels ?? 0,
    hasVideo,
  };
}

const PROBE_ENTRIES = 'format=format_name,duration:stream=codec_type,codec_name,sample_rate,channels,duration:stream_disposition=attached_pic';

export async function probeMedia(
  path: string,
  opts: { maxDurationSec: number; signal?: AbortSignal },
): Promise<MediaInfo> {
  // Only the fields interpretProbe reads: -show_format/-show_streams would echo every metadata tag,
  // and a file carrying hundreds of MB of tags then made ffprobe's output too big for one string.
  const args = ['-v', 'error', '-print_format', 'json', '-show_entries', PROBE_ENTRIES, localFileUrl(path)];
  const res = await runTool('ffprobe', args, { signal: opts.signal });
  // Killed by a signal (OOM killer, shutdown): says nothing about the file, so it is worth a retry.
  if (res.code === null) throw toolError('tool_crashed', `ffprobe was killed by ${res.signal ?? 'a signal'}`);
  if (res.code !== 0) {
    throw mediaError('corrupt_media', `The media could not be read: ${lastLine(res.stderr) || `ffprobe exit ${res.code}`}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(res.stdout);
  } catch {
    throw mediaError('corrupt_media', 'The media could not be read: ffprobe gave no usable description');
  }
  // MediaRecorder's WebM (a live practice recording) has no Duration element: count it instead.
  const probe = json as ProbeJson | null;
  const audio = probe?.streams?.find((s) => s?.codec_type === 'audio');
  if (audio && positive(audio.duration) === null && positive(probe?.format?.duration) === null) {
    const counted = await countedDurationSec(path, opts.signal);
    if (counted !== null) json = { ...probe, format: { ...probe?.format, duration: String(counted) } };
  }
  return interpretProbe(json, opts.maxDurationSec);
}

/** The first audio stream's length, by remuxing it to nowhere (no decoding); null when unreadable. */
async function countedDurationSec(path: string, signal: AbortSignal | undefined): Promise<number | null> {
  const args = ['-nostdin', '-v', 'error', '-i', localFileUrl(path), '-map', '0:a:0', '-c', 'copy', '-f', 'null', '-progress', 'pipe:1', '-'];
  const res = await runTool('ffmpeg', args, { signal });
  if (res.code === null) throw toolError('tool_crashed', `ffmpeg was killed by ${res.signal ?? 'a signal'}`);
  const us = res.code === 0 ? [...res.stdout.matchAll(/^out_time_us=(\d+)$/gm)].at(-1)?.[1] : undefined;
  return us ? Number(us) / 1e6 : null;
}
