/**
 * A WAV's final live windows: its 16-bit PCM through the live Segmenter
 * (services/media/live/segmenter.ts), as the live engine cuts a stream. Shared by the live bench
 * and the eval section that scores the captions.
 */
import { readFile } from 'node:fs/promises';
import { Segmenter } from '../../services/media/live/segmenter.js';
import { parseWavHeader } from '../../services/media/wav.js';

/** `sliceSamples`: push the PCM in slices of that many samples (as the browser sends it); default all at once. */
export async function finalWindows(wav: string, sliceSamples?: number): Promise<Int16Array[]> {
  const raw = await readFile(wav);
  const info = parseWavHeader(raw.subarray(0, Math.min(raw.length, 4096)), raw.length);
  const body = raw.subarray(info.dataOffset, info.dataOffset + info.dataBytes - (info.dataBytes % 2));
  const pcm = new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
  const seg = new Segmenter();
  const step = sliceSamples ?? Math.max(1, pcm.length);
  const windows = [];
  for (let i = 0; i < pcm.length; i += step) windows.push(...seg.push(pcm.subarray(i, i + step)));
  windows.push(...seg.flush());
  return windows.filter((w) => w.kind === 'final').map((w) => w.pcm);
}
