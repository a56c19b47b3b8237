/**
 * The real live engine end to end: espeak-ng speech, encoded as MediaRecorder streams it (WebM/Opus,
 * 250 ms clusters), pushed in slices through ffmpeg, the segmenter and Whisper tiny.en.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { liveClip } from '../../../bench/live.js';
import { createLiveEngine, liveUnavailable, type LiveSession } from '../../../services/media/live/live-engine.js';
import { WhisperLiveRecognizer } from '../../../services/media/live/recognizer.js';
import { wordErrorRate } from '../../../services/media/wer.js';

const why = liveUnavailable();
if (why) console.log(`live engine tests skipped: ${why}`);
const maybe = why ? describe.skip : describe;

const TEXT = 'Thanks for the question. I would start by asking what the users need. Then I would build the smallest thing that helps them.';
const QUESTIONS = [{ text: 'How would you design a new feature?', kind: 'technical' as const }];

maybe('live engine (ffmpeg + Whisper tiny.en)', () => {
  const recognizer = new WhisperLiveRecognizer({ workers: 1 });
  const log = pino({ level: 'silent' });
  let dir = '';

  afterAll(async () => {
    await recognizer.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('captions the spoken words from 250 ms WebM slices, one final per segment', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'live-it-'));
    const clip = await liveClip(TEXT, dir);
    const engine = createLiveEngine({ capacity: 1, log, recognizer });
    const s = engine.open('a', { questions: QUESTIONS });
    expect(s).not.toBe('busy');
    const session = s as LiveSession;
    const captions: ReturnType<LiveSession['drain']>['captions'] = [];
    // Four times real time (interims may be shed under load; finals never are).
    for (let i = 0; i + 1 < clip.cuts.length; i++) {
      session.push(clip.webm.subarray(clip.cuts[i]!, clip.cuts[i + 1]!));
      await new Promise((r) => setTimeout(r, 62));
      captions.push(...session.drain().captions);
    }
    await session.end();
    captions.push(...session.drain().captions);
    await engine.close();

    const finals = captions.filter((c) => c.final);
    const text = finals.map((c) => c.text).join(' ');
    expect(text.toLowerCase()).toEqual(expect.stringContaining('users'));
    expect(text.toLowerCase()).toEqual(expect.stringContaining('smallest thing'));
    expect(wordErrorRate(TEXT, text)).toBeLessThan(0.3);
    // One final per sentence (0.9 s pauses), in order, on the audio timeline.
    expect(finals.map((c) => c.segment)).toEqual([0, 1, 2]);
    expect(finals[0]!.startSec).toBeGreaterThan(0.2);
    expect(finals[2]!.endSec).toBeLessThan(clip.durationSec);
    for (let i = 1; i < finals.length; i++) expect(finals[i]!.startSec).toBeGreaterThan(finals[i - 1]!.endSec);
    expect(captions.every((c) => c.text.length > 0 && c.question === 0)).toBe(true);
  }, 120_000);

  it('recognises one window of a session at a time, every final once and in order; finals only when the recognizer says so', async () => {
    const clip = await liveClip(TEXT, dir);
    for (const interims of [true, false]) {
      const calls: { interim: boolean; samples: number }[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      const slow = {
        interims,
        async transcribe(pcm: Int16Array, o: { interim?: boolean } = {}) {
          calls.push({ interim: o.interim ?? false, samples: pcm.length });
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          await new Promise((r) => setTimeout(r, 400));
          inFlight--;
          return [{ text: `w${calls.length}`, start: 0, end: 0.5 }];
        },
      };
      const engine = createLiveEngine({ capacity: 1, log, recognizer: slow });
      const session = engine.open('a', { questions: QUESTIONS }) as LiveSession;
      for (let i = 0; i + 1 < clip.cuts.length; i++) {
        session.push(clip.webm.subarray(clip.cuts[i]!, clip.cuts[i + 1]!));
        await new Promise((r) => setTimeout(r, 62));
      }
      await session.end();
      const finals = session.drain().captions.filter((c) => c.final);
      await engine.close();
      expect(maxInFlight).toBe(1);
      expect(finals.map((c) => c.segment)).toEqual([0, 1, 2]);
      expect(calls.filter((c) => !c.interim)).toHaveLength(3);
      if (!interims) expect(calls.every((c) => !c.interim)).toBe(true);
      // The open segment only: no window holds more than 10 s (+ pre-roll) of audio.
      expect(Math.max(...calls.map((c) => c.samples))).toBeLessThanOrEqual(16000 * 10.25);
    }
  }, 60_000);

  it('holds a fixed number of sessions; a closed one frees its slot; junk bytes fail quietly', async () => {
    const engine = createLiveEngine({ capacity: 1, log, recognizer });
    const a = engine.open('a', { questions: QUESTIONS });
    expect(a).not.toBe('busy');
    expect(engine.open('a', { questions: QUESTIONS })).toBe(a);
    expect(engine.open('b', { questions: QUESTIONS })).toBe('busy');
    expect(engine.active).toBe(1);
    (a as LiveSession).push(new Uint8Array(4096).fill(7));
    await (a as LiveSession).close();
    await (a as LiveSession).close();
    expect(engine.active).toBe(0);
    expect(engine.get('a')).toBeUndefined();
    const b = engine.open('b', { questions: QUESTIONS });
    expect(b).not.toBe('busy');
    expect((b as LiveSession).drain()).toEqual({ captions: [], nudges: [] });
    await engine.close();
    expect(engine.active).toBe(0);
  }, 30_000);
});
