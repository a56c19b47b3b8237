import { describe, expect, it } from '@jest/globals';
import { longestSpeechRun } from '../../../services/analysis/metrics/longest-speech.js';
import { detectPauses } from '../../../services/analysis/metrics/pauses.js';
import { tl, word } from './helpers/synthetic.js';

describe('detectPauses', () => {
  it('lists gaps of at least 1 s between words and ignores leading/trailing silence', () => {
    // The timeline begins at 5 s and the recording may run long after 14 s: neither counts.
    const t = tl(word('a', 5, 6), word('b', 6.5, 7), word('c', 8, 9), word('d', 11.5, 14));
    const p = detectPauses(t);
    expect(p.items).toEqual([
      { start: 7, end: 8, durationSec: 1 },
      { start: 9, end: 11.5, durationSec: 2.5 },
    ]);
    expect(p).toMatchObject({ count: 2, longestSec: 2.5, totalSec: 3.5 });
    expect(p.silenceShare).toBeCloseTo(3.5 / 9, 9);
  });

  it('counts a gap of exactly the threshold despite float error', () => {
    // 18.35 - 17.35 = 0.9999999999999982
    expect(detectPauses(tl(word('a', 17, 17.35), word('b', 18.35, 19))).count).toBe(1);
  });

  it('does not see a pause under an overlapping word', () => {
    expect(detectPauses(tl(word('a', 0, 1), word('long', 0.5, 4), word('b', 3, 5))).count).toBe(0);
  });

  it('is all zeros for no words or one word', () => {
    const zero = { count: 0, longestSec: 0, totalSec: 0, silenceShare: 0, items: [] };
    expect(detectPauses(tl())).toEqual(zero);
    expect(detectPauses(tl(word('a', 3, 4)))).toEqual(zero);
  });

  it('accepts a custom threshold', () => {
    expect(detectPauses(tl(word('a', 0, 1), word('b', 1.6, 2)), 0.5).count).toBe(1);
  });
});

describe('longestSpeechRun', () => {
  it('is the longest stretch between pauses of 1 s or more', () => {
    // runs: [0, 3.9] (the 0.9 s gap does not break it), [5, 6], [8, 12]
    const t = tl(word('a', 0, 1), word('b', 1.9, 3.9), word('c', 5, 6), word('d', 8, 12));
    expect(longestSpeechRun(t)).toEqual({ start: 8, end: 12, durationSec: 4 });
  });

  it('finds a run that ends before a pause, and spans overlaps', () => {
    const t = tl(word('a', 0, 3), word('b', 1, 5), word('c', 7, 8));
    expect(longestSpeechRun(t)).toEqual({ start: 0, end: 5, durationSec: 5 });
  });

  it('is null with no words and the word itself for one word', () => {
    expect(longestSpeechRun(tl())).toBeNull();
    expect(longestSpeechRun(tl(word('a', 2, 2.5)))?.durationSec).toBeCloseTo(0.5, 9);
  });
});
