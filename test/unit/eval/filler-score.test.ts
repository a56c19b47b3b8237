import { describe, expect, it } from '@jest/globals';
import { compareFillers, prScore, totalCounts } from '../../../eval/filler-score.js';

describe('filler precision / recall', () => {
  it('matches by word and type, per type and overall', () => {
    const gold = [{ word: 1, type: 'um' }, { word: 4, type: 'like' }, { word: 9, type: 'you know' }];
    const predicted = [{ word: 1, type: 'um' }, { word: 4, type: 'like' }, { word: 6, type: 'like' }];
    const c = compareFillers(gold, predicted);
    expect(Object.fromEntries(c.byType)).toEqual({
      um: { tp: 1, fp: 0, fn: 0 },
      like: { tp: 1, fp: 1, fn: 0 },
      'you know': { tp: 0, fp: 0, fn: 1 },
    });
    expect(c.falsePositives).toEqual([{ word: 6, type: 'like' }]);
    expect(c.falseNegatives).toEqual([{ word: 9, type: 'you know' }]);
    const all = prScore(totalCounts(c.byType));
    expect(all).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(all.precision).toBeCloseTo(2 / 3, 9);
    expect(all.recall).toBeCloseTo(2 / 3, 9);
  });

  it('counts the right word with the wrong type as one FP and one FN', () => {
    const c = compareFillers([{ word: 3, type: 'kind of' }], [{ word: 3, type: 'like' }]);
    expect(prScore(totalCounts(c.byType))).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
  });

  it('matches repeated labels as a multiset', () => {
    const c = compareFillers([{ word: 2, type: 'uh' }], [{ word: 2, type: 'uh' }, { word: 2, type: 'uh' }]);
    expect(c.byType.get('uh')).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('has no precision without predictions and no recall without labels', () => {
    expect(prScore({ tp: 0, fp: 0, fn: 3 })).toMatchObject({ precision: null, recall: 0 });
    expect(prScore({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: null });
  });
});
