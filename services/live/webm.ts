/**
 * Just enough WebM (Matroska/EBML) to restart a decoder mid-recording: the header before the first
 * Cluster (EBML header, Segment info, Tracks) and where a Cluster starts, with its timecode. A
 * decoder fed header + bytes from a Cluster boundary decodes as if it had seen the whole stream.
 */
const CLUSTER_ID = [0x1f, 0x43, 0xb6, 0x75];
const TIMECODE_ID = 0xe7;

/** Index of the first Cluster element in `bytes` at or after `from`, or -1. */
export function clusterStart(bytes: Uint8Array, from = 0): number {
  for (let i = from; i + CLUSTER_ID.length <= bytes.length; i++) {
    if (bytes[i] === CLUSTER_ID[0] && bytes[i + 1] === CLUSTER_ID[1] && bytes[i + 2] === CLUSTER_ID[2] && bytes[i + 3] === CLUSTER_ID[3]) return i;
  }
  return -1;
}

/** An EBML variable-length integer at `at`: its value and length, or null when cut off or invalid. */
function vint(bytes: Uint8Array, at: number): { value: number; length: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i]!;
  return { value, length };
}

/**
 * The timecode (ms, at the default 1 ms TimecodeScale MediaRecorder writes) of the Cluster starting
 * at `at`, when its first child is the Timecode element (as muxers write it); else null.
 */
export function clusterTimecodeMs(bytes: Uint8Array, at: number): number | null {
  const size = vint(bytes, at + CLUSTER_ID.length);
  if (!size) return null;
  const child = at + CLUSTER_ID.length + size.length;
  if (bytes[child] !== TIMECODE_ID) return null;
  const len = vint(bytes, child + 1);
  if (!len || len.value < 1 || len.value > 6) return null;
  const start = child + 1 + len.length;
  if (start + len.value > bytes.length) return null;
  let ms = 0;
  for (let i = 0; i < len.value; i++) ms = ms * 256 + bytes[start + i]!;
  return ms;
}
