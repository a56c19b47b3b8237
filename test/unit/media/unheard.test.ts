/** Skipped-speech stretches (services/media/engines/unheard.ts): where to decode again, what to keep, where it goes. */
import { describe, expect, it } from '@jest/globals';
import { confidentlyHeard, unheardSpeech, withRecovered } from '../../../services/media/engines/unheard.js';
import type { Word } from '../../../services/transcripts/transcript.js';

const FRAME = 0.01;
const QUIET = -60;
const LOUD = -20;
const THRESHOLD = -45;

/** An envelope of `sec` seconds, loud inside the given spans. */
function envelope(sec: number, loud: [number, number][]): Float32Array {
  const db = new Float32Array(Math.round(sec / FRAME)).fill(QUIET);
  for (const [a, b] of loud) for (let i = Math.round(a / FRAME); i < Math.round(b / FRAME); i++) db[i] = LOUD;
  return db;
}
const w = (text: string, start: number, end: number): Word => ({ text, start, end });
const opts = { frameSec: FRAME, thresholdDb: THRESHOLD };

describe('unheardSpeech', () => {
  it('finds a second or more of speech that no word covers, padded, inside its gap', () => {
    const words = [w('Thanks.', 1.0, 1.4), w('So', 6.0, 6.2)];
    const db = envelope(8, [[1.0, 1.4], [2.5, 3.4], [3.6, 4.5], [6.0, 6.2]]);
    expect(unheardSpeech(words, db, 8, opts)).toEqual([{ start: expect.closeTo(2.3, 5), end: expect.closeTo(4.7, 5) }]);
  });

  it('leaves short sounds to the filler pass and quiet gaps alone', () => {
    const words = [w('Thanks.', 1.0, 1.4), w('So', 6.0, 6.2)];
    expect(unheardSpeech(words, envelope(8, [[2.5, 3.3]]), 8, opts)).toEqual([]); // 0.8 s: a hesitation's length
    expect(unheardSpeech(words, envelope(8, []), 8, opts)).toEqual([]);
    // Two short sounds apart by more than a phrase's pause are not one stretch.
    expect(unheardSpeech(words, envelope(8, [[2.0, 2.6], [3.5, 4.1]]), 8, opts)).toEqual([]);
  });

  it('looks inside a word stretched over the skipped speech, and decodes a stretch once', () => {
    // "this" is timed 2.0–6.0 s, far longer than the word needs: the speech after its first 0.34 s is unheard.
    const words = [w('So', 1.6, 1.8), w('this', 2.0, 6.0)];
    const spans = unheardSpeech(words, envelope(8, [[1.6, 2.3], [3.0, 4.5]]), 8, opts);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.start).toBeGreaterThanOrEqual(2.34 - 1e-9);
    expect(spans[0]!.end).toBeCloseTo(4.7, 5);
  });

  it('keeps clear of a filler Whisper wrote (its times are loose)', () => {
    const words = [w('Um,', 1.0, 1.1), w('next', 4.0, 4.3)];
    expect(unheardSpeech(words, envelope(6, [[1.1, 2.2]]), 6, opts)).toEqual([]);
  });
});

describe('confidentlyHeard', () => {
  const spans = [{ start: 2, end: 5 }, { start: 10, end: 12 }];
  it('keeps a stretch whose words were heard with confidence, drops one of guesses', () => {
    const tuples: [string, number, number, number][] = [
      [' What', 2.5, 2.7, 0.95], [' is', 2.7, 2.8, 0.9], [' your', 2.8, 3.0, 0.99], [' weakness?', 3.0, 3.5, 0.7],
      [' Thank', 10.1, 10.2, 0.01], [' you', 10.2, 11.0, 0.96], [' very', 11.0, 11.1, 0.09], [' much.', 11.1, 11.5, 0.99],
    ];
    const kept = confidentlyHeard(spans, tuples);
    expect(kept.map((k) => k.span)).toEqual([spans[0]]);
    expect(kept[0]!.words.map((t) => t[0].trim())).toEqual(['What', 'is', 'your', 'weakness?']);
  });
  it('ignores words outside every stretch and stretches with none', () => {
    expect(confidentlyHeard(spans, [[' stray', 7, 7.5, 0.99]])).toEqual([]);
  });
});

describe('withRecovered', () => {
  it('inserts the recovered words and moves misplaced first-pass words out of the stretch, in order', () => {
    const first = [w('Thanks.', 31.5, 31.8), w('So', 35.58, 36.14), w('this', 36.14, 40.04), w('is', 40.04, 40.24)];
    const span = { start: 33.8, end: 37.2 };
    const recovered = [w('What', 35.5, 35.6), w('is', 35.7, 35.8), w('your', 35.8, 36.0), w('weakness?', 36.0, 36.5)];
    const out = withRecovered(first, [{ span, words: recovered }]);
    expect(out.map((x) => x.text)).toEqual(['Thanks.', 'What', 'is', 'your', 'weakness?', 'So', 'this', 'is']);
    const so = out[5]!, thisWord = out[6]!;
    expect(so.start).toBeCloseTo(37.2, 5);
    expect(thisWord.start).toBeGreaterThanOrEqual(so.end - 1e-9);
    expect(thisWord.end).toBeCloseTo(40.04, 5);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.start);
    expect(first[1]!.start).toBe(35.58); // the input is not changed
  });
  it('moves a word timed early in the stretch to before it', () => {
    const out = withRecovered([w('and', 2.1, 2.3), w('next', 9, 9.2)], [{ span: { start: 2, end: 6 }, words: [w('hello', 3, 3.5), w('there', 3.5, 4)] }]);
    expect(out.map((x) => x.text)).toEqual(['and', 'hello', 'there', 'next']);
    expect(out[0]!.end).toBeCloseTo(2, 5);
  });
});
