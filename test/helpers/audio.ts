/**
 * Test audio with a KNOWN text: espeak-ng speaks it, sox adds pauses, ffmpeg wraps it in the
 * containers users upload. Outputs are cached under .cache/test-audio/ by a hash of every input,
 * so a second test run costs nothing; writes are atomic so parallel jest workers can share it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '../../services/media/run-tool.js';
import { readWavInfo } from '../../services/media/wav.js';
import { repoRoot } from './testdata.js';

export type SpeechFormat = 'wav' | 'mp4' | 'm4a' | 'mp3' | 'webm';

export interface SpeechSpec {
  /** Split into sentences at . ! ? followed by a space. */
  text: string;
  wpm?: number;
  format?: SpeechFormat;
  silenceSecBetweenSentences?: number;
  voice?: string;
}

export interface GeneratedSpeech {
  path: string;
  text: string;
  wordCount: number;
  /** Length of the generated audio before container encoding, seconds. */
  durationSec: number;
}

/** Bump when the generation recipe changes, so stale cache entries are never reused. */
const RECIPE_VERSION = 2;
export const cacheDir = (): string => path.join(repoRoot, '.cache', 'test-audio');

/** Same rule as the testdata manifest: tokens holding a letter or digit. */
export const countWords = (text: string): number => text.split(/\s+/).filter((t) => /[A-Za-z0-9]/.test(t)).length;

async function run(cmd: string, args: string[]): Promise<void> {
  const res = await runTool(cmd, args);
  if (res.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.code}): ${res.stderr.slice(-500)}`);
}

const keyOf = (spec: unknown): string => createHash('sha256').update(JSON.stringify([RECIPE_VERSION, spec])).digest('hex').slice(0, 16);

/** Runs `build(tmpPath)` once per key; later calls return the cached file. */
async function cached(name: string, ext: string, spec: unknown, build: (out: string, work: string) => Promise<void>): Promise<string> {
  const dir = cacheDir();
  const out = path.join(dir, `${name}-${keyOf(spec)}.${ext}`);
  if (existsSync(out)) return out;
  const work = path.join(dir, `tmp-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const tmpOut = path.join(work, `out.${ext}`);
    await build(tmpOut, work);
    await rename(tmpOut, out); // atomic: a concurrent reader sees the whole file or none
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return out;
}

const ENCODE: Record<SpeechFormat, (wav: string, out: string, sec: number) => string[]> = {
  wav: (wav, out) => ['-i', wav, '-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', out],
  // A tiny black video track, like a screen or webcam recording whose picture we ignore.
  mp4: (wav, out, sec) => [
    '-f', 'lavfi', '-i', `color=c=black:s=64x64:r=5:d=${sec.toFixed(3)}`, '-i', wav,
    '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-tune', 'stillimage', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '64k', '-shortest', '-movflags', '+faststart', '-f', 'mp4', out,
  ],
  m4a: (wav, out) => ['-i', wav, '-vn', '-c:a', 'aac', '-b:a', '64k', '-f', 'ipod', out],
  mp3: (wav, out) => ['-i', wav, '-c:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3', out],
  webm: (wav, out) => ['-i', wav, '-c:a', 'libopus', '-b:a', '32k', '-f', 'webm', out],
};

export const splitSentences = (text: string): string[] => text.trim().split(/(?<=[.!?])\s+/).filter(Boolean);

