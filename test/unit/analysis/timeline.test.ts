import { describe, expect, it } from '@jest/globals';
import { InvalidTranscriptError } from '../../../services/analysis/errors.js';
import { speechGaps, speechSpan, toTimeline } from '../../../services/analysis/metrics/timeline.js';
import { word } from './helpers/synthetic.js';

describe('toTimeline', () => {
  it('keeps sorted input as is and reports no issues', () => {
    const t = toTimeline([word('a', 0, 1), word('b', 1, 2)]);
    expect(t.words.map((w) => w.text)).toEqual(['a', 'b']);
    expect(t.issues).toEqual({ reordered: false, inverted: 0, overlapping: 0, nonSpeech: 0 });
  });

  it('sorts out-of-order words stably and says so', () => {
    const t = toTimeline([word('c', 3, 4), word('a', 1, 2), word('b', 1, 1.5)]);
    expect(t.words.map((w) => w.text)).toEqual(['a', 'b', 'c']);
    expect(t.issues.reordered).toBe(true);
  });

  it('treats a word that ends before it starts as instantaneous', () => {
    const t = toTimeline([word('a', 2, 1)]);
    expect(t.words[0]).toMatchObject({ start: 2, end: 2 });
    expect(t.issues.inverted).toBe(1);
  });

  it('counts overlapping words beyond timestamp rounding', () => {
    const t = toTimeline([word('a', 0, 2), word('b', 1, 3), word('c', 2.9995, 4)]);
    expect(t.issues.overlapping).toBe(1);
  });

  it('drops non-speech tokens and keeps speaker and confidence', () => {
    const t = toTimeline([word('[laughter]', 0, 1), word('.', 1, 1.1), word('hi', 2, 3, { speaker: 'A', confidence: 0.9 })]);
    expect(t.words).toEqual([{ text: 'hi', start: 2, end: 3, tokens: 1, speaker: 'A', confidence: 0.9 }]);
    expect(t.issues.nonSpeech).toBe(2);
  });

  it.each([
    ['NaN start', word('a', Number.NaN, 1)],
    ['infinite end', word('a', 0, Number.POSITIVE_INFINITY)],
    ['negative start', word('a', -1, 1)],
  ])('rejects %s with a typed error', (_name, bad) => {
    expect.assertions(3);
    try {
      toTimeline([word('ok', 0, 1), bad]);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidTranscriptError);
      expect((e as InvalidTranscriptError).code).toBe('invalid_transcript');
      expect((e as InvalidTranscriptError).details).toMatchObject({ index: 1 });
    }
  });
});

describe('speechGaps / speechSpan', () => {
  it('measures gaps from the furthest end so far, so overlaps never create gaps', () => {
    // b sits inside a; the only silence is between a's end (5) and c.
    const t = toTimeline([word('a', 0, 5), word('b', 1, 2), word('c', 6, 7)]);
    expect(speechGaps(t)).toEqual([{ start: 5, end: 6 }]);
    expect(speechSpan(t)).toEqual({ start: 0, end: 7 });
  });

  it('has no gaps or span for an empty timeline, and no gap between touching words', () => {
    expect(speechGaps(toTimeline([]))).toEqual([]);
    expect(speechSpan(toTimeline([]))).toBeNull();
    expect(speechGaps(toTimeline([word('a', 0, 1), word('b', 1, 2)]))).toEqual([]);
  });
});
