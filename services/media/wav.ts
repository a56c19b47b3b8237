/**
 * Minimal reader/writer for the PCM WAV files this service writes itself (16 kHz mono s16le).
 * It streams: a three-hour recording is ~350 MB of PCM, too much to hold in memory per job.
 */
import { createReadStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Bytes of sample data actually present (the header's size is capped by the file's real length). */
  dataBytes: number;
  durationSec: number;
}

export class WavFormatError extends Error {}

/** Pure: parses the RIFF chunks in `head`; `fileSize` bounds a data size ffmpeg may leave unset. */
export function parseWavHeader(head: Uint8Array, fileSize: number): WavInfo {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number): string => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new WavFormatError('not a RIFF/WAVE file');
  let at = 12;
  let fmt: { channels: number; sampleRate: number; bits: number } | null = null;
  while (at + 8 <= head.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= head.length) {
      const format = view.getUint16(at + 8, true);
      // 1 = PCM, 0xFFFE = WAVE_FORMAT_EXTENSIBLE (what ffmpeg writes for some layouts)
      if (format !== 1 && format !== 0xfffe) throw new WavFormatError(`unsupported WAV format ${format}`);
      fmt = { channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), bits: view.getUint16(at + 22, true) };
    } else if (id === 'data') {
      if (!fmt) throw new WavFormatError('data chunk before fmt chunk');
      const dataOffset = at + 8;
      // ffmpeg writing to a pipe leaves 0 or 0xFFFFFFFF here; trust the file length instead.
      const declared = size === 0 || size === 0xffffffff ? Infinity : size;
      const dataBytes = Math.max(0, Math.min(declared, fileSize - dataOffset));
      const bytesPerSec = fmt.sampleRate * fmt.channels * (fmt.bits / 8);
      return {
        sampleRate: fmt.sampleRate,
        channels: fmt.channels,
        bitsPerSample: fmt.bits,
        dataOffset,
        dataBytes,
        durationSec: bytesPerSec > 0 ? dataBytes / bytesPerSec : 0,
      };
    }
    at += 8 + size + (size % 2); // chunks are word-aligned
  }
  throw new WavFormatError('no data chunk in the first bytes');
}

export async function readWavInfo(path: string): Promise<WavInfo> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, 4096));
    await fh.read(head, 0, head.length, 0);
    return parseWavHeader(head, size);
  } finally {
    await fh.close();
  }
}

/** A canonical 44-byte header for mono/stereo s16le PCM. */
export function wavHeader(dataBytes: number, sampleRate: number, channels = 1): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

function requireMono16(info: WavInfo): void {
  if (info.channels !== 1 || info.bitsPerSample !== 16) {
    throw new WavFormatError(`expected mono 16-bit PCM, got ${info.channels} ch ${info.bitsPerSample} bit`);
  }
}

/**
 * RMS level in dBFS of consecutive frames of `frameSec` (last partial frame dropped), streamed from
 * a mono s16le WAV. Digital silence reads as -120 dB rather than -Infinity so that sums stay finite.
 */
export async function wavEnergyEnvelope(path: string, frameSec: number): Promise<{ info: WavInfo; db: Float32Array }> {
  const info = await readWavInfo(path);
  requireMono16(info);
  const frameSamples = Math.max(1, Math.round(info.sampleRate * frameSec));
  const frames = Math.floor(info.dataBytes / 2 / frameSamples);
  const db = new Float32Array(frames);
  if (frames === 0) return { info, db };
  let frame = 0, inFrame = 0, sumSq = 0;
  let carry: Buffer | null = null; // an odd byte split across two stream reads
  const stream = createReadStream(path, { start: info.dataOffset, end: info.dataOffset + frames * frameSamples * 2 - 1 });
  for await (const piece of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
    const usable = buf.length - (buf.length % 2);
    carry = usable < buf.length ? buf.subarray(usable) : null;
    for (let i = 0; i < usable; i += 2) {
      const s = buf.readInt16LE(i) / 32768;
      sumSq += s * s;
      if (++inFrame === frameSamples) {
        const rms = Math.sqrt(sumSq / frameSamples);
        db[frame++] = rms > 1e-6 ? 20 * Math.log10(rms) : -120;
        inFrame = 0;
        sumSq = 0;
      }
    }
  }
  return { info, db };
}

/** Copies [startSec, endSec) of a mono s16le WAV into a new WAV file (one transcription chunk). */
export async function writeWavSlice(src: string, info: WavInfo, startSec: number, endSec: number, dest: string): Promise<void> {
  requireMono16(info);
  const first = Math.max(0, Math.floor(startSec * info.sampleRate));
  const last = Math.min(info.dataBytes / 2, Math.ceil(endSec * info.sampleRate));
  const bytes = Math.max(0, last - first) * 2;
  const fh = await open(src, 'r');
  try {
    const body = Buffer.alloc(bytes);
    await fh.read(body, 0, bytes, info.dataOffset + first * 2);
    await writeFile(dest, Buffer.concat([wavHeader(bytes, info.sampleRate), body]));
  } finally {
    await fh.close();
  }
}
