import { describe, expect, it } from '@jest/globals';
import { findSilences, noiseFloorDb, planChunks } from '../../../services/media/chunking.js';
import { thrownBy } from './thrown.js';

const FRAME = 0.01;
const SPEECH = -20;
const QUIET = -70;

/** An envelope from [seconds, level] runs. */
function envelope(runs: [number, number][]): Float32Array {
  const out: number[] = [];
  for (const [sec, db] of runs) for (let i = 0; i < Math.round(sec / FRAME); i++) out.push(db);
  return Float32Array.from(out);
}

/** Sentences of `speak` seconds separated by pauses of `pause` seconds, `total` seconds long. */
function talk(total: number, speak = 4, pause = 0.6): Float32Array {
  const runs: [number, number][] = [[0.5, QUIET]];
  let t = 0.5;
  while (t + speak + pause <= total) {
    runs.push([speak, SPEECH], [pause, QUIET]);
    t += speak + pause;
  }
  runs.push([total - t, QUIET]);
  return envelope(runs);
}

const isQuietAt = (db: Float32Array, sec: number): boolean => db[Math.min(db.length - 1, Math.round(sec / FRAME))]! <= QUIET;

describe('noiseFloorDb / findSilences', () => {
  it('takes the 10th percentile as the floor', () => {
    expect(noiseFloorDb(envelope([[1, QUIET], [9, SPEECH]]))).toBe(SPEECH);
    expect(noiseFloorDb(envelope([[2, QUIET], [8, SPEECH]]))).toBe(QUIET);
  });
  it('finds pauses at least minSilenceSec long, and none shorter', () => {
    const db = envelope([[1, SPEECH], [0.1, QUIET], [1, SPEECH], [0.5, QUIET], [1, SPEECH]]);
    const s = findSilences(db, -50, FRAME, 0.25);
    expect(s).toHaveLength(1);
    expect(s[0]!.startSec).toBeCloseTo(2.1, 5);
    expect(s[0]!.endSec).toBeCloseTo(2.6, 5);
  });
});

describe('planChunks', () => {
  it('keeps a short recording in one chunk', () => {
    const db = talk(30);
    const { chunks } = planChunks(db, { frameSec: FRAME });
    expect(chunks).toEqual([{ startSec: 0, endSec: db.length * FRAME }]);
  });

  it('cuts long speech into 20–45 s chunks, each cut inside a pause, covering everything', () => {
    const db = talk(300);
    const { chunks } = planChunks(db, { frameSec: FRAME });
    expect(chunks.length).toBeGreaterThanOrEqual(7);
    expect(chunks[0]!.startSec).toBe(0);
    expect(chunks.at(-1)!.endSec).toBeCloseTo(db.length * FRAME, 6);
    for (const [i, c] of chunks.entries()) {
      const len = c.endSec - c.startSec;
      expect(len).toBeLessThanOrEqual(45 + 1e-9);
      if (i < chunks.length - 1) {
        expect(len).toBeGreaterThanOrEqual(20 - 1e-9);
        expect(chunks[i + 1]!.startSec).toBeCloseTo(c.endSec, 9); // contiguous: no audio lost
        expect(isQuietAt(db, c.endSec)).toBe(true); // no word is cut
        expect(isQuietAt(db, c.endSec - 0.1) && isQuietAt(db, c.endSec + 0.1)).toBe(true);
      }
    }
  });

  it('prefers a long pause over short ones in the window', () => {
    // Speech with 0.3 s gaps every second, one 2 s pause at 33–35 s, then more of the same.
    const choppy = (sec: number): [number, number][] => Array.from({ length: sec }, (): [number, number][] => [[0.7, SPEECH], [0.3, QUIET]]).flat();
    const db = envelope([...choppy(33), [2, QUIET], ...choppy(40)]);
    const { chunks } = planChunks(db, { frameSec: FRAME });
    // The long pause runs from 32.7 s (the last short gap merges into it) to 35 s.
    expect(chunks[0]!.endSec).toBeGreaterThan(32.7);
    expect(chunks[0]!.endSec).toBeLessThan(35);
    expect(isQuietAt(db, chunks[0]!.endSec)).toBe(true);
  });

  it('forces a cut at the quietest point when there is no pause at all', () => {
    // Syllable-rate modulation whose dips are too short to count as pauses, one quieter frame.
    const levels = Array.from({ length: 9000 }, (_, i) => (i === 3000 ? -60 : SPEECH + 20 * Math.sin(i / 7)));
    const db = Float32Array.from([QUIET, ...levels]);
    const { chunks } = planChunks(db, { frameSec: FRAME });
    expect(chunks[0]!.endSec).toBeCloseTo(30.01, 6);
    for (const c of chunks) expect(c.endSec - c.startSec).toBeLessThanOrEqual(45 + 1e-9);
  });

  it('never leaves a tail shorter than the minimum when it can avoid it', () => {
    const { chunks } = planChunks(talk(50), { frameSec: FRAME });
    expect(chunks).toHaveLength(2);
    for (const c of chunks) expect(c.endSec - c.startSec).toBeGreaterThanOrEqual(20 - 1e-9);
  });

  it('leaves out chunks that hold only silence, cutting long silences near the target size', () => {
    const db = envelope([[30.3, QUIET], [10, SPEECH], [60.5, QUIET]]);
    const { chunks, speechSec } = planChunks(db, { frameSec: FRAME });
    expect(speechSec).toBeCloseTo(10, 5);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.startSec).toBeCloseTo(30, 6);
    expect(chunks[0]!.endSec).toBeCloseTo(60, 6);
  });

  it('throws no_speech for digital silence, faint hiss and a lone click', () => {
    expect(thrownBy(() => planChunks(envelope([[10, -120]]), { frameSec: FRAME })).code).toBe('no_speech');
    expect(thrownBy(() => planChunks(envelope([[10, -60]]), { frameSec: FRAME })).code).toBe('no_speech');
    expect(thrownBy(() => planChunks(envelope([[5, -70], [0.05, -10], [5, -70]]), { frameSec: FRAME })).code).toBe('no_speech');
    expect(thrownBy(() => planChunks(new Float32Array(0), { frameSec: FRAME })).code).toBe('no_speech');
  });

  it('finds quiet speech relative to a quiet floor, and not hiss relative to a noisy one', () => {
    expect(planChunks(envelope([[2, -90], [3, -45], [2, -90]]), { frameSec: FRAME }).chunks).toHaveLength(1);
    expect(thrownBy(() => planChunks(envelope([[5, -35], [5, -33]]), { frameSec: FRAME })).code).toBe('no_speech');
  });
});
