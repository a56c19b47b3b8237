import { describe, expect, it } from '@jest/globals';
import { recordingDurationSec } from '../../../services/analysis/metrics/duration.js';
import { wordCount } from '../../../services/analysis/metrics/word-count.js';
import { wordsPerMinute } from '../../../services/analysis/metrics/wpm.js';
import { tl, word } from './helpers/synthetic.js';

describe('recordingDurationSec', () => {
  it('uses the reported media duration, including silence around the speech', () => {
    expect(recordingDurationSec(30, tl(word('a', 10, 11)))).toBe(30);
  });

  it('extends to the last word end when words run past the reported duration', () => {
    expect(recordingDurationSec(10, tl(word('a', 9, 12), word('b', 10, 11)))).toBe(12);
  });

  it('treats a missing or invalid reported duration as 0', () => {
    expect(recordingDurationSec(0, tl())).toBe(0);
    expect(recordingDurationSec(Number.NaN, tl())).toBe(0);
    expect(recordingDurationSec(-5, tl(word('a', 0, 2)))).toBe(2);
  });
});

describe('wordCount', () => {
  it('sums tokens across words, skipping punctuation-only tokens', () => {
    expect(wordCount([{ text: 'um' }, { text: 'you know' }, { text: '—' }, { text: 'M.I.T.' }])).toBe(4);
    expect(wordCount([])).toBe(0);
  });
});

describe('wordsPerMinute', () => {
  it('is words per 60 s', () => {
    expect(wordsPerMinute(22, 11)).toBe(120);
    expect(wordsPerMinute(59, 26.723)).toBeCloseTo(132.47, 2);
  });

  it('is 0, not Infinity or NaN, over zero time', () => {
    expect(wordsPerMinute(5, 0)).toBe(0);
    expect(wordsPerMinute(0, 0)).toBe(0);
  });
});
