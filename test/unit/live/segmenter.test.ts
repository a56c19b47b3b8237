import { describe, expect, it } from '@jest/globals';
import { levelDb, Segmenter, type SegmentWindow } from '../../../services/media/live/segmenter.js';

const RATE = 16000;

/** A "voice": a 180 Hz tone at about -20 dBFS; `hiss` is white noise at the given dBFS. */
function tone(sec: number, amp = 0.14): Int16Array {
  const n = Math.round(sec * RATE);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(amp * 32767 * Math.sin((2 * Math.PI * 180 * i) / RATE));
  return out;
}

/** Tone with syllable-like dips (200 ms on, 50 ms 20 dB down), as speech never holds one level for long. */
function voice(sec: number): Int16Array {
  const out = tone(sec);
  const period = RATE / 4;
  for (let i = 0; i < out.length; i++) if (i % period >= period * 0.8) out[i] = Math.round(out[i]! / 10);
  return out;
}

function hiss(sec: number, db = -70, seed = 1): Int16Array {
  const n = Math.round(sec * RATE);
  const out = new Int16Array(n);
  let x = seed;
  const amp = 10 ** (db / 20) * 32767 * Math.sqrt(3);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = Math.round(((x / 0x7fffffff) * 2 - 1) * amp);
  }
  return out;
}

function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Feeds `pcm` in 250 ms pieces (like the decoder does) and collects every window, then flushes. */
function run(pcm: Int16Array, seg = new Segmenter(), piece = RATE / 4, flush = true): SegmentWindow[] {
  const out: SegmentWindow[] = [];
  for (let at = 0; at < pcm.length; at += piece) out.push(...seg.push(pcm.subarray(at, at + piece)));
  if (flush) out.push(...seg.flush());
  return out;
}

const finals = (w: SegmentWindow[]) => w.filter((x) => x.kind === 'final');

describe('live segmenter', () => {
  it('levels: digital silence is -120 dB, a 0.14 sine about -20 dB', () => {
    expect(levelDb(new Int16Array(320))).toBe(-120);
    expect(levelDb(tone(0.02))).toBeCloseTo(-20.1, 0);
  });

  it('hears nothing in silence or faint hiss', () => {
    expect(run(new Int16Array(RATE * 5))).toEqual([]);
    expect(run(hiss(5, -60))).toEqual([]);
  });

  it('ignores steady hiss louder than the absolute floor once it is the first thing heard', () => {
    expect(run(hiss(5, -40))).toEqual([]);
  });

  it('makes one final at a pause, with pre-roll and a short tail, and interims while it is open', () => {
    const w = run(concat(hiss(1), tone(2.5), hiss(1.5)), new Segmenter(), RATE / 4, false);
    const f = finals(w);
    expect(f).toHaveLength(1);
    expect(f[0]!.segment).toBe(0);
    expect(f[0]!.startSec).toBeCloseTo(0.8, 1);
    expect(f[0]!.endSec).toBeCloseTo(3.7, 1);
    expect(f[0]!.pcm.length).toBe(Math.round((f[0]!.endSec - f[0]!.startSec) * RATE));
    const interims = w.filter((x) => x.kind === 'interim');
    expect(interims.length).toBeGreaterThanOrEqual(2);
    // Each interim holds new speech: none starts past the last word (3.5 s) by a whole interval.
    expect(interims.every((x) => x.segment === 0 && x.endSec < 4.5)).toBe(true);
    // The final comes once 0.6 s of silence has passed, not at the end of the stream.
    expect(w.indexOf(f[0]!)).toBe(w.length - 1);
  });

  it('does not split at a short pause, splits at a long one', () => {
    const short = finals(run(concat(hiss(0.5), tone(1), hiss(0.3), tone(1), hiss(1))));
    expect(short).toHaveLength(1);
    const long = finals(run(concat(hiss(0.5), tone(1), hiss(0.9), tone(1), hiss(1))));
    expect(long.map((x) => x.segment)).toEqual([0, 1]);
    expect(long[1]!.startSec).toBeGreaterThan(long[0]!.endSec);
  });

  it('cuts a long run of speech into contiguous segments of at most 10 s', () => {
    const f = finals(run(concat(hiss(0.5), voice(25), hiss(1))));
    expect(f.length).toBe(3);
    expect(f.map((x) => x.segment)).toEqual([0, 1, 2]);
    for (const x of f) expect(x.endSec - x.startSec).toBeLessThanOrEqual(10.01);
    expect(f[1]!.startSec).toBeCloseTo(f[0]!.endSec, 5);
    expect(f[2]!.startSec).toBeCloseTo(f[1]!.endSec, 5);
    expect(f[2]!.endSec).toBeCloseTo(25.7, 1);
  });

  it('drops a click too short to be a word', () => {
    expect(finals(run(concat(hiss(1), tone(0.06), hiss(2))))).toEqual([]);
  });

  it('works on any piece size and keeps times after startSec', () => {
    const pcm = concat(hiss(0.5), tone(1.5), hiss(1));
    const a = finals(run(pcm, new Segmenter({ startSec: 100 }), 77));
    const b = finals(run(pcm, new Segmenter({ startSec: 100 }), RATE));
    expect(a).toHaveLength(1);
    expect(a[0]!.startSec).toBeCloseTo(b[0]!.startSec, 2);
    expect(a[0]!.startSec).toBeCloseTo(100.3, 1);
  });

  it('tracks the last speech time and the open segment', () => {
    const seg = new Segmenter();
    run(concat(hiss(0.5), tone(1), hiss(0.2)), seg, RATE / 4, false);
    expect(seg.inSegment).toBe(true);
    expect(seg.lastSpeechSec).toBeCloseTo(1.5, 1);
    expect(seg.nowSec).toBeCloseTo(1.7, 2);
  });
});
