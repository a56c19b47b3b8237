/** Checks a file before any byte is sent: type by extension/MIME (the server judges content later) and size. */
export const MEDIA_EXTENSIONS = ['mp4', 'mov', 'm4a', 'mp3', 'wav', 'webm', 'ogg', 'mkv', 'aac', 'flac'];
export const TRANSCRIPT_EXTENSIONS = ['vtt', 'srt', 'txt'];

const ext = (name: string) => name.toLowerCase().split('.').pop() ?? '';

export function checkMedia(file: { name: string; size: number; type: string }, maxBytes: number): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) return `“${file.name}” is ${(file.size / 1024 ** 3).toFixed(2)} GB; the limit is ${(maxBytes / 1024 ** 3).toFixed(0)} GB.`;
  const okType = file.type.startsWith('audio/') || file.type.startsWith('video/');
  if (!okType && !MEDIA_EXTENSIONS.includes(ext(file.name))) {
    return `“${file.name}” is not an audio or video file. Use ${MEDIA_EXTENSIONS.map((e) => e.toUpperCase()).join(', ')}.`;
  }
  return null;
}

export function checkTranscript(file: { name: string; size: number }, maxBytes = 5 * 1024 ** 2): string | null {
  if (!TRANSCRIPT_EXTENSIONS.includes(ext(file.name))) return `“${file.name}” is not a transcript. Use a WebVTT (.vtt) or SRT (.srt) file.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) return `“${file.name}” is larger than 5 MB.`;
  return null;
}
