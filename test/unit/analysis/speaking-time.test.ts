import { describe, expect, it } from '@jest/globals';
import { SPEAKING_MERGE_GAP_SEC, speakingTimeSec } from '../../../services/analysis/metrics/speaking-time.js';
import { tl, word } from './helpers/synthetic.js';

describe('speakingTimeSec', () => {
  it('is 0 with no words and the word length for one word', () => {
    expect(speakingTimeSec(tl())).toBe(0);
    expect(speakingTimeSec(tl(word('a', 2, 2.5)))).toBeCloseTo(0.5, 9);
  });

  it('fills gaps shorter than the merge threshold and leaves longer ones out', () => {
    expect(SPEAKING_MERGE_GAP_SEC).toBe(0.3);
    // 0.2 s gap merged, 0.5 s gap excluded: [0, 1.2] + [1.7, 2.0]
    const t = tl(word('a', 0, 0.5), word('b', 0.7, 1.2), word('c', 1.7, 2.0));
    expect(speakingTimeSec(t)).toBeCloseTo(1.5, 9);
  });

  it('treats a gap of exactly the threshold as silence despite float error', () => {
    const t = tl(word('a', 0, 0.1), word('b', 0.4, 0.5)); // 0.4 - 0.1 = 0.30000000000000004
    expect(speakingTimeSec(t)).toBeCloseTo(0.2, 9);
    // 0.7 - 0.4 = 0.29999999999999993: still a 0.3 s gap.
    expect(speakingTimeSec(tl(word('a', 0, 0.4), word('b', 0.7, 1.0)))).toBeCloseTo(0.7, 9);
  });

  it('counts overlapping time once', () => {
    const t = tl(word('a', 0, 2), word('b', 1, 3), word('c', 1.5, 1.8));
    expect(speakingTimeSec(t)).toBeCloseTo(3, 9);
  });

  it('accepts a custom threshold', () => {
    const t = tl(word('a', 0, 1), word('b', 1.5, 2));
    expect(speakingTimeSec(t, 0)).toBeCloseTo(1.5, 9);
    expect(speakingTimeSec(t, 1)).toBeCloseTo(2, 9);
  });
});
