import { describe, expect, it } from '@jest/globals';
import { crossValidate, fitRidge, pearson, predict } from '../../../eval/readiness/ridge.js';

describe('ridge regression', () => {
  const rows = Array.from({ length: 20 }, (_, i) => ({ x: [i, (i * 7) % 5], y: 2 + 0.5 * i, group: `g${Math.floor(i / 2)}` }));

  it('recovers an exact linear relation with no penalty', () => {
    const fit = fitRidge(rows, 0);
    expect(predict(fit, [10, 0])).toBeCloseTo(7, 6);
    expect(fit.weights[1]).toBeCloseTo(0, 6);
  });

  it('shrinks weights towards zero as the penalty grows', () => {
    expect(Math.abs(fitRidge(rows, 100).weights[0]!)).toBeLessThan(Math.abs(fitRidge(rows, 0).weights[0]!));
  });

  it('cross-validates by group: a row is never predicted by a model that saw its group', () => {
    // y is the group's own noise: a model that leaked the group would predict it; grouped CV cannot.
    const noisy = Array.from({ length: 20 }, (_, i) => ({ x: [i % 2], y: Math.floor(i / 2) % 3, group: `g${Math.floor(i / 2)}` }));
    expect(crossValidate(noisy, 1).r).toBeLessThan(0.2);
    expect(crossValidate(rows, 1).r).toBeGreaterThan(0.99);
  });

  it('pearson r', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});
