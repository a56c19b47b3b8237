import { describe, expect, it } from '@jest/globals';
import { parsePocketsphinxTimes, tokenToWord } from '../../../services/media/engines/pocketsphinx-output.js';
import { stitchChunks } from '../../../services/media/engines/stitch.js';
import type { Word } from '../../../services/transcripts/transcript.js';

const w = (text: string, start: number, end: number): Word => ({ text, start, end });

describe('tokenToWord', () => {
  it.each([['<s>'], ['</s>'], ['<sil>'], ['[NOISE]'], ['[SPEECH]'], ['[BREATH]'], ['++UH++']])('drops %s', (t) => {
    expect(tokenToWord(t)).toBeNull();
  });
  it('strips the alternate-pronunciation suffix and keeps real words', () => {
    expect(tokenToWord('read(2)')).toBe('read');
    expect(tokenToWord('for(12)')).toBe('for');
    expect(tokenToWord("don't")).toBe("don't");
    expect(tokenToWord('uh')).toBe('uh');
  });
});

describe('parsePocketsphinxTimes', () => {
  // The shape pocketsphinx_continuous -time yes prints: a hypothesis line, then one line per token.
  const stdout = [
    'and not',
    '<s> 3.170 3.280 1.000300',
    'and(2) 3.290 3.730 0.985603',
    '<sil> 3.740 3.980 0.828680',
    'not 3.990 4.300 0.817730',
    '[NOISE] 4.310 4.400 0.5',
    '</s> 4.410 4.760 1.000000',
    'what you can do',
    'what 5.350 5.600 0.285662',
    'you 5.610 5.850 1.2e-05',
  ].join('\n');

  it('reads only token lines, drops silence and noise, keeps times and confidences', () => {
    expect(parsePocketsphinxTimes(stdout)).toEqual([
      { text: 'and', start: 3.29, end: 3.73, confidence: 0.985603 },
      { text: 'not', start: 3.99, end: 4.3, confidence: 0.81773 },
      { text: 'what', start: 5.35, end: 5.6, confidence: 0.285662 },
      { text: 'you', start: 5.61, end: 5.85, confidence: 1.2e-5 },
    ]);
  });
  it('returns nothing for output without token lines', () => {
    expect(parsePocketsphinxTimes('')).toEqual([]);
    expect(parsePocketsphinxTimes('hello world\nINFO: something 1.0 2.0')).toEqual([]);
  });
});

describe('stitchChunks', () => {
  it('shifts each chunk by its offset and orders chunks that finished out of order', () => {
    const words = stitchChunks(
      [
        { offsetSec: 30, endSec: 60, words: [w('third', 1, 1.5), w('fourth', 2, 2.4)] },
        { offsetSec: 0, endSec: 30, words: [w('first', 0.5, 0.9), w('second', 28, 29)] },
      ],
      60,
    );
    expect(words.map((x) => [x.text, x.start, x.end])).toEqual([
      ['first', 0.5, 0.9],
      ['second', 28, 29],
      ['third', 31, 31.5],
      ['fourth', 32, 32.4],
    ]);
  });

  it('keeps times non-decreasing and inside each chunk and the recording', () => {
    const words = stitchChunks(
      [
        { offsetSec: 0, endSec: 20, words: [w('late', 19.5, 20.7)] },
        { offsetSec: 20, endSec: 40, words: [w('b', 5, 4), w('a', -0.2, 0.1)] },
      ],
      25,
    );
    for (const [i, x] of words.entries()) {
      expect(x.end).toBeGreaterThanOrEqual(x.start);
      expect(x.end).toBeLessThanOrEqual(25);
      if (i > 0) expect(x.start).toBeGreaterThanOrEqual(words[i - 1]!.start);
    }
    expect(words[0]).toMatchObject({ text: 'late', end: 20 });
    expect(words[1]).toMatchObject({ text: 'a', start: 20 });
    expect(words[2]).toMatchObject({ text: 'b', start: 25, end: 25 });
  });

  it('keeps confidence and other fields', () => {
    const [x] = stitchChunks([{ offsetSec: 10, endSec: 20, words: [{ text: 'hi', start: 1, end: 2, confidence: 0.4 }] }], 20);
    expect(x).toEqual({ text: 'hi', start: 11, end: 12, confidence: 0.4 });
  });

  it('returns no words for no chunks', () => {
    expect(stitchChunks([], 10)).toEqual([]);
  });
});
