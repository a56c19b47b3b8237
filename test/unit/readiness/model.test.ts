import { describe, expect, it } from '@jest/globals';
import { featureIds, readinessFeatures } from '../../../services/analysis/readiness/features.js';
import { MIN_WORDS, scoreReadiness, type ReadinessWeights } from '../../../services/analysis/readiness/model.js';
import { ReadinessSchema } from '../../../services/analysis/readiness/readiness.schema.js';
import { READINESS_WEIGHTS } from '../../../services/analysis/readiness/weights.js';

const weights: ReadinessWeights = {
  version: 't',
  trainedOn: 'test rows',
  target: 'Overall',
  lambda: 1,
  variants: {
    timed: {
      features: [
        { id: 'wpm', mean: 150, sd: 25, weight: 0.3 },
        { id: 'fillerRatio', mean: 0.05, sd: 0.02, weight: -0.2 },
        { id: 'uniqueWordsLog', mean: 5.5, sd: 0.3, weight: 0 },
        { id: 'talkShare', mean: 0.85, sd: 0.05, weight: 0.2 },
      ],
      intercept: 4,
      halfWidth: 0.6,
      validity: { r: 0.6, n: 70, method: 'grouped CV' },
    },
    untimed: {
      features: [
        { id: 'fillerRatio', mean: 0.05, sd: 0.02, weight: -0.2 },
        { id: 'uniqueWordsLog', mean: 5.5, sd: 0.3, weight: 0 },
        { id: 'talkShare', mean: 0.85, sd: 0.05, weight: 0.2 },
      ],
      intercept: 4,
      halfWidth: 0.75,
      validity: { r: 0.5, n: 70, method: 'grouped CV' },
    },
  },
};

const metrics = (over: Partial<{ wpm: number; ratio: number; unique: number; talk: number; words: number }> = {}) => ({
  wpm: over.wpm ?? 150,
  wordCount: over.words ?? 500,
  fillers: { count: 0, ratio: over.ratio ?? 0.05, items: [] },
  vocabulary: { uniqueWords: over.unique ?? Math.round(Math.exp(5.5) - 1), uniqueRatio: 0.5, mattr: 0.7, windowWords: 50 },
  talkRatioByWords: over.talk ?? 0.85,
});

describe('readiness model', () => {
  it('scores the average interview at the intercept (rating 4 → 50) with the 80% interval around it', () => {
    const r = scoreReadiness(metrics(), 'timed', weights)!;
    expect(r.score).toBeCloseTo(50, 0);
    expect(r.interval).toEqual([40, 60]);
    expect(ReadinessSchema.safeParse(r).success).toBe(true);
  });

  it('drivers are the signed terms in score points, largest first, and add up to the score', () => {
    const r = scoreReadiness(metrics({ wpm: 200, ratio: 0.09 }), 'timed', weights)!;
    // wpm +2 SD × 0.3 = +0.6 rating = +10 points; fillers +2 SD × −0.2 = −0.4 rating = −6.7 points.
    expect(r.drivers.map((d) => [d.metric, d.effect])).toEqual([['wpm', 10], ['fillerRatio', -6.7], ['uniqueWordsLog', 0], ['talkShare', 0]]);
    expect(r.score).toBeCloseTo(50 + 10 - 6.7, 0);
  });

  it('clips to 0–100 and says which variant and how valid', () => {
    expect(scoreReadiness(metrics({ wpm: 1000 }), 'timed', weights)!.score).toBe(100);
    expect(scoreReadiness(metrics({ ratio: 1 }), 'untimed', weights)!.score).toBe(0);
    const u = scoreReadiness(metrics(), 'untimed', weights)!;
    expect(u.model).toMatchObject({ variant: 'untimed', validity: { r: 0.5, n: 70 } });
    expect(u.statement).toMatch(/no times, so no pace.*r = 0\.50/);
  });

  it('gives no score when the candidate said too little', () => {
    expect(scoreReadiness(metrics({ words: MIN_WORDS - 1 }), 'timed', weights)).toBeUndefined();
  });

  it('the untimed variant never reads pace; the timed one requires it', () => {
    expect(featureIds('untimed')).not.toContain('wpm');
    expect(() => readinessFeatures({ ...metrics(), wpm: undefined }, 'timed')).toThrow(/needs the pace/);
    expect(readinessFeatures({ ...metrics(), wpm: undefined }, 'untimed').fillerRatio).toBe(0.05);
  });

  it('ships trained weights for both variants with their cross-validated validity', () => {
    for (const v of ['timed', 'untimed'] as const) {
      const w = READINESS_WEIGHTS.variants[v];
      expect(w.features.map((f) => f.id)).toEqual(featureIds(v));
      expect(w.validity.n).toBe(70);
      expect(w.validity.method).toMatch(/leave-one-participant-out/);
    }
    // Rated interviews: faster speech and a larger share of the talk up, fillers down.
    const byId = Object.fromEntries(READINESS_WEIGHTS.variants.timed.features.map((f) => [f.id, f.weight]));
    expect(byId.wpm).toBeGreaterThan(0);
    expect(byId.fillerRatio).toBeLessThan(0);
    expect(byId.talkShare).toBeGreaterThan(0);
  });
});
