import { describe, expect, it } from '@jest/globals';
import { expectedWordSec, GUARD_SEC, hesitationRegions, isHesitationWord } from '../../../../services/media/fillers/gaps.js';
import { mergeHesitations, type HeardHesitation } from '../../../../services/media/fillers/merge.js';
import type { Word } from '../../../../services/transcripts/transcript.js';
import { hesitationPr, scoreHesitations } from '../../../../eval/hesitation-score.js';

const w = (text: string, start: number, end: number): Word => ({ text, start, end, confidence: 0.9 });
const h = (start: number, end: number, kind: 'um' | 'uh' = 'uh'): HeardHesitation => ({ start, end, kind, score: 0.8 });

describe('hesitationRegions', () => {
  it('takes the gaps between words, the lead-in and the tail, when long enough', () => {
    const words = [w('so', 1.0, 1.2), w('this', 2.0, 2.3), w('is', 2.35, 2.45)];
    expect(hesitationRegions(words, 3)).toEqual([
      { start: 0, end: 1.0, cut: false },
      { start: 1.2, end: 2.0, cut: false },
      { start: 2.45, end: 3, cut: false },
    ]);
  });

  it('skips gaps shorter than the minimum', () => {
    expect(hesitationRegions([w('a', 0, 0.1), w('b', 0.2, 0.3)], 0.3)).toEqual([]);
  });

  it('extends into a word stretched over a hesitation (the head of the next, the tail of the previous)', () => {
    // Whisper: "corpus." 8.44–8.84, "The" 10.02–10.58 where "um" was said at 9.89–10.34.
    const words = [w('corpus.', 8.44, 8.84), w('The', 10.02, 10.58)];
    const [r] = hesitationRegions(words, 11).filter((x) => x.start > 8);
    expect(r!.start).toBeCloseTo(8.84);
    expect(r!.end).toBeCloseTo(10.58 - expectedWordSec('The'));
    expect(r!.cut).toBe(false);
    const tail = hesitationRegions([w('slow,', 9.86, 10.44), w('and', 11.02, 11.08)], 12);
    expect(tail.find((x) => x.start > 9)).toEqual({ start: 9.86 + expectedWordSec('slow,'), end: 11.02, cut: true });
  });

  it("keeps clear of Whisper's own fillers", () => {
    const words = [w("Uh,", 1.84, 2.4), w("so", 4.5, 4.7)];
    const regions = hesitationRegions(words, 6);
    expect(regions[0]).toEqual({ start: 0, end: 1.84 - GUARD_SEC, cut: false });
    expect(regions[1]!.start).toBeCloseTo(2.4 + GUARD_SEC);
  });

  it('recognises the spellings the analysis counts', () => {
    for (const t of ['Um,', 'uh...', 'Umm', 'hmm.', 'Er']) expect(isHesitationWord(t)).toBe(true);
    for (const t of ['um-hum', 'the', 'I', 'summer']) expect(isHesitationWord(t)).toBe(false);
  });
});

describe('mergeHesitations', () => {
  it('inserts a heard hesitation as a word at its time', () => {
    const out = mergeHesitations([w('corpus.', 8.34, 8.84), w('the', 10.5, 10.6)], [h(9.9, 10.3, 'um')]);
    expect(out.map((x) => x.text)).toEqual(['corpus.', 'um', 'the']);
    expect(out[1]).toEqual({ text: 'um', start: 9.9, end: 10.3, confidence: 0.8 });
  });

  it('trims a stretched word so the timeline has no overlap', () => {
    // "The" stretched 10.02–10.58 over an "um" at 9.89–10.34: The keeps 10.34–10.58.
    const out = mergeHesitations([w('corpus.', 8.34, 8.84), w('The', 10.02, 10.58)], [h(9.89, 10.34, 'um')]);
    expect(out.map((x) => [x.text, x.start, x.end])).toEqual([['corpus.', 8.34, 8.84], ['um', 9.89, 10.34], ['The', 10.34, 10.58]]);
    // A previous word stretched over the start: it ends where the hesitation starts.
    const prev = mergeHesitations([w('intensity.', 12.94, 13.7)], [h(13.5, 13.85)]);
    expect(prev.map((x) => [x.text, x.start, x.end])).toEqual([['intensity.', 12.94, 13.5], ['uh', 13.5, 13.85]]);
    for (let i = 1; i < prev.length; i++) expect(prev[i]!.start).toBeGreaterThanOrEqual(prev[i - 1]!.end);
  });

  it('drops a hesitation next to a filler Whisper already wrote, and duplicates', () => {
    const words = [w('Uh,', 17.82, 18.1), w('and', 19.6, 19.96)];
    expect(mergeHesitations(words, [h(18.1, 18.29)]).map((x) => x.text)).toEqual(['Uh,', 'and']);
    expect(mergeHesitations([], [h(1, 1.4), h(1.2, 1.5)]).map((x) => x.text)).toEqual(['uh']);
  });

  it('ignores empty spans and leaves the input unchanged', () => {
    const words = [w('a', 0, 1)];
    const out = mergeHesitations(words, [h(2, 2)]);
    expect(out).toEqual(words);
    expect(out[0]).not.toBe(words[0]);
  });
});

describe('scoreHesitations', () => {
  it('pairs hesitations by alignment, whatever the spelling or sound', () => {
    const c = scoreHesitations('so um this is uh it', 'so, umm, this is, um, it');
    expect(c).toEqual({ ref: 2, hyp: 2, tp: 2, fp: 0, fn: 0 });
  });

  it('counts misses and false alarms', () => {
    const c = scoreHesitations('uh so this is the sick corpus uh i have', 'so this is uh the sick corpus i have um');
    expect(c.ref).toBe(2);
    expect(c.tp).toBe(0);
    expect(c.fn).toBe(2);
    expect(c.fp).toBe(2);
    expect(hesitationPr(c)).toEqual({ precision: 0, recall: 0 });
  });

  it('neither credits nor blames a hesitation heard where the reference has "hm" (outside the strict set)', () => {
    const c = scoreHesitations('montreal forced uh um uh hm hm um forced aligner', 'montreal forced umm umm umm forest aligner');
    expect(c).toEqual({ ref: 4, hyp: 3, tp: 3, fp: 0, fn: 1 });
  });

  it('has no precision without hesitations in the hypothesis, no recall without them in the reference', () => {
    expect(hesitationPr(scoreHesitations('a b', 'a b'))).toEqual({ precision: null, recall: null });
  });
});
