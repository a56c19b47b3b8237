import { describe, expect, it } from '@jest/globals';
import { planSplit } from '../../../services/media/engines/whisper-split.js';
import { whisperWorkerCount } from '../../../services/media/engine-select.js';

const FRAME = 0.01;
const SPEECH = -20;
const QUIET = -70;
const THRESHOLD = -50;

/** An envelope from [seconds, level] runs. */
function envelope(runs: [number, number][]): Float32Array {
  const out: number[] = [];
  for (const [sec, db] of runs) for (let i = 0; i < Math.round(sec / FRAME); i++) out.push(db);
  return Float32Array.from(out);
}

const quietAt = (db: Float32Array, sec: number): boolean => db[Math.round(sec / FRAME)]! <= THRESHOLD;

/** Contiguous, ordered, from 0 to the envelope's end. */
function expectCover(parts: { startSec: number; endSec: number }[], db: Float32Array): void {
  expect(parts[0]!.startSec).toBe(0);
  expect(parts.at(-1)!.endSec).toBeCloseTo(db.length * FRAME, 6);
  for (const [i, p] of parts.entries()) {
    expect(p.endSec).toBeGreaterThan(p.startSec);
    if (i > 0) expect(p.startSec).toBe(parts[i - 1]!.endSec);
  }
}

describe('planSplit', () => {
  it('cuts two parts in the longest pause near the middle, not in a short one nearer or a long one too far', () => {
    // 300 s of speech; pauses at 100 s (2 s, too far from 150), 147 s (1 s), 151 s (0.3 s).
    const db = envelope([[100, SPEECH], [2, QUIET], [45, SPEECH], [1, QUIET], [3, SPEECH], [0.3, QUIET], [148.7, SPEECH]]);
    const parts = planSplit(db, { frameSec: FRAME, parts: 2, thresholdDb: THRESHOLD });
    expect(parts).toHaveLength(2);
    expectCover(parts, db);
    const cut = parts[0]!.endSec;
    expect(cut).toBeGreaterThanOrEqual(147.15 - 1e-9);
    expect(cut).toBeLessThanOrEqual(147.85 + 1e-9); // inside the 1 s pause, off its edges
    expect(quietAt(db, cut)).toBe(true);
  });

  it('makes one part per worker, each cut in a pause, about equal in length', () => {
    // Sentences of 4 s with 0.6 s pauses, 10 minutes.
    const runs: [number, number][] = [];
    for (let t = 0; t < 600; t += 4.6) runs.push([4, SPEECH], [0.6, QUIET]);
    const db = envelope(runs);
    for (const n of [2, 3, 4]) {
      const parts = planSplit(db, { frameSec: FRAME, parts: n, thresholdDb: THRESHOLD });
      expect(parts).toHaveLength(n);
      expectCover(parts, db);
      for (const p of parts.slice(1)) expect(quietAt(db, p.startSec)).toBe(true);
      for (const p of parts) expect(Math.abs(p.endSec - p.startSec - db.length * FRAME / n)).toBeLessThan(5);
    }
  });

  it('without a pause near the target, cuts at the quietest frame there', () => {
    const db = envelope([[149, SPEECH], [0.05, -40], [150.95, SPEECH]]); // a dip too short to be a pause
    const parts = planSplit(db, { frameSec: FRAME, parts: 2, thresholdDb: THRESHOLD });
    expectCover(parts, db);
    expect(parts[0]!.endSec).toBeGreaterThanOrEqual(149 - 1e-9);
    expect(parts[0]!.endSec).toBeLessThan(149.05);
  });

  it('one part is the whole recording', () => {
    const db = envelope([[200, SPEECH]]);
    expect(planSplit(db, { frameSec: FRAME, parts: 1, thresholdDb: THRESHOLD })).toEqual([{ startSec: 0, endSec: 200 }]);
  });
});

describe('whisperWorkerCount', () => {
  it('one worker per recording at once, and at least one per core up to two, for splitting', () => {
    expect(whisperWorkerCount(1, 1)).toBe(1);
    expect(whisperWorkerCount(1, 2)).toBe(2);
    expect(whisperWorkerCount(1, 16)).toBe(2); // a container may see the node's cores: memory cap
    expect(whisperWorkerCount(4, 2)).toBe(4);
  });
});