export async function makeSpeech(spec: SpeechSpec): Promise<GeneratedSpeech> {
  const full = { wpm: 150, format: 'wav' as SpeechFormat, silenceSecBetweenSentences: 0.8, voice: 'en-us', ...spec };
  const base = await cached('speech', 'wav', { ...full, format: 'base' }, async (out, work) => {
    const parts: string[] = [];
    const pause = path.join(work, 'pause.wav');
    const edge = path.join(work, 'edge.wav');
    // espeak-ng writes 22050 Hz mono 16-bit; the pauses must match for sox to concatenate.
    await run('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', pause, 'trim', '0', String(full.silenceSecBetweenSentences)]);
    await run('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', edge, 'trim', '0', '0.5']);
    const sentences = splitSentences(full.text);
    for (const [i, sentence] of sentences.entries()) {
      const s = path.join(work, `s${i}.wav`);
      await run('espeak-ng', ['-v', full.voice, '-s', String(full.wpm), '-w', s, '--', sentence]);
      if (i > 0 && full.silenceSecBetweenSentences > 0) parts.push(pause);
      parts.push(s);
    }
    await run('sox', [edge, ...parts, edge, out]);
  });
  const durationSec = (await readWavInfo(base)).durationSec;
  const file = await cached('speech', full.format, full, (out) =>
    run('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...ENCODE[full.format](base, out, durationSec)]),
  );
  return { path: file, text: full.text, wordCount: countWords(full.text), durationSec };
}

/** Silence with faint hiss (-60 dBFS white noise), like a muted microphone; digital zeros if `hissDb` is null. */
export function makeSilence(sec: number, opts: { hissDb?: number | null } = {}): Promise<string> {
  const hissDb = opts.hissDb === undefined ? -60 : opts.hissDb;
  return cached('silence', 'wav', { sec, hissDb }, (out) =>
    hissDb === null
      ? run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', out, 'trim', '0', String(sec)])
      : run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', out, 'synth', String(sec), 'whitenoise', 'vol', String(10 ** (hissDb / 20))]),
  );
}

/** A plain-text file with an .mp4 name: what a careless or hostile client might upload. */
export function makeTextFileNamedMp4(): Promise<string> {
  return cached('not-media', 'mp4', 'text', (out) =>
    writeFile(out, 'This is a text file pretending to be a video.\nIt has no media in it at all.\n'),
  );
}

/** A screen recording without sound: a valid MP4 with only a video track. */
export const makeVideoOnlyMp4 = (): Promise<string> =>
  cached('video-only', 'mp4', 'black-3s', (out) =>
    run('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=64x64:r=5:d=3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mp4', out]),
  );

/** An empty file, as left by an upload that never sent a byte. */
export const makeEmptyFile = (): Promise<string> => cached('empty', 'mp4', 'empty', (out) => writeFile(out, ''));

/**
 * The first `keepFraction` of an MP4 of known speech. With `faststart` (the default) the index
 * comes first, so the file still probes with its full duration and only decoding reveals the loss;
 * without it the index was at the end and is gone, so probing itself fails.
 */
export async function makeTruncatedMp4(opts: { keepFraction?: number; faststart?: boolean } = {}): Promise<string> {
  const keepFraction = opts.keepFraction ?? 0.4;
  const faststart = opts.faststart ?? true;
  const text = 'We record an answer that will be cut short. The upload stopped halfway through the file. Nothing after this point survives.';
  const source = await makeSpeech({ text, format: 'wav' });
  return cached('truncated', 'mp4', { text, keepFraction, faststart }, async (out, work) => {
    const whole = path.join(work, 'whole.mp4');
    const args = ['-nostdin', '-v', 'error', '-y', '-i', source.path, '-c:a', 'aac', '-b:a', '64k'];
    await run('ffmpeg', [...args, ...(faststart ? ['-movflags', '+faststart'] : []), '-f', 'mp4', whole]);
    const bytes = await readFile(whole);
    const fh = await open(out, 'w');
    try {
      await fh.write(bytes.subarray(0, Math.floor(bytes.length * keepFraction)));
    } finally {
      await fh.close();
    }
  });
}

/** Copies a generated file under a new name (e.g. a real MP4 named .txt) inside the cache. */
export async function renamedCopy(src: string, newExt: string): Promise<string> {
  return cached('renamed', newExt, { src: path.basename(src), newExt }, (out) => copyFile(src, out));
}
