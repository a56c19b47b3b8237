import { describe, expect, it } from '@jest/globals';
import { applyPatch, applyPatches } from '../../../eval/testdata-corrections.js';
import { errorSummary, relativeError, truthWpm } from '../../../eval/wpm-error.js';

describe('WPM error', () => {
  it('is the absolute error relative to the truth', () => {
    expect(relativeError(103, 100)).toBeCloseTo(0.03, 12);
    expect(relativeError(97, 100)).toBeCloseTo(0.03, 12);
    expect(relativeError(100, 100)).toBe(0);
    expect(() => relativeError(100, 0)).toThrow(RangeError);
  });

  it('truth is words ÷ duration × 60, as the testdata README computes it', () => {
    expect(truthWpm(22, 11)).toBe(120);
    expect(truthWpm(59, 26.723)).toBeCloseTo(132.47, 2);
    expect(() => truthWpm(10, 0)).toThrow(RangeError);
  });

  it('summarises mean and worst error', () => {
    expect(errorSummary([0.01, 0.03, 0.02])).toEqual({ mean: expect.closeTo(0.02, 12), max: 0.03 });
    expect(errorSummary([])).toEqual({ mean: 0, max: 0 });
  });
});

describe('testdata word patches', () => {
  const w = (text: string, start: number, end: number) => ({ text, start, end });

  it('inserts a missing word in the middle half of the gap after its anchor', () => {
    const out = applyPatch([w('in', 0, 1), w('intensity', 1, 2), w('we', 4, 5)], { kind: 'insert-after', after: 'intensity', text: 'uh' });
    expect(out.map((x) => x.text)).toEqual(['in', 'intensity', 'uh', 'we']);
    expect(out[2]).toEqual(w('uh', 2.5, 3.5));
  });

  it('drops the first of a repeated pair only', () => {
    const words = [w('uh', 0, 1), w('the', 1, 2), w('uh', 2, 2.01), w('uh', 3, 4), w('x', 4, 5)];
    expect(applyPatches(words, [{ kind: 'drop-repeat', text: 'uh' }])).toEqual([w('uh', 0, 1), w('the', 1, 2), w('uh', 3, 4), w('x', 4, 5)]);
  });

  it('fails loudly when the anchor is missing (the data changed)', () => {
    expect(() => applyPatch([w('a', 0, 1)], { kind: 'insert-after', after: 'zzz', text: 'uh' })).toThrow();
    expect(() => applyPatch([w('uh', 0, 1)], { kind: 'drop-repeat', text: 'uh' })).toThrow();
  });
});
